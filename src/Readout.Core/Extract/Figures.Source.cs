using System.Text.RegularExpressions;
using Readout.Analyse;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Extract;

/// <summary>
/// Step 4: who gives a figure ("according to X", "X said", "data from X").
/// </summary>
public static partial class FigureExtractor
{
    // ---- source ---------------------------------------------------------------------------------------

    [GeneratedRegex(@"\baccording\s+to\s+(?<src>.+?)(?=\s*(?:[,;:()\n]|\.(?:\s|$)|$|\s+(?:which|who|that|as|while|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b))", RegexOptions.IgnoreCase)]
    private static partial Regex AccordingToRx();

    [GeneratedRegex(@"^(?:(?:the|official|latest|preliminary|new|recent)\s+)*(?:data|figures|statistics|numbers|estimates|calculations)\s+(?:from|by|of|released\s+by|published\s+by|compiled\s+by|issued\s+by)\s+(?:the\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex DataFromRx();

    [GeneratedRegex(@"\b(?<v>said|says|say|told|tells|stated|noted|added|announced|reported|reports|estimated|estimates|showed|shows|show|revealed|disclosed|pointed\s+out|stressed|emphasi[sz]ed|underscored|highlighted|observed|recalled|predicted|forecast|expects)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReportVerbRx();

    private static readonly HashSet<string> NameConnectors = new(StringComparer.Ordinal) { "of", "for", "and", "the", "on", "de", "du", "&" };

    // ---- source ---------------------------------------------------------------------------------------

    private static string? Source(AnalysedDocument doc, Sentence s, Candidate c)
    {
        var text = doc.Clean.Text;
        var am = AccordingToRx().Match(s.Text);
        if (am.Success)
        {
            var src = Spaces().Replace(am.Groups["src"].Value, " ").Trim();
            src = DataFromRx().Replace(src, "");
            src = LeadingThe().Replace(src, "");
            src = TrailingData().Replace(src, "");
            if (src.Length > 0 && src.Split(' ').Length <= 10) return src;
        }

        Match? best = null;
        foreach (Match v in ReportVerbRx().Matches(s.Text))
        {
            var abs = new TextSpan(s.Span.Start + v.Index, s.Span.Start + v.Index + v.Length);
            if (abs.Overlaps(new TextSpan(c.Start, c.End))) continue;
            if (v.Value.Equals("added", StringComparison.OrdinalIgnoreCase) && abs.End <= c.Start && c.Start - abs.End <= 12
                && string.IsNullOrWhiteSpace(text[abs.End..c.Start].Replace("about", "").Replace("some", "")))
                continue;   // "London added £300 million": a contribution, not something reported
            if (best is null || Distance(abs, new TextSpan(c.Start, c.End)) < Distance(new TextSpan(s.Span.Start + best.Index, s.Span.Start + best.Index + best.Length), new TextSpan(c.Start, c.End)))
                best = v;
        }
        if (best is null) return null;
        var vStart = s.Span.Start + best.Index;
        var vEnd = vStart + best.Length;

        // "..., said Ivan Melnikov"
        var beforeVerb = text[Math.Max(s.Span.Start, vStart - 8)..vStart];
        if (QuoteOrCommaEnd().IsMatch(beforeVerb))
        {
            var after = FollowingName(doc, vEnd, s.Span.End);
            if (after is not null) return after;
        }
        return SpeakerBefore(doc, s, vStart);
    }

    private static string? FollowingName(AnalysedDocument doc, int from, int limit)
    {
        var text = doc.Clean.Text;
        var i = from;
        while (i < limit && char.IsWhiteSpace(text[i])) i++;
        var person = doc.Mentions.People.FirstOrDefault(p => p.Span.Start == i);
        if (person is not null) return person.Name;
        var m = CapitalisedName().Match(text[i..Math.Min(limit, i + 120)]);
        if (!m.Success) return null;
        return TrimConnectors(m.Groups["n"].Value);
    }

    /// <summary>Who is named right before a reporting verb: a person, an organisation, "he" (the person last named) or a capitalised name.</summary>
    private static string? SpeakerBefore(AnalysedDocument doc, Sentence s, int vStart)
    {
        var text = doc.Clean.Text;
        var e = vStart;
        while (e > s.Span.Start && char.IsWhiteSpace(text[e - 1])) e--;
        // "Fauci just said", "the company previously reported": an adverb between the speaker and the verb
        while (AdverbEnd().Match(text, Math.Max(s.Span.Start, e - 20), e - Math.Max(s.Span.Start, e - 20)) is { Success: true } adv && adv.Index > s.Span.Start)
        {
            e = adv.Index;
            while (e > s.Span.Start && char.IsWhiteSpace(text[e - 1])) e--;
        }
        // "the Kremlin spokesman, Dmitry Peskov, said"
        var eName = e;
        if (eName > s.Span.Start && text[eName - 1] == ',') eName--;

        var person = doc.Mentions.People.Where(p => p.Span.End == eName || p.Span.End == e).OrderByDescending(p => p.Span.Length).FirstOrDefault();
        if (person is not null) return person.Name;
        var org = doc.Mentions.Matches.Where(m => (m.End == e || m.End == eName) && m.Value is Organisation).OrderByDescending(m => m.End - m.Start).FirstOrDefault();
        if (org is not null) return ((Organisation)org.Value).Name;

        var w0 = e;
        while (w0 > s.Span.Start && char.IsLetter(text[w0 - 1])) w0--;
        var lastWord = text[w0..e];
        if (lastWord.ToLowerInvariant() is "he" or "she")
        {
            var prev = doc.Mentions.People.LastOrDefault(p => p.Span.End <= w0 && w0 - p.Span.End < 1500);
            return prev?.Name;
        }
        if (lastWord.ToLowerInvariant() is "data" or "figures" or "statistics" or "estimates")
            return WordsBackward(text, s.Span.Start, w0);

        // a capitalised name: "the General Administration of Customs said"
        var words = new List<(int Start, string W)>();
        var i = e;
        while (i > s.Span.Start)
        {
            var j = i;
            while (j > s.Span.Start && !char.IsWhiteSpace(text[j - 1])) j--;
            var w = text[j..i];
            if (w.Length == 0) break;
            var isCap = NameToken().IsMatch(w);
            if (!isCap && !NameConnectors.Contains(w)) break;
            words.Insert(0, (j, w));
            i = j;
            while (i > s.Span.Start && char.IsWhiteSpace(text[i - 1])) i--;
        }
        while (words.Count > 0 && NameConnectors.Contains(words[0].W)) words.RemoveAt(0);
        if (words.Count == 0)
        {
            // "the energy ministry said", "analysts said"
            var np = WordsBackward(text, s.Span.Start, e);
            return np is not null && np.Split(' ').Length <= 3 && np.All(ch => char.IsLetter(ch) || ch is ' ' or '-') ? np : null;
        }
        var name = string.Join(' ', words.Select(w => w.W));
        if (Pronouns.Contains(name) || PronounName().IsMatch(name)) return null;
        return TrimConnectors(name);
    }

    private static string? TrimConnectors(string name)
    {
        var ws = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (ws.Count > 0 && NameConnectors.Contains(ws[^1])) ws.RemoveAt(ws.Count - 1);
        while (ws.Count > 0 && (NameConnectors.Contains(ws[0]) || StopWords.Contains(ws[0]))) ws.RemoveAt(0);
        return ws.Count == 0 ? null : string.Join(' ', ws);
    }
}
