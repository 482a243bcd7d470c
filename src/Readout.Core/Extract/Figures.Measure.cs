using System.Text.RegularExpressions;
using Readout.Analyse;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Extract;

/// <summary>
/// Step 3: what a figure measures, from the noun phrase near it ("trade between China and Russia").
/// </summary>
public sealed partial class FigureExtractor
{
    // ---- shapes of text, not words of a language: they stay in the code -------------------------------

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[’'](?:re|ve|ll|m|d)\b")]
    private static partial Regex Contraction();

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Parenthesis();

    /// <summary>Between a figure and the change after it lies only its period, its basis and the change's own words.</summary>
    private bool ChangeFollows(string text, int from, int to, List<TextSpan> masks)
    {
        return to - from <= 120 && !_w.AnotherClaim.IsMatch(Unmasked(text, from, to, masks));
    }

    /// <summary>The text between two offsets without the period and basis phrases in it.</summary>
    private static string Unmasked(string text, int from, int to, List<TextSpan> masks)
    {
        var sb = new System.Text.StringBuilder(to - from);
        for (int i = from; i < to; i++) if (!masks.Any(m => m.Contains(i))) sb.Append(text[i]);
        return sb.ToString();
    }

    // ---- measure --------------------------------------------------------------------------------------

    private string? Measure(AnalysedDocument doc, Sentence s, Candidate c, List<TextSpan> masks, List<Candidate> cands)
    {
        if (c.Kind == Kind.Count) return null;
        var text = doc.Clean.Text;
        var win = WindowStart(s, c.Start);
        var before = text[win..c.Start];

        // "a $400 billion gas deal"
        if (c.Kind == Kind.Money && _w.ArticleBefore.IsMatch(before))
        {
            var np = WordsForward(text, c.End, s.Span.End, allowFirstStop: false);
            if (np is not null) return np;
        }

        // subject of the verb that leads to the figure: "Trade between China and Russia increased to $172.4 billion"
        var vm = _w.VerbBefore.Match(before);
        if (!vm.Success && c.Kind is Kind.Percent or Kind.Points) vm = _w.ChangeBefore.Match(before);   // "store sales up nine percent"
        if (vm.Success && !cands.Any(o => o != c && o.End > win + vm.Index - 1 && o.End <= c.Start))
        {
            var clauseEnd = win + vm.Index;
            var subject = Subject(doc, s, WindowStart(s, clauseEnd, 240), clauseEnd, masks);
            if (subject is not null) return subject;
        }

        // "1 million tonnes of discounted grain", "$10 billion in loans", "47.5 percent of the market"
        var of = _w.OfAfter.Match(text[c.End..Math.Min(s.Span.End, c.End + 40)]);
        if (of.Success)
        {
            var npStart = c.End + of.Length;
            var np = WordsForward(text, npStart, s.Span.End, allowFirstStop: false, allowDeterminer: true);
            if (np is not null && !_w.YearOrMonthStart.IsMatch(np)
                && !cands.Any(o => o != c && o.Start >= npStart && o.Start <= text.IndexOf(np, npStart, StringComparison.Ordinal) + np.Length + 3))
                return np;
        }

        // "a trade volume of $X", "investment worth $X"
        var ofBefore = _w.OfBefore.Match(before);
        if (ofBefore.Success)
        {
            var npEnd = win + ofBefore.Index;
            var np = WordsBackward(text, win, npEnd);
            if (np is not null && !cands.Any(o => o != c && o.End <= npEnd && o.End > npEnd - np.Length - 1)) return np;
        }
        return null;
    }

    /// <summary>The noun phrase that ends at <paramref name="clauseEnd"/>, from the start of its clause.</summary>
    private string? Subject(AnalysedDocument doc, Sentence s, int clauseStart, int clauseEnd, List<TextSpan> masks)
    {
        var text = doc.Clean.Text;
        // a parenthesis inside the subject is skipped, not a boundary: "purchase price (including costs) will be"
        var clause = Parenthesis().Replace(text[clauseStart..clauseEnd], m => new string(' ', m.Length));
        var bounds = _w.ClauseBoundary.Matches(clause);
        var from = clauseStart;
        foreach (Match b in bounds) from = clauseStart + b.Index + b.Length;
        // a period or basis phrase inside the subject ends it: "Bilateral trade in the first three quarters of 2021"
        var to = clauseEnd;
        foreach (var mk in masks)
            if (mk.Start >= from && mk.Start < to) to = mk.Start;
            else if (mk.Start < from && mk.End > from) from = Math.Min(mk.End, to);
        while (from < to && char.IsWhiteSpace(text[from])) from++;
        var lead = _w.LeadingGlue.Match(text[from..to]);
        var start = from + lead.Length;
        var subject = Spaces().Replace(clause[(start - clauseStart)..(to - clauseStart)], " ").Trim().TrimEnd(',', ';', ':');
        var words = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        if (words.Length == 0 || (words.Length == 1 && _w.Pronouns.Contains(words[0])))
        {
            // "trade, which he said had grown": the relative pronoun's antecedent
            var rel = _w.Relative.Match(clause);
            return rel.Success ? WordsBackward(text, clauseStart, clauseStart + rel.Index) : null;
        }
        if (words.Length > 10 || _w.Pronouns.Contains(words[0]) && words.Length == 1) return null;
        if (!words.Any(w => w.Any(char.IsLetter)) || _w.NotANounPhrase.IsMatch(subject) || _x.ReportVerb.IsMatch(subject)
            || Contraction().IsMatch(subject)) return null;
        return CaseFirst(doc, s, start, subject);
    }

    /// <summary>Lower-cases the first letter unless the phrase starts with a name, an acronym or a word capitalised mid-sentence.</summary>
    private static string CaseFirst(AnalysedDocument doc, Sentence s, int start, string phrase)
    {
        if (phrase.Length == 0 || !char.IsUpper(phrase[0])) return phrase;
        var first = phrase.Split(' ')[0];
        if (first.Length > 1 && first.All(ch => !char.IsLetter(ch) || char.IsUpper(ch))) return phrase;   // "EU", "RMB"
        if (start > s.Span.Start) return phrase;                                                          // capitalised mid-sentence: a name
        if (doc.Mentions.Matches.Any(m => m.Start == start) || doc.Mentions.People.Any(p => p.Span.Start == start)
            || doc.Mentions.Places.Any(p => p.Span.Start == start)) return phrase;
        return char.ToLowerInvariant(phrase[0]) + phrase[1..];
    }

    private string? WordsForward(string text, int from, int limit, bool allowFirstStop, bool allowDeterminer = false)
    {
        if (from >= limit) return null;
        var m = FollowingWordsRx().Match(text, from, Math.Min(limit, from + 160) - from);
        if (!m.Success || m.Index != from) return null;
        var kept = new List<string>();
        var caps = m.Groups["w"].Captures;
        for (int i = 0; i < caps.Count; i++)
        {
            var w = caps[i].Value;
            if (i == 0 && allowDeterminer && _w.NpDeterminers.Contains(w.ToLowerInvariant())) continue;
            if (_w.StopWords.Contains(w) && !(i == 0 && allowFirstStop)) break;
            if (_w.MoveWords.Contains(w) && kept.Count > 0) break;
            kept.Add(w);
        }
        if (kept.Count == 0 || kept.Count == 1 && _w.GenericHeads.Contains(kept[0]) || _w.TimeHeads.Contains(kept[^1])) return null;
        return string.Join(' ', kept);
    }

    private string? WordsBackward(string text, int limit, int end)
    {
        var words = new List<string>();
        var i = end;
        while (words.Count < 4)
        {
            while (i > limit && char.IsWhiteSpace(text[i - 1])) i--;
            var j = i;
            while (j > limit && (char.IsLetter(text[j - 1]) || text[j - 1] is '-' or '\'' or '’')) j--;
            if (j == i) break;
            var w = text[j..i];
            if (_w.StopWords.Contains(w) || _w.MeasureVerbs.Contains(w) || _x.ReportVerb.IsMatch(w)
                || w.EndsWith("ed", StringComparison.Ordinal) && words.Count > 0) break;
            words.Insert(0, w);
            i = j;
        }
        if (words.Count == 0 || _w.GenericHeads.Contains(words[^1])) return null;
        if (_w.Pronouns.Contains(words[0]) && words.Count == 1) return null;
        return string.Join(' ', words);
    }
}
