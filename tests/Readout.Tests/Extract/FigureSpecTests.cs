using System.Globalization;
using System.Text.RegularExpressions;
using Readout.Clean;
using Readout.Documents;
using Readout.Extract;
using Readout.Ingest;
using Xunit;

namespace Readout.Tests.Extract;

/// <summary>
/// Runs every Specs/Figures/*.spec file. A spec is a small report and the figures it must yield:
///
///   # what the case is about
///   published: 2022-12-31          (optional header lines: published, format)
///   ---
///   text of the report ...
///   ===
///   172400000000 | USD | trade between China and Russia | 2022-01-01..2022-11-30 | +47.5 year-on-year | General Administration of Customs
///
/// Expected lines: value | currency, else unit | measure | period | change | source, "-" for nothing.
/// The period is "start..end" when a date is known (either side may be empty), else the period's text in
/// quotes. The change is the signed percentage and its basis, or the direction alone ("up"), or "-".
/// Every expected line must be found, and nothing else may be (an empty expectation means no figure).
/// </summary>
public sealed class FigureSpecTests
{
    public static TheoryData<string> Specs() => SpecFile.In("Figures");

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec(string file)
    {
        var spec = SpecFile.Read("Figures", file);
        var (text, header, expected) = (spec.Text, spec.Header, spec.Expected);

        var (doc, figures) = Run(file, text, header.GetValueOrDefault("format", "text"), header.GetValueOrDefault("published"));
        var actual = figures.Select(Describe).ToList();

        foreach (var e in expected)
            Assert.True(actual.Contains(e), $"{file}: expected\n  {e}\nfound\n  {string.Join("\n  ", actual)}");
        Assert.True(actual.Count == expected.Count, $"{file}: expected {expected.Count} figures, found\n  {string.Join("\n  ", actual)}");
        AssertWellFormed(doc, figures);
    }

    [Fact]
    public void SpanIdAndSentenceOfAFigure()
    {
        const string text = "Trade between China and Russia increased to $172.4 billion in the first 11 months of this year, " +
                            "a year-on-year rise of 47.5 percent, according to the General Administration of Customs.";
        var (doc, figures) = Run("span", text, "text", null);
        var f = Assert.Single(figures);
        Assert.Equal("$172.4 billion", f.Text);
        Assert.Equal(text.IndexOf("$172.4", StringComparison.Ordinal), f.Start);
        Assert.Equal("in the first 11 months of this year", f.PeriodText);
        Assert.Null(f.PeriodStart);   // no publication date and no year in the text: the year is unknown
        Assert.Equal(47.5, f.ChangePercent);
        Assert.Equal("up", f.ChangeDirection);
        Assert.Equal("year-on-year", f.ChangeBasis);
        Assert.Equal("fig-" + InputReader.Hash($"{doc.Clean.Raw.ContentHash}|{f.Start}")[..12], f.Id);

        var again = Run("span", text, "text", null).Figures;
        Assert.Equal(f.Id, Assert.Single(again).Id);   // ids are stable from run to run
    }

