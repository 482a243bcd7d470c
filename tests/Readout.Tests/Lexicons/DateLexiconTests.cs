using Readout.Analyse;
using Readout.Clean;
using Readout.Documents;
using Readout.Lexicons;
using Xunit;
using static Readout.Tests.Lexicons.ShippedLexicons;

namespace Readout.Tests.Lexicons;

/// <summary>
/// Issue 14: the month and weekday names and the date patterns of the clean and analyse stages are read from
/// data/lexicons/dates_words.tsv and dates_patterns.tsv, checked when the lexicons load, and still read the dates
/// they read as C# literals.
/// </summary>
public sealed class DateLexiconTests
{
    private const string Patterns = DateLexicon.PatternsFile;
    private static readonly DateLexicon Shipped = TestPipeline.Instance.Lexicon.Dates;

    [Fact]
    public void The_shipped_files_load_and_every_row_is_used() =>
        Assert.NotNull(DateLexicon.Load(Read));   // CheckAllUsed throws for a row nothing uses

    [Fact]
    public void A_bad_pattern_fails_the_load_with_RO0002_naming_file_and_line()
    {
        var e = LoadFails(DateLexicon.Load, Patterns, "stated_year\t", "stated_year\t(?<y>19\\d\\d", "RO0002", Patterns);
        var line = LineOf(Patterns, "stated_year\t");
        Assert.StartsWith($"line {line} pattern stated_year is not a valid regular expression", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_the_no_backtracking_engine_refuses_fails_the_load_naming_its_line()
    {
        // the dateline runs without backtracking, which has no lookaround: the file's own options would accept it
        const string Lookahead = "dateline\t^(?<city>[A-Z]+)(?=,)(?<mon>{month}) {day}";
        var e = LoadFails(DateLexicon.Load, Patterns, "dateline\t", Lookahead, "RO0002", Patterns);
        var line = LineOf(Patterns, "dateline\t");
        Assert.StartsWith($"line {line} pattern dateline is not a valid regular expression with options", e.Detail,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_the_code_reads_that_is_missing_fails_the_load_with_RO0003()
    {
        var e = LoadFails(DateLexicon.Load, Patterns, "weekday_mention\t", "weekday_mention\t\\b(?<wd>{weekday})\\b", "RO0003", Patterns);
        var line = LineOf(Patterns, "weekday_mention\t");
        Assert.Equal($"line {line} pattern weekday_mention has no group (?<rel>...), which the code reads", e.Detail);
    }

    [Theory]
    [InlineData("weekday\tMonday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Funday",
        "'Funday' is not the English name of a day of the week")]
    [InlineData("month\tJanuary|Jan|Smarch", "'Smarch' does not start with the first three letters of a month's name")]
    public void A_name_the_code_has_no_value_for_fails_the_load_with_RO0003(string row, string message)
    {
        var e = LoadFails(DateLexicon.Load, DateLexicon.WordsFile, row.Split('\t')[0] + "\t", row, "RO0003", DateLexicon.WordsFile);
        Assert.EndsWith(message, e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_publication_date_and_the_dateline_are_read_as_before()
    {
        var reader = new MetadataReader(Shipped);
        Assert.Equal(new DateOnly(2024, 3, 5), reader.ParseAnyDate("Published: March 5th, 2024"));
        Assert.Equal(new DateOnly(2021, 6, 29), reader.ParseAnyDate("Tuesday 29 June 2021"));
        Assert.Equal(new DateOnly(2023, 9, 4), reader.ParseAnyDate("Updated Sept. 4, 2023"));
        Assert.Equal(new DateOnly(2022, 2, 5), reader.ParseAnyDate("Updated: 2022-02-05"));
        Assert.Null(reader.ParseAnyDate("we may 5, 2024"));   // with case: "may" is not the month
        var body = new string('w', 150);
        var d = reader.FindDateline("SOCHI, Russia, Sept 4 (Wire) - " + body, c => c == "SOCHI");
        Assert.Equal(("SOCHI", 9, 4), (d!.City, d.Month, d.Day));
        Assert.Equal("Moscow", reader.FindDateline("From our Moscow correspondent\n" + body, c => c == "Moscow")!.City);
    }

    [Fact]
    public void Time_expressions_are_found_as_before()
    {
        var found = new TemporalExtractor(Shipped).Extract(
            "On Monday, 3 March 2024 the envoy said that last Friday's talks, held on March 1 and not on 5 of March, "
            + "had been agreed Yesterday; a summit is planned in the spring of 2025, and trade rose 5 percent since May 3 percent.");
        Assert.Contains(found, t => t is { Kind: TemporalKind.FullDate, Year: 2024, Month: 3, Day: 3, Weekday: DayOfWeek.Monday });
        Assert.Contains(found, t => t is { Kind: TemporalKind.Weekday, Weekday: DayOfWeek.Friday, DayOffset: -1 });
        Assert.Contains(found, t => t is { Kind: TemporalKind.MonthDay, Month: 3, Day: 1 });
        Assert.Contains(found, t => t is { Kind: TemporalKind.MonthDay, Month: 3, Day: 5 });
        Assert.Contains(found, t => t is { Kind: TemporalKind.Relative, DayOffset: -1, Text: "Yesterday" });   // in any case
        Assert.Contains(found, t => t is { Kind: TemporalKind.Coarse, Text: "in the spring of 2025" });
        Assert.DoesNotContain(found, t => t.Kind == TemporalKind.MonthDay && t.Month == 5);   // "May 3 percent" is no day
    }

    [Fact]
    public void Issue13_a_text_naming_only_one_month_or_weekday_of_the_lists_is_still_read_for_it()
    {
        // the day-and-month and weekday patterns run only over a text that holds a word of their lists; each word alone
        // must let them run
        var lists = Read(DateLexicon.WordsFile).Split('\n').Select(l => l.Split('\t')).Where(f => f.Length == 2)
            .ToDictionary(f => f[0], f => f[1].Split('|'));
        var extractor = new TemporalExtractor(Shipped);
        foreach (var month in lists["month"])
        {
            var number = MetadataReader.MonthNumber(month);
            Assert.Contains(extractor.Extract($"The talks of 3 {month} 2024 went well."), t => t is { Kind: TemporalKind.FullDate, Day: 3, Year: 2024 } && t.Month == number);
            Assert.Contains(extractor.Extract($"They met on {month} 4 in Oslo."), t => t is { Kind: TemporalKind.MonthDay, Day: 4 } && t.Month == number);
        }
        foreach (var day in lists["weekday"])
            Assert.Contains(extractor.Extract($"They met last {day} in Oslo."), t => t is { Kind: TemporalKind.Weekday, DayOffset: -1 } && t.Weekday == Enum.Parse<DayOfWeek>(day));
        Assert.DoesNotContain(extractor.Extract("The Market Decision of 3 Marc 2024 and of Mayday."), t => t.Kind is TemporalKind.FullDate or TemporalKind.MonthDay or TemporalKind.Weekday);
    }

    [Fact]
    public void A_year_the_report_states_dates_it_and_a_deadline_does_not()
    {
        const string Text = "The plan, agreed in 2019, runs until 2030 and serves the 2040 agenda.";
        var clean = TestPipeline.Instance.Clean(new RawDocument("y", Text, "text", "h"), TestContext.Current.CancellationToken);
        var frame = new ReferenceFrameBuilder(Shipped).Build(clean);
        Assert.Equal(2019, frame.Year);
    }
}
