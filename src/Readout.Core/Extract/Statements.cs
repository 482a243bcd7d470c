using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Readout.Analyse;
using Readout.Ingest;
using Readout.Lexicons;

namespace Readout.Extract;

/// <summary>Who made a statement: a person, a state speaking as such ("the Russian side", "Beijing") or an organisation.</summary>
public sealed record Speaker(string Name, string? Country, SpeakerKind Kind);

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
    private readonly PatternSet<StatementCueClass> _cues =
        new(lexicon.StatementCues.Select(c => (c.Pattern, c.Class)), RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private readonly PatternSet<string> _rules =
        new(lexicon.PloverRules.Select(r => (r.Pattern, r.Event)), RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private readonly AttributionFinder _who = new(lexicon);

    /// <summary>
    /// The words and patterns of statements (extract_patterns.tsv): where a clause starts, what a statement's flags are
    /// read from (negation, the future, a condition), commitments and obligations, narration and readout openings.
    /// </summary>
    private readonly ExtractLexicon _x = lexicon.Extract;

    private sealed record Cue(int Start, int End, StatementCueClass Class, string Text);

    public IReadOnlyList<Statement> Extract(AnalysedDocument doc, IReadOnlyList<Interaction> interactions, CancellationToken ct = default)
    {
        var result = new List<Statement>();
        var happened = interactions.Where(i => i.Status == InteractionStatus.Happened).ToList();
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
                paragraphOpensReadout = _x.ReadoutOpening.IsMatch(s.Text);
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
            if (s.Text.Length > ExtractLimits.MaxSentenceLength) { paragraphSpeaker = null; continue; }
            var cues = FindCues(s.Text);
            if (cues.Count == 0)
            {
                if (paragraphSpeaker is not null)
                    result.Add(Make(doc, s, s.Span.Start, "(continued)", StatementCueClass.Say, paragraphSpeaker, pair, interactions));
                continue;
            }
            paragraphHasCue = true;

            // one statement per clause that has its own cue (and its own or a shared subject)
            var groups = new List<(int Start, Cue Cue, bool Shared)>();
            for (int i = 0; i < cues.Count; i++)
            {
                var prevEnd = i == 0 ? 0 : cues[i - 1].End;
                var between = s.Text[prevEnd..cues[i].Start];
                var sep = _x.ClauseSeparator.Matches(between).LastOrDefault();
                if (i > 0 && sep is null)
                {
                    // "said he hoped": the more telling verb codes the statement
                    if (groups[^1].Cue.Class == StatementCueClass.Say && cues[i].Class != StatementCueClass.Say) groups[^1] = (groups[^1].Start, cues[i] with { Start = groups[^1].Cue.Start }, groups[^1].Shared);
                    continue;
                }
                // ", he said." at the end, ", he said," inside, "according to X." at the end only name the speaker
                if (cues[i].Class == StatementCueClass.Say && IsAttribution(s.Text, cues[i]))
                {
                    if (i == 0) groups.Add((0, cues[i], false));
                    continue;
                }
                if (sep is null) { groups.Add((0, cues[i], false)); continue; }
                var clauseStart = prevEnd + sep.Index + sep.Length;
                var hasSubject = _who.Subject(doc, s.Span.Start + clauseStart, s.Span.Start + cues[i].Start, pair) is not null;
                var shared = s.Text[clauseStart..cues[i].Start].Trim().Length <= 12;   // "... and warmly congratulated"
                if (!hasSubject && !shared) { if (i == 0) groups.Add((0, cues[i], false)); continue; }
                while (clauseStart < cues[i].Start && s.Text[clauseStart] == ' ') clauseStart++;
                if (i == 0 && clauseStart > 25 && paragraphSpeaker is not null)
                    groups.Add((0, new Cue(0, 0, StatementCueClass.Say, "(continued)"), false));   // "Russia sees in China a partner, and hails..."
                groups.Add((i == 0 && !(clauseStart > 25 && paragraphSpeaker is not null) ? 0 : clauseStart, cues[i], shared && !hasSubject));
            }

            // "said he was aware of X and that Moscow was open to talks": a second "that" clause is a second statement
            if (groups.Count > 0 && groups[^1].Cue.Class == StatementCueClass.Say)
            {
                var last = groups[^1];
                var and = _x.AndThat.Match(s.Text[last.Cue.End..]);
                if (and.Success) groups.Add((last.Cue.End + and.Index + 4, new Cue(last.Cue.End + and.Index + 4, last.Cue.End + and.Index + 8, StatementCueClass.Say, last.Cue.Text), true));
            }
            var speakersOf = new List<Speaker>?[groups.Count];
            for (int g = 0; g < groups.Count; g++)
            {
                var (start, cue, shared) = groups[g];
                if (cue.Text == "(continued)") { speakersOf[g] = paragraphSpeaker; continue; }
                var absStart = s.Span.Start + start;
                speakersOf[g] = shared && g > 0 ? speakersOf[g - 1]
                    : _who.Subject(doc, absStart, s.Span.Start + cue.Start, pair, paragraphSpeaker, lastPerson)
                      ?? SpeakerAfter(doc, s, cue);
            }
            // "Noting X, President Xi stressed...": a clause with no subject takes the next one's
            for (int g = groups.Count - 2; g >= 0; g--) speakersOf[g] ??= speakersOf[g + 1];
            // "..., he said." / "..., according to the customs office.": the attribution names who said the sentence
            var attributed = groups.Count > 0 && IsAttribution(s.Text, groups[0].Cue)
                ? (groups[0].Cue.Text.Equals("according to", StringComparison.OrdinalIgnoreCase) ? SpeakerAfter(doc, s, groups[0].Cue) : null)
                  ?? _who.Closing(doc, s, paragraphSpeaker, lastPerson)
                : _who.Closing(doc, s, paragraphSpeaker, lastPerson);
            if (attributed is not null)
                for (int g = 0; g < groups.Count; g++)
                    if (speakersOf[g] is null || speakersOf[g]!.All(x => x.Kind == SpeakerKind.State) || (g == 0 && IsAttribution(s.Text, groups[0].Cue)))
                        speakersOf[g] = attributed;
            for (int g = 0; g < groups.Count; g++)
            {
                var (start, cue, _) = groups[g];
                var speakers = speakersOf[g] ?? _who.Closing(doc, s, paragraphSpeaker, lastPerson) ?? paragraphSpeaker;
                if (speakers is null || speakers.Count == 0) continue;
                if (paragraphSpeaker is { Count: 1 } ps && ps[0].Kind == SpeakerKind.Person && speakers.All(x => x.Kind == SpeakerKind.State)
                    && speakers.Any(x => x.Country == ps[0].Country) && (speakers.Count == 1 || cue.Class != StatementCueClass.Say))
                    speakers = ps;   // the speaker's own state, or "the two sides" inside the speaker's speech
                result.Add(Make(doc, s, s.Span.Start + start, cue.Text, cue.Class, speakers, pair, interactions));
                if (speakers.All(x => x.Kind == SpeakerKind.Person))
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
        if (start >= s.Span.End) return null;   // a sentence inside the turn's label ("PRESIDENT BIDEN.") says nothing
        var words = doc.Clean.Text[start..s.Span.End].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words < MinTurnWords || s.Text.Length > ExtractLimits.MaxSentenceLength) return null;
        return Make(doc, s, start, "(turn)", StatementCueClass.Say, [new Speaker(who.Name, who.Country, SpeakerKind.Person)], pair, interactions);
    }

    /// <summary>Fewer words than this in a turn's sentence are a courtesy or an aside, not a statement.</summary>
    private const int MinTurnWords = 6;

    private List<Cue> FindCues(string sentence)
    {
        var found = new List<Cue>();
        foreach (var cue in _cues.Candidates(sentence))
            foreach (var m in cue.Matches(sentence))
                if (m.Index == 0 || !char.IsUpper(m.Value[0]))   // "the United States" is not a cue
                    found.Add(new Cue(m.Index, m.Index + m.Length, cue.Item, m.Value));
        if (found.Count == 0) return found;   // most sentences have no cue
        // longest first, then text order; no overlaps
        var chosen = new List<Cue>();
        foreach (var c in found.OrderByDescending(c => c.End - c.Start).ThenBy(c => c.Start))
            if (!chosen.Any(x => x.Start < c.End && c.Start < x.End)) chosen.Add(c);
        chosen.RemoveAll(c => _x.GreetingCue.IsMatch(c.Text) && _x.GreetedPerson.IsMatch(sentence[c.End..]));
        if (chosen.Count > 1) chosen.RemoveAll(c => c.Text.Equals("according to", StringComparison.OrdinalIgnoreCase) && c.Start < 3);
        return chosen.OrderBy(c => c.Start).ToList();
    }

    private Statement Make(AnalysedDocument doc, Sentence s, int start, string cue, StatementCueClass cueClass, List<Speaker> speakers,
        IReadOnlyList<Actor> pair, IReadOnlyList<Interaction> interactions)
    {
        var text = doc.Clean.Text[start..s.Span.End];
        var plover = Code(cueClass, text, cue);
        var interaction = interactions.Where(i => i.Status == InteractionStatus.Happened)
            .FirstOrDefault(i => speakers.Any(sp => i.Participants.Any(p => p.Name == sp.Name || p.Country == sp.Country))) ?? (interactions.Count > 0 ? interactions[0] : null);
        Speaker? target = null;
        if (speakers.Count == 1 && pair.Count == 2)
        {
            var other = pair.FirstOrDefault(p => p.Name != speakers[0].Name && p.Country != speakers[0].Country);
            if (other is not null && (text.Contains(other.Name.Split(' ')[^1], StringComparison.Ordinal) ||
                (other.Country is { } oc && lexicon.CountryByIso3.TryGetValue(oc, out var c) && text.Contains(c.Name, StringComparison.Ordinal))))
                target = new Speaker(other.Name, other.Country, SpeakerKind.Person);
        }
        var cueAt = text.IndexOf(cue, StringComparison.Ordinal);
        var around = cueAt >= 0 ? text[Math.Max(0, cueAt - 12)..Math.Min(text.Length, cueAt + cue.Length + 12)] : text[..Math.Min(40, text.Length)];
        // a plain assertion has no PLOVER type; CAMEO codes it 010, "make a statement"
        var cameo = plover is null ? (codebook.IsValidCameo("010") ? "010" : null) : codebook.CameoFor(plover, null);
        var code = cameo is null ? null : codebook.Cameo(cameo);
        return new Statement(
            "st-" + InputReader.Hash($"{doc.Clean.Raw.ContentHash}|{start}|{cue}")[..16],
            text, start, s.Span.End, speakers, cue, target, new PloverCode(plover, null), cameo, code?.Goldstein, code?.QuadClass, codebook.Topics(text),
            _x.Negation.IsMatch(around), _x.FutureMarker.IsMatch(text), _x.Hypothetical.IsMatch(text),
            doc.Clean.Raw.Uri, doc.Clean.Raw.ContentHash, interaction?.Id);
    }

    /// <summary>The PLOVER type: the cue's class when it says one, else what the content says, else none (a plain assertion).</summary>
    private string? Code(StatementCueClass cueClass, string text, string cue)
    {
        switch (cueClass)
        {
            case StatementCueClass.Agree: return "AGREE";
            case StatementCueClass.Support: return "SUPPORT";
            case StatementCueClass.Reject: return "REJECT";
            case StatementCueClass.Request: return "REQUEST";
            case StatementCueClass.Accuse: return "ACCUSE";
            case StatementCueClass.Consult: return _x.Congratulation.IsMatch(cue) ? "SUPPORT" : "CONSULT";
        }
        // "Ukraine should soften its position" asks a third party; "the two sides should" commits both
        // the words every match of Obligation ends with, checked first: the pattern's lazy subject is retried at
        // every word of every "said" clause (5% of a Reuters bench went to this method)
        var ob = _x.ObligationWords is not { } openings || RequiredLiterals.MayHold(text, openings)
            ? _x.Obligation.Match(text) : Match.Empty;
        if (ob.Success)
        {
            var subject = ob.Groups["subj"].Value.Trim();
            var clause = subject.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? subject;
            var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var tail = string.Join(' ', words.TakeLast(Math.Min(4, words.Length)));
            if (!_x.SharedSubject.IsMatch(tail) && words.Length > 0 && char.IsUpper(words[^1][0])
                && lexicon.Gazetteer.FindAll(words[^1]).Any(m => m.Value is Country or City))
                return "REQUEST";
        }
        // a commitment stated at the head of the clause ("the two sides should...", "China is willing to...")
        // decides over words further on ("...resist interference")
        var head = text[..Math.Min(text.Length, 70)];
        if (_x.Commitment.IsMatch(head)) return "AGREE";
        foreach (var rule in _rules.Candidates(text))
            if (rule.IsMatch(text)) return rule.Item;
        return null;
    }
}
