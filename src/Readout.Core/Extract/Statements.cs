using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Readout.Analyse;
using Readout.Documents;
using Readout.Ingest;
using Readout.Lexicons;

namespace Readout.Extract;

/// <summary>Who made a statement: a person, a state speaking as such ("the Russian side", "Beijing") or an organisation.</summary>
public sealed record Speaker(string Name, string? Country, string Kind);

/// <summary>A statement's PLOVER coding: event type and, where PLOVER defines one, mode.</summary>
public sealed record PloverCode(string? Event, string? Mode);

/// <summary>
/// One reported statement: who said it, the cue, the clause as in the clean text, its coding in PLOVER
/// and CAMEO, topics and flags, and the interaction it was made in.
/// </summary>
public sealed record Statement(
    string Id,
    string Text,
    int Start,
    int End,
    IReadOnlyList<Speaker> Speakers,
    string Cue,
    Speaker? Target,
    PloverCode Plover,
    string? Cameo,
    double? Goldstein,
    int? QuadClass,
    IReadOnlyList<string> Topics,
    bool Negated,
    bool Future,
    bool Hypothetical,
    string Source,
    string ContentHash,
    string? Interaction)
{
    /// <summary>The fused record the statement's interaction belongs to (set when read from the store).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Record { get; init; }
}

/// <summary>
/// Finds reported statements. A statement starts at the subject of a reporting cue ("Xi Jinping
/// emphasized that...", "the two sides agreed to..."); a sentence with no cue inside a paragraph whose
/// speaker is known continues that speaker's speech, as official readouts are written. Headlines,
/// bylines and captions are not statements.
/// </summary>
public sealed partial class StatementExtractor(Lexicon lexicon, Code.Codebook codebook)
{
    private readonly List<(Regex Rx, string Class)> _cues =
        lexicon.StatementCues.Select(c => (new Regex(c.Pattern, RegexOptions.IgnoreCase | RegexOptions.Compiled), c.Class)).ToList();
    private readonly List<(Regex Rx, string Event)> _rules =
        lexicon.PloverRules.Select(r => (new Regex(r.Pattern, RegexOptions.IgnoreCase | RegexOptions.Compiled), r.Event)).ToList();

