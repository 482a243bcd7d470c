using System.Text.RegularExpressions;
using Readout.Extract;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Code;

/// <summary>
/// An actor of a coded event: a country, a person (coded by the country they served), an organisation, or an
/// agent word with the country that qualifies it ("Syrian rebels" → SYR + REB).
/// </summary>
/// <param name="Span">The actor's words in the clean text.</param>
/// <param name="Country">ISO 3166 alpha-3 code, when known.</param>
/// <param name="Agent">CAMEO-style agent code (GOV, MIL, REB, ...), when the actor is not a country as a whole.</param>
/// <param name="Organisation">The organisation's canonical name, when the actor is one.</param>
public sealed record CodedActor(TextSpan Span, string Text, string? Country, string? Agent, string? Organisation)
{
    /// <summary>A GDELT-style actor code: country then agent ("SYRREB"), or the organisation's name.</summary>
    public string Code => Organisation ?? ((Country ?? "") + (Agent ?? "")) switch { "" => "---", var c => c };
}

/// <summary>
/// One act a sentence reports, coded in CAMEO: who did what to whom, with the words that say so.
/// </summary>
/// <param name="Evidence">The verb phrase the code comes from.</param>
/// <param name="Cameo">The CAMEO event code.</param>
/// <param name="Source">The actor that acts (or, for a report of another's act, the actor that reports it).</param>
/// <param name="Target">The actor acted upon, when the sentence names one.</param>
/// <param name="Basis">Why this code: the lexicon entry and every adjustment made (passive, negation, intent, report).</param>
/// <param name="Sentence">The sentence the event was read from.</param>
public sealed record CodedEvent(TextSpan Evidence, string Cameo, CodedActor? Source, CodedActor? Target, string Basis, TextSpan Sentence);

/// <summary>
/// Codes the acts a sentence reports — material ones too, not only the diplomatic interactions and statements
/// the extractors record — in CAMEO, as event-data coders such as PETRARCH do. Verb phrases come from
/// data/lexicons/event_verbs.tsv, agent words from agents.tsv, the cue lists (report, intent, appeal,
/// negation) from words.tsv, and the grammar words around a verb and an actor (determiners, passive auxiliaries,
/// pronouns) from event_coder_words.tsv and event_coder_patterns.tsv. The grammar is shallow, by design: the source
/// is the nearest actor before the verb (the actor after "by" in a passive, after the verb for reverse phrases), the
/// target the first actor after it.
/// Adjustments follow CAMEO's coding rules:
/// <list type="bullet">
/// <item>a negated co-operative act is a rejection (12x); a negated hostile act is no event;</item>
/// <item>an intent to act ("wants to help") is the matching 03x (or a threat, 13x, for hostile acts);</item>
/// <item>an appeal to another to act ("asks Obama to help") is the matching 02x;</item>
/// <item>a report of another's hostile act ("X said Y attacked") is an accusation (112) by the reporter; a report
/// of one's own is a claim of responsibility (015).</item>
/// </list>
/// An event needs a source, and at least one of its actors must have a country or be an organisation.
/// The coder holds no per-document state; one instance serves many threads.
/// </summary>
public sealed partial class SentenceEventCoder
{
    // The patterns take the process's match limit (TextLimits.MatchTimeout), as every lexicon pattern does; a wall-clock
    // limit of their own fired on linear patterns on a loaded machine.
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private readonly Lexicon _lexicon;
    private readonly Codebook _codebook;
    private readonly List<(Regex Regex, EventVerb Verb)> _verbs;
    private readonly List<(Regex Regex, AgentWord Agent)> _agents;
    private readonly Regex _report, _intent, _appeal, _negation, _toAction, _hypothetical, _verbLead;

    // the grammar words around a verb and an actor (event_coder_patterns.tsv), taken from the lexicon when the coder is built
    private readonly Regex _determiner, _passiveBefore, _pronoun, _byAfter, _modifierGap, _ofInCountry, _group, _toBefore, _appealTo;

