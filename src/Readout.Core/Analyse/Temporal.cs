using System.Globalization;
using System.Text.RegularExpressions;
using Readout.Clean;
using Readout.Documents;

namespace Readout.Analyse;

public enum TemporalKind { FullDate, MonthDay, Weekday, Relative, Coarse }

/// <summary>A time expression as written, before it is placed on the calendar.</summary>
public sealed record TemporalExpression(TextSpan Span, string Text, TemporalKind Kind,
    int? Year = null, int? Month = null, int? Day = null, DayOfWeek? Weekday = null, int YearOffset = 0, int DayOffset = 0);

/// <summary>
/// Extraction half of date handling (as Recognizers-Text separates extraction from resolution): finds
/// dates, weekdays, relative days and coarse periods in text. Longer patterns are tried first and a
/// span once taken is not matched again.
/// </summary>
public static partial class TemporalExtractor
{
    private const string Mon = MetadataReader.MonthNames;
    private const string Wd = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

    [GeneratedRegex(@"\b(?:(?<wd>" + Wd + @"),?\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<mon>" + Mon + @")\.?,?\s+(?<y>(?:19|20)\d\d)\b")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(?:(?<wd>" + Wd + @"),?\s+)?(?<mon>" + Mon + @")\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,\s*(?<y>(?:19|20)\d\d)\b")]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d\d)-(?<m>\d\d)-(?<d>\d\d)(?!\d)")]
    private static partial Regex Iso();

    // "Monday , (3 March": the spaces around the comma are taken once (atomic groups); as "\s*,?\s*" the
    // engine tried every split of a long run of spaces between the two, quadratic (found by the fuzzer)
    [GeneratedRegex(@"\b(?:(?<wd>" + Wd + @")(?>\s*)(?:,(?>\s*))?\(?)?(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>" + Mon + @")\b\.?(?<last>\s+of\s+last\s+year)?\)?")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?:(?<wd>" + Wd + @")(?>\s*)(?:,(?>\s*))?\(?)?(?<mon>" + Mon + @")\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:percent|per cent|%|million|billion))\)?(?<last>\s+of\s+last\s+year)?")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?:(?<rel>last|next|this|coming)\s+)?(?<wd>" + Wd + @")(?:'s)?\b")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?<rel>yesterday|today|tonight|last night|this morning|this afternoon|this evening|earlier today)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeDay();

    [GeneratedRegex(@"\b(?:(?:in|since|during|by|of|from|until|last|next|this|early|late|mid|the end of|the beginning of|the start of|the spring of|the summer of|the autumn of|the fall of|the winter of)\s+)*(?:(?:" + Mon + @")(?:\s*,?\s*(?:19|20)\d\d)?|(?:19|20)\d\d|(?:last|next|this) (?:week|month|year|spring|summer|autumn|fall|winter)|(?:spring|summer|autumn|winter) of (?:19|20)\d\d)\b", RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 10000)]
    // Without backtracking: the run of leading words ("of of of ...") was rescanned from every word,
    // quadratic in its length (120 KB took 28 s); this engine is linear.
    private static partial Regex Coarse();

    public static List<TemporalExpression> Extract(string text, int offset = 0)
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

        foreach (Match m in DayMonthYear().Matches(text)) Take(m, m => Valid(I(m, "y"), MetadataReader.MonthNumber(m.Groups["mon"].Value), I(m, "d")) ? new TemporalExpression(Abs(m), m.Value, TemporalKind.FullDate, I(m, "y"), MetadataReader.MonthNumber(m.Groups["mon"].Value), I(m, "d"), Wday(m)) : null);
        foreach (Match m in MonthDayYear().Matches(text)) Take(m, m => Valid(I(m, "y"), MetadataReader.MonthNumber(m.Groups["mon"].Value), I(m, "d")) ? new TemporalExpression(Abs(m), m.Value, TemporalKind.FullDate, I(m, "y"), MetadataReader.MonthNumber(m.Groups["mon"].Value), I(m, "d"), Wday(m)) : null);
        foreach (Match m in Iso().Matches(text)) Take(m, m => Valid(I(m, "y"), I(m, "m"), I(m, "d")) ? new TemporalExpression(Abs(m), m.Value, TemporalKind.FullDate, I(m, "y"), I(m, "m"), I(m, "d")) : null);
        foreach (var rx in new[] { DayMonth(), MonthDay() })
            foreach (Match m in rx.Matches(text))
                Take(m, m => Valid(2000, MetadataReader.MonthNumber(m.Groups["mon"].Value), I(m, "d"))
                    ? new TemporalExpression(Abs(m), m.Value, TemporalKind.MonthDay, null, MetadataReader.MonthNumber(m.Groups["mon"].Value), I(m, "d"), Wday(m), m.Groups["last"].Success ? -1 : 0)
                    : null);
        foreach (Match m in RelativeDay().Matches(text))
            Take(m, m => new TemporalExpression(Abs(m), m.Value, TemporalKind.Relative, DayOffset: m.Groups["rel"].Value.ToLowerInvariant() is "yesterday" or "last night" ? -1 : 0));
        foreach (Match m in Weekday().Matches(text))
            Take(m, m => new TemporalExpression(Abs(m), m.Value, TemporalKind.Weekday, Weekday: Wday(m),
                DayOffset: m.Groups["rel"].Value switch { "next" or "coming" => 1, "last" => -1, _ => 0 }));
        foreach (Match m in Coarse().Matches(text))
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
