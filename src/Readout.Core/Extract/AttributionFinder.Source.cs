using System.Text.RegularExpressions;
using Readout.Analyse;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Extract;

/// <summary>
/// The figure extractor's reading of plain words, lent to the finder for sources that no mention names ("the
/// energy ministry said"): its noun phrase ending at an offset, its stop words and its pronouns. Lent rather than
/// copied, so that a figure's measure and its source read a phrase the same way.
/// </summary>
internal sealed record PlainWords(
    Func<string, int, int, string?> PhraseBefore, IReadOnlySet<string> StopWords, IReadOnlySet<string> Pronouns);

/// <summary>Who gives a figure ("according to X", "X said", "data from X"), as written.</summary>
public sealed partial class AttributionFinder
{
    // shapes of text, not words of a language: they stay in the code (the words are extract_patterns.tsv's and
    // extract_words.tsv's)

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[,”""]\s*$")]
    private static partial Regex QuoteOrCommaEnd();

    [GeneratedRegex(@"^\p{Lu}[\p{L}.'’&\-]*$")]
    private static partial Regex NameToken();

    /// <summary>Who gives the figure at <paramref name="figure"/> in sentence <paramref name="s"/>, as written; null when
    /// no one is named.</summary>
    internal string? FigureSource(AnalysedDocument doc, Sentence s, TextSpan figure, PlainWords words)
    {
        var text = doc.Clean.Text;
        var am = _x.AccordingTo.Match(s.Text);
        if (am.Success)
        {
            var src = Spaces().Replace(am.Groups["src"].Value, " ").Trim();
            src = _x.DataFrom.Replace(src, "");
            src = _x.LeadingThe.Replace(src, "");
            src = _x.TrailingData.Replace(src, "");
            if (src.Length > 0 && src.Split(' ').Length <= 10) return src;
        }

        TextSpan? best = null;
        foreach (Match v in _x.ReportVerb.Matches(s.Text))
        {
            var abs = new TextSpan(s.Span.Start + v.Index, s.Span.Start + v.Index + v.Length);
            if (abs.Overlaps(figure)) continue;
            if (v.Value.Equals("added", StringComparison.OrdinalIgnoreCase) && abs.End <= figure.Start && figure.Start - abs.End <= 12
                && string.IsNullOrWhiteSpace(text[abs.End..figure.Start].Replace("about", "").Replace("some", "")))
                continue;   // "London added £300 million": a contribution, not something reported
            if (best is null || abs.GapTo(figure) < best.Value.GapTo(figure)) best = abs;
        }
        if (best is not { } verb) return null;

        // "..., said Ivan Melnikov"
        var beforeVerb = text[Math.Max(s.Span.Start, verb.Start - 8)..verb.Start];
        if (QuoteOrCommaEnd().IsMatch(beforeVerb))
        {
            var after = FollowingName(doc, verb.End, s.Span.End, words);
            if (after is not null) return after;
        }
        return SourceBefore(doc, s, verb.Start, words);
    }

    /// <summary>The name that follows a reporting verb: a person, else a capitalised name.</summary>
    private string? FollowingName(AnalysedDocument doc, int from, int limit, PlainWords words)
    {
        var text = doc.Clean.Text;
        var i = from;
        while (i < limit && char.IsWhiteSpace(text[i])) i++;
        var person = PersonStartingIn(doc, i, i + 1);
        if (person is not null) return person.Name;
        var m = _x.CapitalisedName.Match(text[i..Math.Min(limit, i + 120)]);
        if (!m.Success) return null;
        return TrimConnectors(m.Groups["n"].Value, words);
    }

    /// <summary>Who is named right before a reporting verb: a person, an organisation, "he" (the person last named) or a
    /// capitalised name.</summary>
    private string? SourceBefore(AnalysedDocument doc, Sentence s, int vStart, PlainWords words)
    {
        var text = doc.Clean.Text;
        var limit = s.Span.Start;
        var e = SkipSpaceBack(text, limit, vStart);
        // "Fauci just said", "the company previously reported": an adverb between the speaker and the verb
        while (_x.AdverbEnd.Match(text, Math.Max(limit, e - 20), e - Math.Max(limit, e - 20)) is { Success: true } adv && adv.Index > limit)
            e = SkipSpaceBack(text, limit, adv.Index);
        // "the Kremlin spokesman, Dmitry Peskov, said"
        var eName = e;
        if (eName > limit && text[eName - 1] == ',') eName--;

        var person = doc.Mentions.People.Where(p => p.Span.End == eName || p.Span.End == e)
            .OrderByDescending(p => p.Span.Length).FirstOrDefault();
        if (person is not null) return person.Name;
        var org = doc.Mentions.Matches.Where(m => (m.End == e || m.End == eName) && m.Value is Organisation)
            .OrderByDescending(m => m.End - m.Start).FirstOrDefault();
        if (org is not null) return ((Organisation)org.Value).Name;

        var w0 = e;
        while (w0 > limit && char.IsLetter(text[w0 - 1])) w0--;
        var lastWord = text[w0..e];
        if (_x.ThirdPerson.Contains(lastWord.ToLowerInvariant()))
            return doc.Mentions.People.LastOrDefault(p => p.Span.End <= w0 && w0 - p.Span.End < 1500)?.Name;
        if (_x.DataNouns.Contains(lastWord.ToLowerInvariant()))
            return words.PhraseBefore(text, limit, w0);

        // a capitalised name: "the General Administration of Customs said"
        var name = new List<string>();
        var i = e;
        while (i > limit)
        {
            var j = i;
            while (j > limit && !char.IsWhiteSpace(text[j - 1])) j--;
            var w = text[j..i];
            if (w.Length == 0) break;
            if (!NameToken().IsMatch(w) && !_x.NameConnectors.Contains(w)) break;
            name.Insert(0, w);
            i = SkipSpaceBack(text, limit, j);
        }
        while (name.Count > 0 && _x.NameConnectors.Contains(name[0])) name.RemoveAt(0);
        if (name.Count == 0)
        {
            // "the energy ministry said", "analysts said"
            var np = words.PhraseBefore(text, limit, e);
            return np is not null && np.Split(' ').Length <= 3 && np.All(ch => char.IsLetter(ch) || ch is ' ' or '-') ? np : null;
        }
        var joined = string.Join(' ', name);
        if (words.Pronouns.Contains(joined) || _x.PronounName.IsMatch(joined)) return null;
        return TrimConnectors(joined, words);
    }

    private string? TrimConnectors(string name, PlainWords words)
    {
        var ws = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (ws.Count > 0 && _x.NameConnectors.Contains(ws[^1])) ws.RemoveAt(ws.Count - 1);
        while (ws.Count > 0 && (_x.NameConnectors.Contains(ws[0]) || words.StopWords.Contains(ws[0]))) ws.RemoveAt(0);
        return ws.Count == 0 ? null : string.Join(' ', ws);
    }
}