    [Fact]
    public void CancellationIsObserved()
    {
        var (doc, _) = Run("cancel", "Trade rose to $5 billion.", "text", null);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => new FigureExtractor(TestPipeline.Instance.Lexicon).Extract(doc, cts.Token));
    }

    // Issue 13: the period grammar is tried only at words opening like one of its alternatives' first words
    // (FigureExtractor.PeriodOpenings); a period of each opening word is still read
    [Theory]
    [InlineData("in the first 11 months of 2023")]
    [InlineData("in Q3 2024")]
    [InlineData("in the first half of 2023")]
    [InlineData("in January-March")]
    [InlineData("between 2001 and 2005")]
    [InlineData("from 2001")]
    [InlineData("since 2001")]
    [InlineData("during 2023")]
    [InlineData("for 2023")]
    [InlineData("over 2023")]
    [InlineData("throughout 2023")]
    [InlineData("through 2023")]
    [InlineData("during March")]
    [InlineData("in the past five years")]
    [InlineData("in the previous two years")]
    [InlineData("over five years")]
    [InlineData("last year")]
    [InlineData("this month")]
    [InlineData("by 2030")]
    [InlineData("before 2030")]
    [InlineData("in Dec")]
    [InlineData("in Sept")]
    public void Issue13_a_period_opening_with_each_word_of_the_grammar_is_read(string period)
    {
        var (_, figures) = Run("period", $"Exports reached $5 billion {period}, the ministry said.", "text", "2024-06-30");
        Assert.Equal(period, Assert.Single(figures).PeriodText);
    }

    [Theory]
    [InlineData("The Quad partners have collectively pledged approximately USD $\n5.2 billion to the COVAX AMC.")]
    [InlineData("Canada makes an additional CAD $\n    1.5 billion available through the Strategic Fund.")]
    public void A_currency_sign_at_the_end_of_the_sentence_before_does_not_start_a_figure(string text)
    {
        // the splitter ends a sentence at the line break, so '$' and its number are in two sentences: a figure
        // that started in the first made the windows before it negative (RO9000 on four White House readouts)
        var (doc, figures) = Run("currency-break", text, "text", null);
        AssertWellFormed(doc, figures);
        Assert.All(figures, f => Assert.DoesNotContain("$", f.Text, StringComparison.Ordinal));
    }

    /// <summary>The four White House readouts of ../shared/corpus/bulk that failed with RO9000 in the figure step.</summary>
    [Fact]
    public void The_bulk_readouts_that_failed_in_the_figure_step_now_give_well_formed_figures()
    {
        var bulk = TestPipeline.Shared("corpus", "bulk", "whitehouse.jsonl.gz");
        Assert.True(File.Exists(bulk), "the shared corpus is expected beside the repository at " + bulk);
        using var gz = new System.IO.Compression.GZipStream(File.OpenRead(bulk), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var wanted = new HashSet<int> { 3699, 3848, 5910, 5998 };
        var seen = 0;
        for (var n = 1; reader.ReadLine() is { } line && seen < wanted.Count; n++)
        {
            if (!wanted.Contains(n)) continue;
            seen++;
            using var json = System.Text.Json.JsonDocument.Parse(line);
            var root = json.RootElement;
            var isHtml = !root.TryGetProperty("text", out var body);
            if (isHtml) body = root.GetProperty("html");
            var (doc, figures) = Run($"whitehouse.jsonl.gz#L{n}", body.GetString()!, isHtml ? "html" : "text", null);
            AssertWellFormed(doc, figures);
        }
        Assert.Equal(wanted.Count, seen);
    }

    private static (AnalysedDocument Doc, IReadOnlyList<Figure> Figures) Run(string name, string text, string format, string? published)
    {
        var ct = TestContext.Current.CancellationToken;
        var raw = new RawDocument(name, text, format, InputReader.Hash(text), Published: published);
        var doc = TestPipeline.Instance.Analyse(new Cleaner(TestPipeline.Instance.Lexicon, _ => false).Clean(raw, ct), ct);
        return (doc, new FigureExtractor(TestPipeline.Instance.Lexicon).Extract(doc, ct));
    }

    private static void AssertWellFormed(AnalysedDocument doc, IReadOnlyList<Figure> figures)
    {
        foreach (var f in figures)
        {
            Assert.Equal(doc.Clean.Text[f.Start..f.End], f.Text);
            Assert.Matches(new Regex("^fig-[0-9a-f]{12}$"), f.Id);
            Assert.True(f.SentenceStart <= f.Start && f.End <= f.SentenceEnd, $"{f.Text}: outside its sentence");
        }
        Assert.Equal(figures.Count, figures.Select(f => f.Id).Distinct().Count());
    }

    private static string Describe(Figure f)
    {
        static string Or(string? s) => string.IsNullOrEmpty(s) ? "-" : s;
        var period = f.PeriodStart is not null || f.PeriodEnd is not null ? $"{f.PeriodStart}..{f.PeriodEnd}"
            : f.PeriodText is not null ? $"\"{f.PeriodText}\"" : "-";
        var change = f.ChangePercent is { } p ? $"{(p >= 0 ? "+" : "-")}{Math.Abs(p).ToString(CultureInfo.InvariantCulture)} {f.ChangeBasis}".Trim()
            : f.ChangeDirection is not null ? $"{f.ChangeDirection} {f.ChangeBasis}".Trim() : "-";
        return $"{f.Value.ToString(CultureInfo.InvariantCulture)} | {Or(f.Currency ?? f.Unit)} | {Or(f.Measure)} | {period} | {change} | {Or(f.Source)}";
    }
}
