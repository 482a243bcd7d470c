using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Readout.Documents;

namespace Readout.Lexicons;

/// <summary>
/// The language of dates (data/lexicons/dates_words.tsv and dates_patterns.tsv, read through <see cref="NamedPatterns"/>):
/// the month and weekday names and the patterns built from them, which the clean stage reads a publication date and a
/// dateline with (<see cref="Clean.MetadataReader"/>) and the analyse stage its time expressions and the report's year
/// (<see cref="Analyse.TemporalExtractor"/>, <see cref="Analyse.ReferenceFrameBuilder"/>). One file for both stages,
/// so that each month name is written once. Dates in digits only stay in the code: they hold no word.
/// </summary>
public sealed class DateLexicon
{
    public const string WordsFile = "dates_words.tsv";
    public const string PatternsFile = "dates_patterns.tsv";

    // with case, as the patterns were written (a capital tells the month "May" from the verb), the same in every
    // culture, and compiled: the clean and analyse stages run these on every document
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;
    // "yesterday", "Today": a relative day is read in any case
    private const RegexOptions AnyCase = Options | RegexOptions.IgnoreCase;
    // without backtracking, which is linear where the backtracking engine was cubic (dateline) or quadratic (coarse)
    // in a long run of spaces or words; this engine is not compiled
    private const RegexOptions Linear = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    /// <summary>Reads and checks both files; <paramref name="read"/> maps a file name to its text.</summary>
    /// <exception cref="ReadoutException">RO0002 or RO0003 naming the file and line (see <see cref="NamedPatterns"/>).</exception>
    public static DateLexicon Load(Func<string, string> read) => new(new NamedPatterns(read, WordsFile, PatternsFile, Options));

    // compiled on first use (see NamedPatterns.Deferred), checked at load: loading the lexicons compiles nothing; small
    // patterns, not warmed on a sample (see NamedPatterns.AsCompiled)
    private readonly Lazy<Regex> _headerDayMonthYear, _headerMonthDayYear, _dateline, _correspondentIn;
    private readonly Lazy<Regex> _dayMonthYear, _monthDayYear, _dayMonth, _monthDay, _weekday, _relativeDay, _coarse;
    private readonly Lazy<Regex> _statedYear;

    private DateLexicon(NamedPatterns p)
    {
        // each weekday and month is given its value by the code: a word without one would match and mean nothing
        foreach (var day in p.Words("weekday").Where(w => !Enum.TryParse<DayOfWeek>(w, out _)))
            throw new ReadoutException("RO0003", WordsFile, $"list weekday: '{day}' is not the English name of a day of the week");
        foreach (var month in p.Words("month").Where(w => w.Length < 3 || Clean.MetadataReader.MonthNumber(w) == 0))
            throw new ReadoutException("RO0003", WordsFile,
                $"list month: '{month}' does not start with the first three letters of a month's name");
        var months = p.Words("month");
        ShortMonths = months.Where(w => months.Any(v => v.Length > w.Length && v.StartsWith(w, StringComparison.Ordinal)))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        MonthWords = new LiteralSet(months);
        WeekdayWords = new LiteralSet(p.Words("weekday"));
        // clean stage
        _headerDayMonthYear = p.Deferred("header_day_month_year", NamedPatterns.AsCompiled, "d", "mon", "y");
        _headerMonthDayYear = p.Deferred("header_month_day_year", NamedPatterns.AsCompiled, "d", "mon", "y");
        _dateline = p.Deferred("dateline", Linear, NamedPatterns.AsCompiled, "city", "mon", "d");
        _correspondentIn = p.Deferred("correspondent_in", NamedPatterns.AsCompiled, "city");
        // analyse stage
        _dayMonthYear = p.Deferred("day_month_year", NamedPatterns.AsCompiled, "wd", "d", "mon", "y");
        _monthDayYear = p.Deferred("month_day_year", NamedPatterns.AsCompiled, "wd", "d", "mon", "y");
        _dayMonth = p.Deferred("day_month", NamedPatterns.AsCompiled, "wd", "d", "mon", "last");
        _monthDay = p.Deferred("month_day", NamedPatterns.AsCompiled, "wd", "d", "mon", "last");
        _weekday = p.Deferred("weekday_mention", NamedPatterns.AsCompiled, "rel", "wd");
        _relativeDay = p.Deferred("relative_day", AnyCase, NamedPatterns.AsCompiled, "rel");
        _coarse = p.Deferred("coarse", Linear, NamedPatterns.AsCompiled);
        _statedYear = p.Deferred("stated_year", NamedPatterns.AsCompiled, "y");
        p.CheckAllUsed();
    }

    /// <summary>
    /// The short month names of the list month: a word another word of it starts with ("Jan" of "January", "Sept" and
    /// "Sep" of "September"; not "May"), compared without regard to case. The sentence splitter reads a period after one
    /// as an abbreviation's (see <see cref="AnalyseLexicon.Abbreviations"/>).
    /// </summary>
    public FrozenSet<string> ShortMonths { get; }

    /// <summary>
    /// The list month's words, searched for in a whole text at once: every match of the four day-and-month patterns holds
    /// one in its month group, which the code reads for the month's number, so a text without any is not scanned by
    /// them (half of the Reuters wires, which name no month).
    /// </summary>
    internal LiteralSet MonthWords { get; }

    /// <summary>The list weekday's words: every match of the weekday pattern holds one (its day group), as <see cref="MonthWords"/>.</summary>
    internal LiteralSet WeekdayWords { get; }

    internal Regex HeaderDayMonthYear => _headerDayMonthYear.Value;
    internal Regex HeaderMonthDayYear => _headerMonthDayYear.Value;
    internal Regex Dateline => _dateline.Value;
    internal Regex CorrespondentIn => _correspondentIn.Value;
    internal Regex DayMonthYear => _dayMonthYear.Value;
    internal Regex MonthDayYear => _monthDayYear.Value;
    internal Regex DayMonth => _dayMonth.Value;
    internal Regex MonthDay => _monthDay.Value;
    internal Regex Weekday => _weekday.Value;
    internal Regex RelativeDay => _relativeDay.Value;
    internal Regex Coarse => _coarse.Value;
    internal Regex StatedYear => _statedYear.Value;
}