    public SentenceEventCoder(Lexicon lexicon, Codebook codebook)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(codebook);
        _lexicon = lexicon;
        _codebook = codebook;
        _verbs = lexicon.EventVerbs.Select(v => (PrecompiledPatterns.Build(@"\b(?:" + v.Pattern + @")\b", Opts), v)).ToList();
        _agents = lexicon.AgentWords.Select(a => (PrecompiledPatterns.Build(@"\b(?:" + a.Pattern + @")\b", Opts), a)).ToList();
        _report = WordRegex("report_speech");
        _intent = WordRegex("intent");
        _appeal = WordRegex("appeal");
        _negation = WordRegex("negation");
        _toAction = WordRegex("to_action");
        _hypothetical = WordRegex("hypothetical");
        _verbLead = WordRegex("verb_lead");
        var grammar = lexicon.EventCoder;
        _determiner = grammar.DeterminerBefore;
        _passiveBefore = grammar.PassiveBefore;
        _pronoun = grammar.Pronoun;
        _byAfter = grammar.ByAfter;
        _modifierGap = grammar.ModifierGap;
        _ofInCountry = grammar.OfInCountry;
        _group = grammar.MutualGroup;
        _toBefore = grammar.ToBefore;
        _appealTo = grammar.ToBeforeWithCase;
    }

    private Regex WordRegex(string category) =>
        PrecompiledPatterns.Build(string.Join("|", _lexicon.WordList(category).Select(p => "(?:" + p + ")")) is { Length: > 0 } p ? p : "(?!)", Opts);

    /// <summary>Codes every sentence of an analysed document; events in text order.</summary>
    public IReadOnlyList<CodedEvent> Code(AnalysedDocument document, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var events = new List<CodedEvent>();
        foreach (var sentence in document.Sentences)
        {
            ct.ThrowIfCancellationRequested();
            events.AddRange(CodeSentence(sentence.Text, sentence.Span.Start, document.Frame.Date));
        }
        return events;
    }

    /// <summary>Codes one sentence; spans are offset by <paramref name="offset"/> (the sentence's start in its document).</summary>
    public IReadOnlyList<CodedEvent> CodeSentence(string sentence, int offset = 0, DateOnly? day = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var events = new List<CodedEvent>();
        // A question asks whether something happened; it does not report that it did.
        if (sentence.TrimEnd().EndsWith('?')) return events;
        var actors = FindActors(sentence, day);
        var verbs = FindVerbs(sentence);
        // An appeal verb that an appeal to act has absorbed ("urged Venezuela to release ...") is not a second event.
        var absorbed = new HashSet<int>();
        foreach (var (start, end, verb) in verbs)
        {
            if (actors.Any(a => a.Start <= start && end <= a.End && !IsPronoun(a))) continue;   // a verb inside a name
            if (!verb.Nominal && !sentence.AsSpan(start, end - start).Contains(' ') && IsNoun(sentence, start, actors)) continue;
            var coded = CodeVerb(sentence, start, end, verb, actors);
            if (coded is null) continue;
            var (cameo, source, target, basis) = coded.Value;
            if (!_codebook.IsValidCameo(cameo)) continue;
            if (basis.Contains(AppealMark, StringComparison.Ordinal))
                absorbed.UnionWith(verbs.Where(v => v.End <= start && Root(v.Verb.Cameo) == 2 && AppealLead(sentence[v.Start..start])).Select(v => offset + v.Start));
            events.Add(new CodedEvent(new TextSpan(offset + start, offset + end), cameo,
                source?.ToCoded(sentence, offset), target?.ToCoded(sentence, offset), basis,
                new TextSpan(offset, offset + sentence.Length)));
        }
        return events.Where(e => !absorbed.Contains(e.Evidence.Start)).ToList();
    }

    private List<(int Start, int End, EventVerb Verb)> FindVerbs(string sentence)
    {
        var taken = new List<(int Start, int End, EventVerb Verb)>();
        foreach (var (regex, verb) in _verbs)
            foreach (Match m in regex.Matches(sentence))
                if (m.Length > 0 && !taken.Any(t => t.Start < m.Index + m.Length && m.Index < t.End))
                    taken.Add((m.Index, m.Index + m.Length, verb));
        taken.Sort((a, b) => a.Start.CompareTo(b.Start));
        return taken;
    }

    private (string Cameo, Actor? Source, Actor? Target, string Basis)? CodeVerb(string s, int start, int end, EventVerb verb, List<Actor> actors)
    {
        var before = s[..start];
        var basis = $"'{s[start..end]}' → {verb.Cameo} ({verb.Note})";
        Actor? source, target;
        // "is attacked" is passive, "is conducting" is not.
        var passive = verb.Direction == VerbDirection.Active && _passiveBefore.IsMatch(before)
                      && !FirstWord(s[start..end]).EndsWith("ing", StringComparison.OrdinalIgnoreCase);
        if (passive)
        {
            var by = _byAfter.Match(s[end..]);
            // The agent follows "by", perhaps after a prefix the actor does not include ("by pro-Russian separatists").
            source = by.Success ? actors.FirstOrDefault(a => a.Start >= end + by.Length && a.Start <= end + by.Length + MaxPrefix) : null;
            target = Nearest(actors, start, source);
            basis += "; passive";
        }
        else if (verb.Direction == VerbDirection.Reverse)
        {
            source = actors.FirstOrDefault(a => a.Start >= end);
            target = Nearest(actors, start, source);
        }
        else
        {
            source = Nearest(actors, start, null);
            target = actors.FirstOrDefault(a => a.Start >= end && a != source && !IsPronoun(a));
            if (source is null && verb.Direction == VerbDirection.Mutual) { source = target; target = null; }
        }
        source = Resolve(source, actors);
        target = Resolve(target, actors);
        if (verb.NeedsTarget && !HasObject(s, start, end, verb, actors)) return null;

        var cameo = verb.Cameo;
        var root = Root(cameo);
        var hostile = root >= 13;

        // Report of an act: "X said (that) Y attacked Z".
        var report = LastMatch(_report, before);
        Actor? reporter = null;
        if (report is not null)
        {
            reporter = Resolve(Nearest(actors, report.Index, null), actors);
            var reported = Nearest(actors, start, null) is { } n && n.Start >= report.Index + report.Length ? n : null;
            if (reporter is not null && root >= 14)
            {
                var self = reported is not null && (IsPronoun(reported) || Resolve(reported, actors)?.SameAs(reporter) == true)
                           || passive && source is not null && source.SameAs(reporter);
                if (self) return ("015", reporter, target, basis + $"; reported by its own actor ('{s[report.Index..(report.Index + report.Length)].Trim()}') → 015 claim responsibility");
                var accused = passive ? source : Resolve(reported, actors) ?? source;
                return ("112", reporter, accused is not null && !accused.SameAs(reporter) ? accused : null,
                    basis + $"; reported by another actor ('{s[report.Index..(report.Index + report.Length)].Trim()}') → 112 accuse");
            }
        }

        var tail = ClauseTail(before);
        if (_negation.IsMatch(tail))
        {
            if (hostile || root <= 2) return null;
            var rejected = root switch { 4 => "125", 6 or 7 => "121", 8 => "124", _ => "120" };
            return Valid(rejected, source, target, basis + $"; negated → {rejected}");
        }

        if (_hypothetical.IsMatch(tail)) return null;
        var appeal = AppealBefore(tail, actors, start);
        if (appeal is { } a && !passive)
        {
            var appealed = root switch { 7 => "023", 6 => "021", 4 => "026", 8 => "025", _ when hostile => "021", _ => "020" };
            return Valid(appealed, Resolve(Nearest(actors, start - tail.Length + a.VerbStart, null), actors) ?? source, a.Addressee,
                basis + $"; {AppealMark} → {appealed}");
        }
        // CAMEO has intent codes (03x) for co-operative acts and threats (13x) for hostile ones; none for
        // investigating (09), so an intent to investigate is coded as the act.
        var intent = _intent.IsMatch(tail);
        if (intent && root == 9) return Valid(cameo, source, target, basis + "; an intent to investigate (CAMEO has no intent code for it)");
        if (intent && root is >= 4 and <= 20)
        {
            var intended = root switch
            {
                4 => "036", 5 => "030", 6 => "031", 7 => "033", 8 => "035",
                _ when root >= 15 => "138", _ => "130",
            };
            return Valid(intended, source, target, basis + $"; an intent to act → {intended}");
        }
        // "to help slow the spread", "efforts to fight": a purpose, not a report of the act.
        if (_toBefore.IsMatch(tail) && !_toAction.IsMatch(tail)) return null;
        return Valid(cameo, source, target, basis);
    }

    /// <summary>
    /// A general verb reports an act only with an object actor right after it ("helped Ukraine", "met with
    /// the Georgian envoy"); a mutual verb may instead follow two or more actors ("the US and Russia met").
    /// </summary>
    private bool HasObject(string s, int start, int end, EventVerb verb, List<Actor> actors)
    {
        if (actors.Any(a => a.Start >= end && a.Start - end <= ObjectWindow && !IsPronoun(a) && Gap().IsMatch(s[end..a.Start])))
            return true;
        if (verb.Direction != VerbDirection.Mutual) return false;
        var before = actors.Where(a => a.End <= start && !IsPronoun(a)).ToList();
        return before.Count >= 2 && start - before[^2].Start <= GroupWindow && _group.IsMatch(s[before[^2].Start..start]);
    }

    private const int ObjectWindow = 30;
    // a shape, not words: nothing but words, spaces, apostrophes and hyphens between a verb and its object
    [GeneratedRegex(@"^[\s\w'’-]*$", Opts & ~RegexOptions.Compiled)]
    private static partial Regex Gap();
    private const int GroupWindow = 80;

    /// <summary>
    /// Whether a one-word event word is used as a noun: a verb follows its subject (an actor or pronoun), an
    /// auxiliary, an adverb or a time word (words.tsv verb_lead); after an article, a possessive or any other
    /// word ("oil demand", "similar attacks", "the Hamas attack") it names the act rather than reports it.
    /// </summary>
    private bool IsNoun(string s, int start, List<Actor> actors)
    {
        var before = s[..start];
        if (before.TrimEnd().Length == 0) return false;
        var word = s[start..].Split(' ', 2)[0];
        if (word.EndsWith("ed", StringComparison.OrdinalIgnoreCase)) return false;   // a past tense ("alleged") is a verb
        if (_determiner.IsMatch(before)) return true;
        var subject = actors.LastOrDefault(a => a.End <= start && s[a.End..start].Trim().Length == 0);
        if (subject is not null) return !IsPronoun(subject) && _determiner.IsMatch(s[..subject.Start]);
        return !_verbLead.IsMatch(before);
    }

    private static (string, Actor?, Actor?, string)? Valid(string cameo, Actor? source, Actor? target, string basis)
    {
        if (source is null) return null;
        if (target is not null && target.SameAs(source, byAgent: true)) target = null;
        if (!source.IsAnchored && target?.IsAnchored != true) return null;
        return (cameo, source, target, basis);
    }

    /// <summary>"wants Putin to", "is asking Obama to": the appeal verb and whom it addresses, right before the verb.</summary>
    private (int VerbStart, Actor Addressee)? AppealBefore(string tail, List<Actor> actors, int verbStart)
    {
        var to = _appealTo.Match(tail);
        if (!to.Success) return null;
        var tailStart = verbStart - tail.Length;
        var addressee = actors.LastOrDefault(x => x.End <= tailStart + to.Index && x.Start >= tailStart);
        if (addressee is null) return null;
        var lead = tail[..(addressee.Start - tailStart)];
        var m = _appeal.Match(lead);
        if (!m.Success || tail[(addressee.End - tailStart)..to.Index].Trim().Length > 0) return null;
        return (m.Index, addressee);
    }

    /// <summary>The text before the verb back to the last clause break, where negation, intent and appeals are read.</summary>
    private static string ClauseTail(string before)
    {
        var cut = before.LastIndexOfAny([',', ';', ':', '(', '"']);
        return cut < 0 ? before : before[(cut + 1)..];
    }

    private static Match? LastMatch(Regex regex, string text)
    {
        Match? last = null;
        foreach (Match m in regex.Matches(text)) last = m;
        return last;
    }

    private const int MaxPrefix = 5;
    private const string AppealMark = "an appeal to another to act";

    /// <summary>The words from an appeal verb to the act it asks for: the verb, its addressee, "to".</summary>
    private bool AppealLead(string text) => text.Length <= 80 && _toBefore.IsMatch(text);

    private static string FirstWord(string phrase)
    {
        var space = phrase.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? phrase : phrase[..space];
    }

    private static int Root(string cameo) => int.Parse(cameo.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture);
}
