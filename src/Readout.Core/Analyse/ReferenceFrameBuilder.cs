using System.Globalization;
using System.Text.RegularExpressions;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Analyse;

/// <summary>
/// Decides what a report's dates are counted from, in this order: its publication date; its dateline's
/// day with a year the text states; a year the text states. Never the clock, and never a guessed year:
/// with none of these, a day without its year stays partial ("--12-30") with that basis.
/// </summary>
/// <param name="dates">The lexicon's dates: what a year that dates the report is, and what a target or deadline is
/// ("by 2030", "until 2025").</param>
public sealed class ReferenceFrameBuilder(DateLexicon dates)
{
    public ReferenceFrame Build(CleanDocument doc)
    {
        if (doc.Published is { } p)
            return new ReferenceFrame(p.Date, p.Date.Year, DateBasis.Publication(p.Date, p.Source));

        int? year = null;
        string? yearText = null;
        foreach (Match m in dates.StatedYear.Matches(doc.Text))
        {
            var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (year is null || y > year) { year = y; yearText = Around(doc.Text, m.Index, m.Length); }
        }
        if (doc.Dateline is { Month: { } mon, Day: { } day } dl)
        {
            var dlText = doc.Text[dl.Span.Start..dl.Span.End].Trim();
            if (year is { } y)
                return new ReferenceFrame(Safe(y, mon, day), y, DateBasis.Dateline(dlText, y, yearText!));
        }
        if (year is { } only)
            return new ReferenceFrame(null, only, DateBasis.StatedYear(only, yearText!));
        return new ReferenceFrame(null, null, DateBasis.NothingInReport);
    }

    private static DateOnly Safe(int y, int m, int d) => new(y, m, Math.Min(d, DateTime.DaysInMonth(y, m)));

    private static string Around(string text, int index, int length)
    {
        var s = Math.Max(0, index - 30);
        var e = Math.Min(text.Length, index + length + 10);
        return Regex.Replace(text[s..e], @"\s+", " ").Trim();
    }
}
