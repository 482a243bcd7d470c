using System.Globalization;
using System.Text.RegularExpressions;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Extract;

/// <summary>
/// Step 2: the periods a sentence names ("in the first 11 months of this year", "in 2023", "since 2001"),
/// resolved against the report's reference frame, never the clock.
/// </summary>
public sealed partial class FigureExtractor
{
    // ---- periods --------------------------------------------------------------------------------------

    // The period grammar stays in the code, not in figure_patterns.tsv. It is structural: each of its groups has a
    // meaning in Resolve below (a month by its first three letters, a count by WordValues, a year reference by its
    // words). And it is one large alternation: compiled at run time, its matcher is over 46 KB of IL, which the JIT
    // compiles without optimisation, and it ran four times slower than this generated one (the figure step a third
    // slower). The month names are lent to the patterns of the data as {months}; the prepositions a period takes
    // along are the data's (period_prepositions).

    /// <summary>Month names and abbreviations, longest first; a pattern of figure_patterns.tsv uses them as {months}.</summary>
    internal const string Mon = @"January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
    private const string NumW = @"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
    private const string YRef = @"this\s+year|last\s+year|the\s+(?:current|previous|past)\s+year|the\s+year|(?:19|20)\d\d";

    // every alternative opens with \b and a letter: tried only where a word begins (WordStartPattern)
    [GeneratedRegex(
        @"\G(?:\bthe\s+first\s+(?<fm>" + NumW + @")\s+months(?:\s+of\s+(?<y>" + YRef + @"))?\b" +
        @"|\bthe\s+first\s+(?<fq>two|three|2|3)\s+quarters(?:\s+of\s+(?<y>" + YRef + @"))?\b" +
        @"|\bthe\s+(?<oq>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(?<y>" + YRef + @"))?\b" +
        @"|\b(?<qq>Q[1-4])\s+(?<y>(?:19|20)\d\d)\b" +
        @"|\bthe\s+(?<hf>first|second)\s+half(?:\s+of\s+(?<y>" + YRef + @"))?\b" +
        @"|\b(?:the\s+)?(?<m1>" + Mon + @")\.?\s*(?:-|–|to|through|and)\s*(?<m2>" + Mon + @")\b\.?(?:\s+(?:period\s+)?(?:of\s+)?(?<y>" + YRef + @"))?(?:\s+period\b)?" +
        @"|\b(?:between|from)\s+(?<ya>(?:19|20)\d\d)\s*(?:-|–|to|through|and)\s*(?<yb>(?:19|20)\d\d)\b" +
        @"|\b(?:since|from)\s+(?<since>(?:19|20)\d\d)\b" +
        @"|\b(?:in|during|for|over|throughout|through)\s+(?:the\s+(?:whole|entire|full|calendar|fiscal)\s+(?:year\s+)?(?:of\s+)?)?(?:fiscal\s+)?(?<yo>(?:19|20)\d\d)\b(?![\-–/]\d)" +
        @"|\b(?:in|during)\s+(?<mo>" + Mon + @")\b(?!\.?\s*(?:-|–|to|through|and)\s*(?:" + Mon + @")\b)\.?(?:\s*,?\s*(?<y>(?:19|20)\d\d)\b)?" +
        @"|\b(?:the\s+)?(?:past|last|previous)\s+(?<pn>" + NumW + @"|few|several)\s+(?<pu>years|decades|months)\b" +
        @"|\bover\s+(?<pn>" + NumW + @")\s+(?<pu>years|decades)\b" +
        @"|\b(?<rel>last|this|the\s+previous|the\s+past|the\s+current)\s+year\b" +
        @"|\b(?<relm>last|this)\s+month\b" +
        @"|\b(?:by|before)\s+(?<by>(?:19|20)\d\d)\b)",
        RegexOptions.IgnoreCase)]
    private static partial Regex PeriodRx();

    /// <summary>
    /// The first two letters of the words an alternative of <see cref="PeriodRx"/> can open with: an alternative opening
    /// with a new word needs its letters here, or it is never tried (FigureSpecTests reads a period of each word).
    /// </summary>
    private static readonly string[] PeriodOpenings =
        ["th", "q1", "q2", "q3", "q4", "be", "fr", "si", "in", "du", "fo", "ov", "pa", "la", "pr", "by",
         .. Mon.Split('|').Select(m => m[..2]).Distinct()];

    private static readonly WordStartPattern Periods = new(PeriodRx(), PeriodOpenings);