    [GeneratedRegex(@"\b(?<who>the two sides|both sides|the two governments|both governments|the two countries|both countries)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StateGroup();

    [GeneratedRegex(@"\b(?<who>the two (presidents|leaders|heads of state|heads of government|men|prime ministers|premiers|ministers|foreign ministers)|both (presidents|leaders|men)|the leaders|the presidents|they)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PersonGroup();

    [GeneratedRegex(@"\b([Hh]e|[Ss]he|his|her|I)\b")]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"\b[Tt]he (?<dem>[A-Z][a-z]+) (?<role>president|prime minister|leader|premier|chancellor|head of state|foreign minister)\b")]
    private static partial Regex RoleReference();

    [GeneratedRegex(@"\b(?<t>Prime Minister|President|Chancellor|Premier)\b")]
    private static partial Regex BareTitle();

    [GeneratedRegex(@"\b[Tt]he (?<dem>[A-Z][\w.]*(?: [A-Z][\w.]*)?) side\b")]
    private static partial Regex DemonymSide();

    [GeneratedRegex(@"(;|,\s*and\b|,|\band\b)")]
    private static partial Regex ClauseSeparator();

    [GeneratedRegex(@"\b(not|never|no|neither|nor|without)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    [GeneratedRegex(@"\b(will|would|shall|going to|plans? to|intends? to|is to|are to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureMarker();

    [GeneratedRegex(@"\b(if|unless|could|might|may|should .* then|in case)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hypothetical();

    [GeneratedRegex(@"\b(should|need to|needs to|the need for|will continue|will also|will jointly|will be extended|would be renewed|(is|are|was|were) willing|stands? ready|readiness|pledg\w+|committed to|hope[sd]?\b|look(s|ed)? forward|agree\w*|expect\w*|wanted to build)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Commitment();

    [GeneratedRegex(@"\b(?<subj>[\w' -]{1,40}?)\s+(should|must|has to|have to|had to|needs? to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Obligation();

    [GeneratedRegex(@"^(the two|both|china and russia|russia and china|the two countries|the two sides|we|they|all|each|it|this|that|these|the world|countries|the international community)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SharedSubject();

    private sealed record Cue(int Start, int End, string Class, string Text);

    /// <summary>The longest sentence read for statements.</summary>
    public const int MaxSentenceLength = 3000;

    public IReadOnlyList<Statement> Extract(AnalysedDocument doc, IReadOnlyList<Interaction> interactions, CancellationToken ct = default)
    {
        var result = new List<Statement>();
        var happened = interactions.Where(i => i.Status == "happened").ToList();
        var pair = (happened.FirstOrDefault() ?? (interactions.Count > 0 ? interactions[0] : null))?.Participants ?? [];
        List<Speaker>? paragraphSpeaker = null;
        List<Speaker>? carried = null;          // the speaker of the paragraph before, for readouts that give each sentence its own paragraph
        var paragraph = -1;
        var paragraphHasCue = false;
        var paragraphOpensReadout = false;
        Speaker? lastPerson = null;

        foreach (var s in doc.Sentences)
        {
            ct.ThrowIfCancellationRequested();
            if (s.Paragraph != paragraph)
            {
                carried = paragraphOpensReadout || (carried is not null && !paragraphHasCue) ? paragraphSpeaker : null;
                if (!ContinuesSpeech(doc, s)) carried = null;
                paragraphOpensReadout = ReadoutOpening().IsMatch(s.Text);
                paragraph = s.Paragraph;
                paragraphSpeaker = carried;
                paragraphHasCue = false;
            }
            if (doc.Transcript.IsTranscript)
            {
                if (TurnStatement(doc, s, pair, interactions) is { } said) result.Add(said);
                continue;
            }
            if (!IsBodySentence(doc, s)) continue;
            // a "sentence" of thousands of characters is a run-on table or a page without stops, not speech;
            // the clause analysis below is superlinear in it (a 500 KB line took minutes; found by the fuzzer)
            if (s.Text.Length > MaxSentenceLength) { paragraphSpeaker = null; continue; }
            var cues = FindCues(s.Text);
            if (cues.Count == 0)
            {
                if (paragraphSpeaker is not null)
                    result.Add(Make(doc, s, s.Span.Start, "(continued)", "say", paragraphSpeaker, pair, interactions));
                continue;
            }
            paragraphHasCue = true;

            // one statement per clause that has its own cue (and its own or a shared subject)
            var groups = new List<(int Start, Cue Cue, bool Shared)>();
            for (int i = 0; i < cues.Count; i++)
            {
                var prevEnd = i == 0 ? 0 : cues[i - 1].End;
                var between = s.Text[prevEnd..cues[i].Start];
                var sep = ClauseSeparator().Matches(between).LastOrDefault();
                if (i > 0 && sep is null)
                {
                    // "said he hoped": the more telling verb codes the statement
                    if (groups[^1].Cue.Class == "say" && cues[i].Class != "say") groups[^1] = (groups[^1].Start, cues[i] with { Start = groups[^1].Cue.Start }, groups[^1].Shared);
                    continue;
                }
                // ", he said." at the end, ", he said," inside, "according to X." at the end only name the speaker
                if (cues[i].Class == "say" && IsAttribution(s.Text, cues[i]))
                {
                    if (i == 0) groups.Add((0, cues[i], false));
                    continue;
                }
                if (sep is null) { groups.Add((0, cues[i], false)); continue; }
                var clauseStart = prevEnd + sep.Index + sep.Length;
                var hasSubject = SubjectIn(doc, s, s.Span.Start + clauseStart, s.Span.Start + cues[i].Start, pair) is not null;
                var shared = s.Text[clauseStart..cues[i].Start].Trim().Length <= 12;   // "... and warmly congratulated"
                if (!hasSubject && !shared) { if (i == 0) groups.Add((0, cues[i], false)); continue; }
                while (clauseStart < cues[i].Start && s.Text[clauseStart] == ' ') clauseStart++;
                if (i == 0 && clauseStart > 25 && paragraphSpeaker is not null)
                    groups.Add((0, new Cue(0, 0, "say", "(continued)"), false));   // "Russia sees in China a partner, and hails..."
                groups.Add((i == 0 && !(clauseStart > 25 && paragraphSpeaker is not null) ? 0 : clauseStart, cues[i], shared && !hasSubject));
            }

            // "said he was aware of X and that Moscow was open to talks": a second "that" clause is a second statement
            if (groups.Count > 0 && groups[^1].Cue.Class == "say")
            {
                var last = groups[^1];
                var and = Regex.Match(s.Text[last.Cue.End..], @"\band that\b");
                if (and.Success) groups.Add((last.Cue.End + and.Index + 4, new Cue(last.Cue.End + and.Index + 4, last.Cue.End + and.Index + 8, "say", last.Cue.Text), true));
            }
            var speakersOf = new List<Speaker>?[groups.Count];
            for (int g = 0; g < groups.Count; g++)
            {
                var (start, cue, shared) = groups[g];
                if (cue.Text == "(continued)") { speakersOf[g] = paragraphSpeaker; continue; }
                var absStart = s.Span.Start + start;
                speakersOf[g] = shared && g > 0 ? speakersOf[g - 1]
                    : SubjectIn(doc, s, absStart, s.Span.Start + cue.Start, pair, paragraphSpeaker, lastPerson)
                      ?? SpeakerAfter(doc, s, cue);
            }
            // "Noting X, President Xi stressed...": a clause with no subject takes the next one's
            for (int g = groups.Count - 2; g >= 0; g--) speakersOf[g] ??= speakersOf[g + 1];
            // "..., he said." / "..., according to the customs office.": the attribution names who said the sentence
            var attributed = groups.Count > 0 && IsAttribution(s.Text, groups[0].Cue)
                ? (groups[0].Cue.Text.Equals("according to", StringComparison.OrdinalIgnoreCase) ? SpeakerAfter(doc, s, groups[0].Cue) : null)
                  ?? Attribution(doc, s, paragraphSpeaker, lastPerson)
                : Attribution(doc, s, paragraphSpeaker, lastPerson);
            if (attributed is not null)
                for (int g = 0; g < groups.Count; g++)
                    if (speakersOf[g] is null || speakersOf[g]!.All(x => x.Kind == "state") || (g == 0 && IsAttribution(s.Text, groups[0].Cue)))
                        speakersOf[g] = attributed;
            for (int g = 0; g < groups.Count; g++)
            {
                var (start, cue, _) = groups[g];
                var speakers = speakersOf[g] ?? Attribution(doc, s, paragraphSpeaker, lastPerson) ?? paragraphSpeaker;
                if (speakers is null || speakers.Count == 0) continue;
                if (paragraphSpeaker is { Count: 1 } ps && ps[0].Kind == "person" && speakers.All(x => x.Kind == "state")
                    && speakers.Any(x => x.Country == ps[0].Country) && (speakers.Count == 1 || cue.Class != "say"))
                    speakers = ps;   // the speaker's own state, or "the two sides" inside the speaker's speech
                result.Add(Make(doc, s, s.Span.Start + start, cue.Text, cue.Class, speakers, pair, interactions));
                if (speakers.All(x => x.Kind == "person"))
                {
                    paragraphSpeaker = speakers;
                    if (speakers.Count == 1) lastPerson = speakers[0];
                }
            }
        }
        return result;
    }

    /// <summary>
    /// In a transcript the turns say who speaks: a sentence of a turn whose label names a person is that person's
    /// statement (cue "(turn)"); a reporter's question, an unnamed or unresolved speaker, the header before the
    /// first turn and courtesies of a few words ("Thank you very much.") are no one's statement.
    /// </summary>
    private Statement? TurnStatement(AnalysedDocument doc, Sentence s, IReadOnlyList<Actor> pair, IReadOnlyList<Interaction> interactions)
    {
        if (doc.Transcript.At(s.Span.Start) is not { IsQuestion: false, Speaker: { } who } turn) return null;
        var start = Math.Max(s.Span.Start, turn.Label.End);
        while (start < s.Span.End && (char.IsWhiteSpace(doc.Clean.Text[start]) || doc.Clean.Text[start] == ':')) start++;
        var words = doc.Clean.Text[start..s.Span.End].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words < MinTurnWords || s.Text.Length > MaxSentenceLength) return null;
        return Make(doc, s, start, "(turn)", "say", [new Speaker(who.Name, who.Country, "person")], pair, interactions);
    }

    /// <summary>Fewer words than this in a turn's sentence are a courtesy or an aside, not a statement.</summary>
    private const int MinTurnWords = 6;

    [GeneratedRegex(@"^(President |Prime Minister |Premier |Chancellor |Mr\.? )?[A-Z][\w-]+( [A-Z][\w-]+){0,2} (pointed out|stressed|emphasi[sz]ed|underscored|said|noted|highlighted|observed|stated) that\b")]
    private static partial Regex ReadoutOpening();

    /// <summary>", he said." / ", Putin added," / "according to the customs office." — a cue that only attributes the sentence.</summary>
    private static bool IsAttribution(string sentence, Cue cue)
    {
        var after = sentence[cue.End..].TrimEnd();
        var before = sentence[..cue.Start];
        if (cue.Text.Equals("according to", StringComparison.OrdinalIgnoreCase))
            return cue.Start > 0 && (!after.Contains(',') || cue.Start < 3);
        var shortSubject = Regex.IsMatch(before, @",\s*([\w.'’-]+\s+){1,3}$");
        return shortSubject && (after.Length <= 2 || after.StartsWith(','));
    }

    /// <summary>A paragraph that opens with no person named, no day and no meeting continues the speech before it.</summary>
    private static bool ContinuesSpeech(AnalysedDocument doc, Sentence first) =>
        !doc.Mentions.People.StartingIn(p => p.Span.Start, first.Span.Start, first.Span.End).Any()
        && !doc.Times.StartingIn(t => t.Span.Start, first.Span.Start, first.Span.End).Any(t => t.Kind != TemporalKind.Coarse)
        && !IsNarration(first.Text);

    [GeneratedRegex(@"\b(talked|met|meeting|held talks|visit(ed)?|arrived|landed|touched down|flew|welcomed|greeted|news conference|press conference|lasted|took place|followed|joined by|attended)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NarrationVerb();

    /// <summary>Sentences that tell what happened (arrivals, meetings, their length) rather than what was said.</summary>
    private static bool IsNarration(string sentence) => NarrationVerb().IsMatch(sentence);

    /// <summary>"..., he said." or "..., Putin added." at the end of a sentence names its speaker.</summary>
    private static List<Speaker>? Attribution(AnalysedDocument doc, Sentence s, List<Speaker>? paragraphSpeaker, Speaker? lastPerson)
    {
        // only the sentence's tail can hold "..., Putin said.": matched over the whole of a long sentence, the
        // overlapping runs of spaces made this pattern backtrack past its time limit (found by the fuzzer)
        var tail = Math.Max(0, s.Text.Length - 160);
        var m = Regex.Match(s.Text[tail..], @",\s*(?<who>[\w .'-]{1,40}?)\s+(said|added|says|noted|stressed|told reporters)\.?[""”]?$");
        if (!m.Success) return null;
        var at = s.Span.Start + tail + m.Groups["who"].Index;
        var person = doc.Mentions.People.StartingIn(p => p.Span.Start, at, at + m.Groups["who"].Length).FirstOrDefault(p => p.Span.End <= at + m.Groups["who"].Length);
        if (person is not null) return [new Speaker(person.Name, person.Country, "person")];
        if (m.Groups["who"].Value.Trim() is "he" or "she")
            return paragraphSpeaker is { Count: 1 } ? paragraphSpeaker : lastPerson is not null ? [lastPerson] : null;
        return null;
    }

    /// <summary>Headlines, bylines and captions end without a full stop; only body sentences carry statements.</summary>
    private static bool IsBodySentence(AnalysedDocument doc, Sentence s)
    {
        var t = s.Text.TrimEnd();
        if (t.Length < 20) return false;
        if (doc.Clean.Title is { } title && t.StartsWith(title, StringComparison.Ordinal)) return false;
        return t[^1] is '.' or '!' or '?' or '"' or '”' or '’' or ')';
    }

    private List<Cue> FindCues(string sentence)
    {
        var found = new List<Cue>();
        foreach (var (rx, cls) in _cues)
            foreach (Match m in rx.Matches(sentence))
                if (m.Index == 0 || !char.IsUpper(m.Value[0]))   // "the United States" is not a cue
                    found.Add(new Cue(m.Index, m.Index + m.Length, cls, m.Value));
        // longest first, then text order; no overlaps
        var chosen = new List<Cue>();
        foreach (var c in found.OrderByDescending(c => c.End - c.Start).ThenBy(c => c.Start))
            if (!chosen.Any(x => x.Start < c.End && c.Start < x.End)) chosen.Add(c);
        chosen.RemoveAll(c => Regex.IsMatch(c.Text, @"^(welcomed|welcomes|greeted|thanked)$", RegexOptions.IgnoreCase)
                              && Regex.IsMatch(sentence[c.End..], @"^\s+(him|her|them|[A-Z][\w.]*( [A-Z][\w.]*)?( and| at|,|\.))"));
        if (chosen.Count > 1) chosen.RemoveAll(c => c.Text.Equals("according to", StringComparison.OrdinalIgnoreCase) && c.Start < 3);
        return chosen.OrderBy(c => c.Start).ToList();
    }

    /// <summary>The speaker named between a clause's start and its cue: the mention nearest the cue.</summary>
    private List<Speaker>? SubjectIn(AnalysedDocument doc, Sentence s, int from, int to,
        IReadOnlyList<Actor>? pair = null, List<Speaker>? paragraphSpeaker = null, Speaker? lastPerson = null)
    {
        if (to <= from) return null;
        var text = doc.Clean.Text;
        var window = text[from..to];
        var candidates = new List<(int At, List<Speaker> Who)>();
        foreach (var p in doc.Mentions.People.StartingIn(p => p.Span.Start, from, to).Where(p => p.Span.End <= to))
        {
            // "at President Putin's invitation": a possessive is not the subject
            if (p.Span.End + 2 <= text.Length && text[p.Span.End] is '\'' or '’' && text[p.Span.End + 1] == 's') continue;
            if (Regex.IsMatch(text[Math.Max(from, p.Span.Start - 60)..p.Span.Start], @"\b(with|to|for|by|of|on|at|from|under|welcomed|greeted|met|received)\s+(the\s+)?([A-Z][\w.'-]*\s+){0,4}$")) continue;
            candidates.Add((p.Span.Start, [new Speaker(p.Name, p.Country, "person")]));
        }
        foreach (var pl in doc.Mentions.Places.StartingIn(p => p.Span.Start, from, to).Where(p => p.Span.End <= to))
        {
            if (Regex.IsMatch(text[Math.Max(from, pl.Span.Start - 8)..pl.Span.Start], @"\b(in|at|to|from|with|near|into|of|on)\s+(the\s+)?$", RegexOptions.IgnoreCase)) continue;
            var after = text[pl.Span.End..Math.Min(text.Length, pl.Span.End + 3)];
            if (after.StartsWith("'s", StringComparison.Ordinal) || after.StartsWith("’s", StringComparison.Ordinal))
            {
                // "Russia's foreign ministry replied" speaks for the state; "China's position" does not
                if (!Regex.IsMatch(text[pl.Span.End..Math.Min(text.Length, pl.Span.End + 40)], @"^['’]s (foreign ministry|government|foreign office|embassy|mission|side|spokes\w+|leadership)\b", RegexOptions.IgnoreCase)) continue;
            }
            if (pl.Country is { } iso) candidates.Add((pl.Span.Start, [new Speaker(lexicon.CountryByIso3.TryGetValue(iso, out var c) ? c.Iso3 : iso, iso, "state")]));
        }
        foreach (Match m in DemonymSide().Matches(window))
            if (lexicon.CountryByDemonym(m.Groups["dem"].Value) is { } c)
                candidates.Add((from + m.Index, [new Speaker(c.Iso3, c.Iso3, "state")]));
        if (pair is not null && pair.Count >= 2)
        {
            var leaders = pair.All(a => a.Role is "head_of_state" or "head_of_government");
            foreach (Match m in StateGroup().Matches(window))
                candidates.Add((from + m.Index, leaders && m.Groups["who"].Value.EndsWith("sides", StringComparison.OrdinalIgnoreCase)
                    ? pair.Select(a => new Speaker(a.Name, a.Country, "person")).ToList()
                    : pair.Where(a => a.Country is not null).Select(a => new Speaker(a.Country!, a.Country, "state")).DistinctBy(x => x.Country).ToList()));
            foreach (Match m in PersonGroup().Matches(window))
                candidates.Add((from + m.Index, pair.Select(a => new Speaker(a.Name, a.Country, "person")).ToList()));
        }
        // "The Russian president said": the principal of that country (or the office holder on the day)
        foreach (Match m in RoleReference().Matches(window))
        {
            var c = lexicon.CountryByDemonym(m.Groups["dem"].Value);
            if (c is null) continue;
            var holder = pair?.FirstOrDefault(a => a.Country == c.Iso3);
            if (holder is not null) candidates.Add((from + m.Index, [new Speaker(holder.Name, holder.Country, "person")]));
            else if (lexicon.HolderOf(c.Iso3, m.Groups["role"].Value.StartsWith("prime", StringComparison.OrdinalIgnoreCase) ? "head_of_government" : "head_of_state", doc.Frame.Date) is { } p)
                candidates.Add((from + m.Index, [new Speaker(p.Name, c.Iso3, "person")]));
        }
        // "It was agreed that...": the principals together
        if (pair is { Count: >= 2 } && Regex.IsMatch(window, @"^\s*It\s+(was|is)\s+$"))
            candidates.Add((from, pair.Select(a => new Speaker(a.Name, a.Country, "person")).ToList()));
        // "In his opening remarks Prime Minister noted": an office without a name is the principal holding it
        foreach (Match m in BareTitle().Matches(window))
        {
            var role = m.Groups["t"].Value.StartsWith("President", StringComparison.OrdinalIgnoreCase) ? "head_of_state" : "head_of_government";
            var at = from + m.Index + m.Length;
            if (doc.Mentions.People.StartingIn(p => p.Span.Start, at, at + 3).Any()) continue;   // "President Xi" is a name
            var holder = pair?.FirstOrDefault(a => a.Role == role);
            if (holder is not null) candidates.Add((from + m.Index, [new Speaker(holder.Name, holder.Country, "person")]));
        }
        foreach (Match m in Pronoun().Matches(window))
        {
            if (m.Value is "his" or "her") continue;
            var who = paragraphSpeaker is { Count: 1 } ? paragraphSpeaker : lastPerson is not null ? [lastPerson] : null;
            if (who is not null) candidates.Add((from + m.Index, who));
        }
        if (candidates.Count == 0) return null;
        var ordered = candidates.OrderBy(c => c.At).ToList();
        var chosen = ordered[^1];
        // "Russia and China agreed", "Mr Putin and Mr Xi spoke of": a coordinated subject is all of them
        if (ordered.Count >= 2 && ordered[^2].At < chosen.At && chosen.Who.Count > 0)
        {
            var prev = ordered[^2];
            var prevEnd = prev.At + 1;
            while (prevEnd < chosen.At && (char.IsLetterOrDigit(text[prevEnd]) || text[prevEnd] is '.' or '\'' or '-')) prevEnd++;
            var between = text[prevEnd..chosen.At];
            if (Regex.IsMatch(between, @"^\s*(and|,)\s*((President|Prime Minister|Mr\.?|Ms\.?)\s+)?$") && prev.Who.All(w => w.Kind == chosen.Who[0].Kind))
                return prev.Who.Concat(chosen.Who).DistinctBy(w => w.Name).ToList();
        }
        return chosen.Who;
    }

    /// <summary>"said Putin", "according to the General Administration of Customs": the speaker named right after a speech cue.</summary>
    private static List<Speaker>? SpeakerAfter(AnalysedDocument doc, Sentence s, Cue cue)
    {
        if (cue.Class != "say") return null;
        var cueEnd = s.Span.Start + cue.End;
        var to = Math.Min(s.Span.End, cueEnd + 60);
        if (cue.Text.Equals("according to", StringComparison.OrdinalIgnoreCase))
        {
            var next = doc.Mentions.Matches.StartingIn(m => m.Start, cueEnd, to).FirstOrDefault(m => m.Value is Organisation or Person or Country or City);
            return next?.Value switch
            {
                Organisation o => [new Speaker(o.Name, null, "organisation")],
                Person p => [new Speaker(p.Name, p.TenureOn(doc.Frame.Date)?.Country, "person")],
                Country c => [new Speaker(c.Iso3, c.Iso3, "state")],
                City c => [new Speaker(c.Country, c.Country, "state")],
                _ => null,
            };
        }
        var institution = doc.Mentions.Matches.StartingIn(m => m.Start, cueEnd, to).FirstOrDefault(m => m.Value is Venue or Organisation);
        if (institution is not null && Regex.IsMatch(doc.Clean.Text[cueEnd..institution.Start], @"^\s*(the\s+)?(press service|press office|spokes\w+|office|website)?\s*(of\s+)?(the\s+)?$", RegexOptions.IgnoreCase))
            return institution.Value switch
            {
                Venue v => [new Speaker(v.Country, v.Country, "state")],
                Organisation o => [new Speaker(o.Name, null, "organisation")],
                _ => null,
            };
        var person = doc.Mentions.People.StartingIn(p => p.Span.Start, cueEnd, Math.Min(to, cueEnd + 25)).FirstOrDefault();
        if (person is not null && Regex.IsMatch(doc.Clean.Text[cueEnd..person.Span.Start], @"^\s*(President |Prime Minister |Mr\.? |Ms\.? )?$")
            && !(person.Span.End < doc.Clean.Text.Length && doc.Clean.Text[person.Span.End] is '\'' or '’'))
            return [new Speaker(person.Name, person.Country, "person")];
        return null;
    }

    private Statement Make(AnalysedDocument doc, Sentence s, int start, string cue, string cueClass, List<Speaker> speakers,
        IReadOnlyList<Actor> pair, IReadOnlyList<Interaction> interactions)
    {
        var text = doc.Clean.Text[start..s.Span.End];
        var plover = Code(cueClass, text, cue);
        var interaction = interactions.Where(i => i.Status == "happened")
            .FirstOrDefault(i => speakers.Any(sp => i.Participants.Any(p => p.Name == sp.Name || p.Country == sp.Country))) ?? (interactions.Count > 0 ? interactions[0] : null);
        Speaker? target = null;
        if (speakers.Count == 1 && pair.Count == 2)
        {
            var other = pair.FirstOrDefault(p => p.Name != speakers[0].Name && p.Country != speakers[0].Country);
            if (other is not null && (text.Contains(other.Name.Split(' ')[^1], StringComparison.Ordinal) ||
                (other.Country is { } oc && lexicon.CountryByIso3.TryGetValue(oc, out var c) && text.Contains(c.Name, StringComparison.Ordinal))))
                target = new Speaker(other.Name, other.Country, "person");
        }
        var cueAt = text.IndexOf(cue, StringComparison.Ordinal);
        var around = cueAt >= 0 ? text[Math.Max(0, cueAt - 12)..Math.Min(text.Length, cueAt + cue.Length + 12)] : text[..Math.Min(40, text.Length)];
        // a plain assertion has no PLOVER type; CAMEO codes it 010, "make a statement"
        var cameo = plover is null ? (codebook.IsValidCameo("010") ? "010" : null) : codebook.CameoFor(plover, null);
        var code = cameo is null ? null : codebook.Cameo(cameo);
        return new Statement(
            "st-" + InputReader.Hash($"{doc.Clean.Raw.ContentHash}|{start}|{cue}")[..16],
            text, start, s.Span.End, speakers, cue, target, new PloverCode(plover, null), cameo, code?.Goldstein, code?.QuadClass, codebook.Topics(text),
            Negation().IsMatch(around), FutureMarker().IsMatch(text), Hypothetical().IsMatch(text),
            doc.Clean.Raw.Uri, doc.Clean.Raw.ContentHash, interaction?.Id);
    }

    /// <summary>The PLOVER type: the cue's class when it says one, else what the content says, else none (a plain assertion).</summary>
    private string? Code(string cueClass, string text, string cue)
    {
        switch (cueClass)
        {
            case "agree": return "AGREE";
            case "support": return "SUPPORT";
            case "reject": return "REJECT";
            case "request": return "REQUEST";
            case "accuse": return "ACCUSE";
            case "consult": return Regex.IsMatch(cue, "congratulat", RegexOptions.IgnoreCase) ? "SUPPORT" : "CONSULT";
        }
        // "Ukraine should soften its position" asks a third party; "the two sides should" commits both
        var ob = Obligation().Match(text);
        if (ob.Success)
        {
            var subject = ob.Groups["subj"].Value.Trim();
            var clause = subject.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? subject;
            var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var tail = string.Join(' ', words.TakeLast(Math.Min(4, words.Length)));
            if (!SharedSubject().IsMatch(tail) && words.Length > 0 && char.IsUpper(words[^1][0]) && lexicon.Gazetteer.FindAll(words[^1]).Any(m => m.Value is Country or City))
                return "REQUEST";
        }
        // a commitment stated at the head of the clause ("the two sides should...", "China is willing to...")
        // decides over words further on ("...resist interference")
        var head = text[..Math.Min(text.Length, 70)];
        if (Commitment().IsMatch(head)) return "AGREE";
        foreach (var (rx, ev) in _rules)
            if (rx.IsMatch(text)) return ev;
        return null;
    }
}
