using System.Text.RegularExpressions;
using Readout.Analyse;
using Readout.Ingest;
using Readout.Lexicons;

namespace Readout.Extract;

/// <summary>
/// Who said it: the speaker of a cue (a name, a pronoun, "the two sides", "the Russian side", a capital for its
/// government, "according to X", "..., he said"), and the speaker a paragraph of a readout carries on with.
/// </summary>
public sealed partial class StatementExtractor
{
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
        if (cue.Class != StatementCueClass.Say) return null;
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
}
