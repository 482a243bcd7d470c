using System.Globalization;
using System.Text.RegularExpressions;
using Readout.Clean;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Analyse;

public enum TemporalKind { FullDate, MonthDay, Weekday, Relative, Coarse }

/// <summary>A time expression as written, before it is placed on the calendar.</summary>
public sealed record TemporalExpression(TextSpan Span, string Text, TemporalKind Kind,
    int? Year = null, int? Month = null, int? Day = null, DayOfWeek? Weekday = null, int YearOffset = 0, int DayOffset = 0);

/// <summary>
/// Extraction half of date handling (as Recognizers-Text separates extraction from resolution): finds
/// dates, weekdays, relative days and coarse periods in text. Longer patterns are tried first and a
/// span once taken is not matched again. The patterns with words (month and weekday names, "last week") are the
/// lexicon's (<see cref="DateLexicon"/>); a date in digits only is read here.
/// </summary>
public sealed partial class TemporalExtractor(DateLexicon dates)
{
    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d\d)-(?<m>\d\d)-(?<d>\d\d)(?!\d)")]
    private static partial Regex Iso();

    public List<TemporalExpression> Extract(string text, int offset = 0)
    {
        var found = new List<TemporalExpression>();
        var taken = new List<TextSpan>();
        bool Free(int s, int e) => !taken.Any(t => t.Start < e && s < t.End);
        void Take(Match m, Func<Match, TemporalExpression?> make)
        {
            if (!Free(m.Index, m.Index + m.Length)) return;
            if (make(m) is { } t) { found.Add(t); taken.Add(new TextSpan(m.Index, m.Index + m.Length)); }
        }
        TextSpan Abs(Match m) => new(offset + m.Index, offset + m.Index + m.Length);
        DayOfWeek? Wday(Match m) => m.Groups["wd"].Success ? Enum.Parse<DayOfWeek>(m.Groups["wd"].Value) : null;
        int I(Match m, string g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);

        // the month's number from its name's first three letters (the lexicon's names are checked for one at load)
        int Mon(Match m) => MetadataReader.MonthNumber(m.Groups["mon"].Value);

        // a pattern that reads a month or a weekday by name is not run over a text that names none (DateLexicon.MonthWords)
        var months = dates.MonthWords.ContainsAny(text);
        foreach (var rx in months ? new[] { dates.DayMonthYear, dates.MonthDayYear } : [])
            foreach (Match m in rx.Matches(text))
                Take(m, m => Valid(I(m, "y"), Mon(m), I(m, "d"))
                    ? new TemporalExpression(Abs(m), m.Value, TemporalKind.FullDate, I(m, "y"), Mon(m), I(m, "d"), Wday(m))
                    : null);
        foreach (Match m in Iso().Matches(text)) Take(m, m => Valid(I(m, "y"), I(m, "m"), I(m, "d")) ? new TemporalExpression(Abs(m), m.Value, TemporalKind.FullDate, I(m, "y"), I(m, "m"), I(m, "d")) : null);
        foreach (var rx in months ? new[] { dates.DayMonth, dates.MonthDay } : [])
            foreach (Match m in rx.Matches(text))
                Take(m, m => Valid(2000, Mon(m), I(m, "d"))
                    ? new TemporalExpression(Abs(m), m.Value, TemporalKind.MonthDay, null, Mon(m), I(m, "d"), Wday(m),
                        m.Groups["last"].Success ? -1 : 0)
                    : null);
        foreach (Match m in dates.RelativeDay.Matches(text))
            Take(m, m => new TemporalExpression(Abs(m), m.Value, TemporalKind.Relative,
                DayOffset: m.Groups["rel"].Value.ToLowerInvariant() is "yesterday" or "last night" ? -1 : 0));
        foreach (var m in dates.WeekdayWords.ContainsAny(text) ? dates.Weekday.Matches(text) : Enumerable.Empty<Match>())
            Take(m, m => new TemporalExpression(Abs(m), m.Value, TemporalKind.Weekday, Weekday: Wday(m),
                DayOffset: m.Groups["rel"].Value switch { "next" or "coming" => 1, "last" => -1, _ => 0 }));
        foreach (Match m in dates.Coarse.Matches(text))
        {
            if (m.Value.Trim().Length < 3) continue;
            Take(m, m => new TemporalExpression(Abs(m), m.Value.Trim(), TemporalKind.Coarse));
        }
        found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return found;
    }

    private static bool Valid(int y, int m, int d) => m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);
}

/// <summary>A day placed on the calendar, or as much of it as the text allows, and why.</summary>
public sealed record ResolvedDate(DateOnly? Date, string? Partial, DateBasis Basis);

/// <summary>
/// What a document's dates are resolved against: never the clock, always something the document says
/// (publication date, dateline, a year in the text).
/// </summary>
public sealed record ReferenceFrame(DateOnly? Date, int? Year, DateBasis Basis);

/// <summary>Resolution half of date handling: places a temporal expression on the calendar.</summary>
public static class DateResolver
{
    public static ResolvedDate? Resolve(TemporalExpression t, ReferenceFrame frame, bool future)
    {
        switch (t.Kind)
        {
            case TemporalKind.FullDate:
                return new ResolvedDate(new DateOnly(t.Year!.Value, t.Month!.Value, t.Day!.Value), null, DateBasis.FullDate(t.Text));
            case TemporalKind.MonthDay:
            {
                int m = t.Month!.Value, d = t.Day!.Value;
                if (frame.Date is { } r)
                {
                    var y = r.Year + t.YearOffset;
                    if (t.YearOffset == 0)
                    {
                        // a happened event lies on or before the reference day; a planned one on or after it
                        if (!future && SafeDate(y, m, d) > r.AddDays(1)) y--;
                        if (future && SafeDate(y, m, d) < r.AddDays(-1)) y++;
                    }
                    return new ResolvedDate(SafeDate(y, m, d), null, DateBasis.YearFrom(t.Text, frame.Basis));
                }
                if (frame.Year is { } year)
                    return new ResolvedDate(SafeDate(year + t.YearOffset, m, d), null, DateBasis.YearFrom(t.Text, frame.Basis));
                return new ResolvedDate(null, $"--{m:00}-{d:00}", DateBasis.YearUnknown(t.Text));
            }
            case TemporalKind.Weekday:
            {
                if (frame.Date is not { } r) return new ResolvedDate(null, null, DateBasis.NoReferenceDay(t.Text));
                var target = t.Weekday!.Value;
                var diff = ((int)r.DayOfWeek - (int)target + 7) % 7;
                var day = future || t.DayOffset > 0 ? r.AddDays(((int)target - (int)r.DayOfWeek + 7) % 7) : r.AddDays(-diff);
                if (t.DayOffset < 0 && diff == 0) day = day.AddDays(-7);
                return new ResolvedDate(day, null, DateBasis.CountedFrom(t.Text, frame.Basis));
            }
            case TemporalKind.Relative:
                if (frame.Date is not { } rr) return new ResolvedDate(null, null, DateBasis.NoReferenceDay(t.Text));
                return new ResolvedDate(rr.AddDays(t.DayOffset), null, DateBasis.CountedFrom(t.Text, frame.Basis));
            default:
                return null;
        }
    }

    private static DateOnly SafeDate(int y, int m, int d) => new(y, m, Math.Min(d, DateTime.DaysInMonth(y, m)));
}
