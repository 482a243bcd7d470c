using System.Globalization;
using System.Text.RegularExpressions;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Analyse;

/// <summary>
/// Decides what a report's dates are counted from, in this order: its publication date; its dateline's
/// day with a year the text states; a year the text states; a dated event it mentions. Never the clock.
/// </summary>
public sealed partial class ReferenceFrameBuilder(Lexicon lexicon)
{
    private readonly List<(Regex Rx, EraAnchor Anchor)> _anchors =
        lexicon.Anchors.Select(a => (new Regex(a.Pattern, RegexOptions.IgnoreCase | RegexOptions.Compiled), a)).ToList();

    // a year that dates the report, not a target or a deadline ("by 2030", "until 2025")
    [GeneratedRegex(@"(?<!\b(?:by|until|till|through|before|to|towards?|next|in the)\s)\b(?<y>19[5-9]\d|20[0-4]\d)\b(?!\s*(?:target|goals?|agenda|vision|-\d))")]
    private static partial Regex Year();

    public ReferenceFrame Build(CleanDocument doc)
    {
        if (doc.Published is { } p)
            return new ReferenceFrame(p.Date, p.Date.Year, null, string.Create(CultureInfo.InvariantCulture, $"publication date {p.Date:yyyy-MM-dd} ({p.Source})"));

        int? year = null;
        string? yearText = null;
        foreach (Match m in Year().Matches(doc.Text))
        {
            var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (year is null || y > year) { year = y; yearText = Around(doc.Text, m.Index, m.Length); }
        }
        DateOnly? notBefore = null;
        string? anchorLabel = null;
        foreach (var (rx, a) in _anchors)
            if (rx.IsMatch(doc.Text) && (notBefore is null || a.NotBefore > notBefore)) { notBefore = a.NotBefore; anchorLabel = a.Label; }

        if (doc.Dateline is { Month: { } mon, Day: { } day } dl)
        {
            var dlText = doc.Text[dl.Span.Start..dl.Span.End].Trim();
            if (year is { } y)
                return new ReferenceFrame(Safe(y, mon, day), y, null, $"dateline \"{dlText}\" in the year {y} stated in the text (\"{yearText}\")");
            if (notBefore is { } nb)
            {
                var yy = Safe(nb.Year, mon, day) < nb ? nb.Year + 1 : nb.Year;
                return new ReferenceFrame(Safe(yy, mon, day), yy, null,
                    $"dateline \"{dlText}\"; no year in the text, so the first such day after the mentioned {anchorLabel}", YearInferred: true);
            }
        }
        if (year is { } only)
            return new ReferenceFrame(null, only, null, $"year {only} stated in the text (\"{yearText}\")");
        if (notBefore is { } n)
            return new ReferenceFrame(null, null, n, $"the mentioned {anchorLabel}");
        return new ReferenceFrame(null, null, null, "nothing in the report");
    }

    private static DateOnly Safe(int y, int m, int d) => new(y, m, Math.Min(d, DateTime.DaysInMonth(y, m)));

    private static string Around(string text, int index, int length)
    {
        var s = Math.Max(0, index - 30);
        var e = Math.Min(text.Length, index + length + 10);
        return Regex.Replace(text[s..e], @"\s+", " ").Trim();
    }
}