    private List<Period> FindPeriods(string sText, int offset, List<TextSpan> basisSpans, int? year, DateOnly? day)
    {
        var list = new List<Period>();
        foreach (var m in Periods.Matches(sText))
        {
            var ms = m.Index;
            if (!_w.StartsWithPreposition.IsMatch(m.Value)
                && _w.PrepositionBefore.Match(sText, Math.Max(0, ms - 16), ms - Math.Max(0, ms - 16)) is { Success: true } pb)
                ms = pb.Index;
            var span = new TextSpan(offset + ms, offset + m.Index + m.Length);
            if (basisSpans.Any(b => b.Overlaps(span))) continue;
            var (start, end) = Resolve(m, year, day);
            list.Add(new Period(span, Spaces().Replace(sText[ms..(m.Index + m.Length)], " ").Trim(), start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), end?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        return list;
    }

    private static (DateOnly? Start, DateOnly? End) Resolve(Match m, int? frameYear, DateOnly? day)
    {
        int? Y(string? yref)
        {
            if (string.IsNullOrEmpty(yref)) return frameYear;
            if (int.TryParse(yref, NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return y;
            var r = Spaces().Replace(yref, " ").ToLowerInvariant();
            if (r is "last year" or "the previous year" or "the past year") return frameYear - 1;
            return frameYear;
        }
        static DateOnly First(int y, int mo) => new(y, mo, 1);
        static DateOnly Last(int y, int mo) => new(y, mo, DateTime.DaysInMonth(y, mo));
        var g = m.Groups;
        var yv = g["y"].Success ? g["y"].Value : null;

        if (g["fm"].Success && Y(yv) is { } y1)
        {
            var n = Number(g["fm"].Value);
            return n is >= 1 and <= 12 ? (First(y1, 1), Last(y1, n)) : (null, null);
        }
        if (g["fq"].Success && Y(yv) is { } y2) return (First(y2, 1), Last(y2, 3 * Number(g["fq"].Value)));
        if (g["oq"].Success && Y(yv) is { } y3)
        {
            var q = g["oq"].Value.ToLowerInvariant() switch { "first" or "1st" => 1, "second" or "2nd" => 2, "third" or "3rd" => 3, _ => 4 };
            return (First(y3, 3 * q - 2), Last(y3, 3 * q));
        }
        if (g["qq"].Success && Y(yv) is { } y4)
        {
            var q = g["qq"].Value[1] - '0';
            return (First(y4, 3 * q - 2), Last(y4, 3 * q));
        }
        if (g["hf"].Success && Y(yv) is { } y5)
            return g["hf"].Value.Equals("first", StringComparison.OrdinalIgnoreCase) ? (First(y5, 1), Last(y5, 6)) : (First(y5, 7), Last(y5, 12));
        if (g["m1"].Success && Y(yv) is { } y6)
        {
            int a = MetadataMonth(g["m1"].Value), b = MetadataMonth(g["m2"].Value);
            return a <= b ? (First(y6, a), Last(y6, b)) : (First(y6 - 1, a), Last(y6, b));
        }
        if (g["ya"].Success)
        {
            int a = int.Parse(g["ya"].Value, CultureInfo.InvariantCulture), b = int.Parse(g["yb"].Value, CultureInfo.InvariantCulture);
            return a <= b ? (First(a, 1), Last(b, 12)) : (null, null);
        }
        if (g["since"].Success)
        {
            var a = int.Parse(g["since"].Value, CultureInfo.InvariantCulture);
            return (First(a, 1), day is { } d && d.Year >= a ? d : null);
        }
        if (g["yo"].Success)
        {
            var a = int.Parse(g["yo"].Value, CultureInfo.InvariantCulture);
            return (First(a, 1), Last(a, 12));
        }
        if (g["mo"].Success)
        {
            var mo = MetadataMonth(g["mo"].Value);
            if (yv is not null) { var a = int.Parse(yv, CultureInfo.InvariantCulture); return (First(a, mo), Last(a, mo)); }
            if (day is { } d) { var a = mo > d.Month ? d.Year - 1 : d.Year; return (First(a, mo), Last(a, mo)); }
            if (frameYear is { } fy) return (First(fy, mo), Last(fy, mo));
            return (null, null);
        }
        if (g["rel"].Success)
        {
            var r = Spaces().Replace(g["rel"].Value, " ").ToLowerInvariant();
            if (r == "the past" || frameYear is not { } fy) return (null, null);
            var a = r is "last" or "the previous" ? fy - 1 : fy;
            return (First(a, 1), Last(a, 12));
        }
        if (g["relm"].Success && day is { } dd)
        {
            var first = new DateOnly(dd.Year, dd.Month, 1);
            if (g["relm"].Value.Equals("last", StringComparison.OrdinalIgnoreCase)) first = first.AddMonths(-1);
            return (first, Last(first.Year, first.Month));
        }
        if (g["by"].Success)
        {
            var a = int.Parse(g["by"].Value, CultureInfo.InvariantCulture);
            return (null, Last(a, 12));
        }
        return (null, null);
    }

    private static int Number(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : WordValues.GetValueOrDefault(s, 0);

    private static int MetadataMonth(string s) => s[..3].ToLowerInvariant() switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, _ => 12,
    };
}
