using Readout.Clean;
using Readout.Documents;
using Readout.Lexicons;
using Xunit;
using static Readout.Tests.Lexicons.ShippedLexicons;

namespace Readout.Tests.Lexicons;

/// <summary>
/// Issue 14: the phrases of the lines a reader skips are read from data/lexicons/junk_lines_words.tsv and
/// junk_lines_patterns.tsv, checked when the lexicons load, and still leave out the lines they left out as C# literals.
/// </summary>
public sealed class JunkLineLexiconTests
{
    private const string Lead =
        "Russian President Vladimir Putin held a telephone conversation with Chinese President Xi Jinping on Friday.";
    private const string Body = "The two leaders discussed trade and agreed to meet in Beijing next year, the Kremlin said.";

    private static string Filter(JunkLineLexicon junk, params string[] lines)
    {
        var offset = 0;
        var withOffsets = new List<(string, int)>();
        foreach (var l in lines) { withOffsets.Add((l, offset)); offset += l.Length + 1; }
        return new JunkLineFilter(junk, new MetadataReader(TestPipeline.Instance.Lexicon.Dates)).Filter(withOffsets).Text;
    }

    [Fact]
    public void The_shipped_files_load_and_every_row_is_used() =>
        Assert.NotNull(JunkLineLexicon.Load(Read));   // CheckAllUsed throws for a row nothing uses

    [Fact]
    public void A_bad_pattern_fails_the_load_with_RO0002_naming_file_and_line()
    {
        const string Patterns = JunkLineLexicon.PatternsFile;
        var e = LoadFails(JunkLineLexicon.Load, Patterns, "list_header\t", "list_header\t^(related|most read$", "RO0002", Patterns);
        var line = LineOf(Patterns, "list_header\t");
        Assert.StartsWith($"line {line} pattern list_header is not a valid regular expression", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_no_pattern_uses_fails_the_load_with_RO0003_naming_its_line()
    {
        const string Words = JunkLineLexicon.WordsFile;
        var e = LoadFails(JunkLineLexicon.Load, Words, "credit_agencies\t", "credit_agencies\tXinhua|AFP\nagencies\tTASS", "RO0003", Words);
        var line = LineOf(Words, "credit_agencies\t") + 1;
        Assert.Equal($"line {line} list agencies is used by no pattern and not by the code", e.Detail);
    }

    [Theory]
    [InlineData("Xi Jinping arrives at the Great Hall of the People in Beijing. Xinhua")]
    [InlineData("The two leaders shake hands before their talks in Moscow. REUTERS.")]
    [InlineData("Vladimir Putin speaks during the meeting. Getty Images")]
    [InlineData("Vladimir Putin and Xi Jinping at the Kremlin. Kremlin pool photo")]
    [InlineData("PHOTO: POOL")]
    public void A_photo_credit_is_left_out(string caption) =>
        Assert.Equal(Lead + "\n" + Body, Filter(TestPipeline.Instance.Lexicon.JunkLines, Lead, caption, Body));

    [Fact]
    public void An_agency_added_to_the_list_is_a_credit_for_the_pattern_and_the_prefilter_alike()
    {
        const string Caption = "The ministers meet in Ankara. Anka";
        Assert.Contains(Caption, Filter(TestPipeline.Instance.Lexicon.JunkLines, Lead, Caption, Body), StringComparison.Ordinal);
        var edited = JunkLineLexicon.Load(Edited(JunkLineLexicon.WordsFile, "credit_agencies\t",
            "credit_agencies\tXinhua|AFP|Reuters|AP|EPA|Getty Images|TASS|Sputnik|Anadolu|Kyodo|Yonhap|Anka"));
        Assert.Equal(Lead + "\n" + Body, Filter(edited, Lead, Caption, Body));
    }

    [Fact]
    public void A_copyright_pattern_without_literal_openings_runs_on_every_line()
    {
        // the prefilter reads the openings from the pattern; a pattern that has none is run on every line instead
        const string Line = "Some rights reserved by the agency";
        Assert.Contains(Line, Filter(TestPipeline.Instance.Lexicon.JunkLines, Lead, Line, Body), StringComparison.Ordinal);
        var edited = JunkLineLexicon.Load(Edited(JunkLineLexicon.PatternsFile, "copyright\t", "copyright\t\\w+ rights reserved"));
        Assert.Equal(Lead + "\n" + Body, Filter(edited, Lead, Line, Body));
    }

    [Fact]
    public void Share_bars_and_link_lists_are_left_out()
    {
        var text = Filter(TestPipeline.Instance.Lexicon.JunkLines,
            "Share this article", Lead, "", "Most read", "Putin visits Ankara", "", "We use cookies to improve your experience", Body,
            "(Reporting by Jane Doe; editing by John Roe)");
        Assert.Equal(Lead + "\n\n" + Body, text);
    }
}
