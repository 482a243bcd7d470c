using System.Text.RegularExpressions;
using Readout.Documents;
using Readout.Lexicons;
using Xunit;

namespace Readout.Tests.Lexicons;

/// <summary>
/// Issue 13: a lexicon pattern that ends at its input's end is asked right to left whether it matches, and its match
/// is then found left to right. These tests hold the answers to those of the pattern as written, and the load to
/// refuse a pattern whose matches depend on the direction it is read in.
/// </summary>
public sealed class EndAnchoredPatternTests
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private static NamedPatterns Load(string patterns) =>
        new(name => name == "w.tsv" ? "list\twords\nup\trose|increased|was\napprox\tabout|some|an estimated\n" : "name\tpattern\n" + patterns,
            "w.tsv", "p.tsv", Options);

    // windows as the figure step reads them: the text of a sentence before a number, most of them without a move
    private static readonly string[] Windows =
    [
        "Exports rose by about ", "Net income was ", "Shr 1.05 dlrs vs ", "", " ", "was", "Trade increased\n",
        "the company said profits, which increased, rose by some ", "It was an estimated ", "an increase of ",
        "Prices ROSE   BY ABOUT ", "rose by about 5 percent and ", "Revenue increased to an estimated ",
    ];

    [Fact]
    public void Issue13_a_pattern_read_from_its_end_gives_the_match_index_length_and_groups_of_the_pattern_as_written()
    {
        const string text = @"(?:\b(?:has|had)\s+)*\b(?<v>{up})\b(?:\s+(?:(?:{approx})|to|by))*\s*$";
        var p = Load("move\t" + text + "\n");
        var pattern = p.DeferredAtEnd("move", NamedPatterns.AsCompiled, "v").Value;
        p.CheckAllUsed();
        var asWritten = new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var matched = 0;
        foreach (var window in Windows)
        {
            var expected = asWritten.Match(window);
            var actual = pattern.Match(window);
            Assert.Equal((expected.Success, expected.Index, expected.Length, expected.Groups["v"].Value),
                (actual.Success, actual.Index, actual.Length, actual.Groups["v"].Value));
            Assert.Equal(expected.Success, pattern.IsMatch(window));
            if (expected.Success) matched++;
            // within a range of a longer text, the range is the whole input to both
            var longer = "It said that " + window + "12 percent";
            var inRange = asWritten.Match(longer, 13, window.Length);
            var actualInRange = pattern.Match(longer, 13, window.Length);
            Assert.Equal((inRange.Success, inRange.Index, inRange.Length), (actualInRange.Success, actualInRange.Index, actualInRange.Length));
        }
        Assert.InRange(matched, 5, Windows.Length - 3);   // the windows hold both answers
        // a range that starts inside a word: its first letter starts a word to both readings ("arose" from its "r")
        var (forward, backward) = (asWritten.Match("arose by about ", 1, 14), pattern.Match("arose by about ", 1, 14));
        Assert.Equal((true, 1, 14, "rose"), (forward.Success, forward.Index, forward.Length, forward.Groups["v"].Value));
        Assert.Equal((forward.Success, forward.Index, forward.Length, forward.Groups["v"].Value),
            (backward.Success, backward.Index, backward.Length, backward.Groups["v"].Value));
    }

    [Theory]
    [InlineData(@"\brose\b", "it does not end with $")]
    [InlineData(@"\brose\s*\$", "it does not end with $")]
    [InlineData(@"(?>\brose\s*)$", "atomic group")]
    [InlineData(@"\G\s*rose$", @"\G")]
    [InlineData(@"(?<w>rose)\s+\k<w>$", "backreference")]
    [InlineData(@"(rose)\s+\1$", "backreference")]
    [InlineData(@"(?(rose)rose|fell)$", "conditional")]
    public void Issue13_a_pattern_that_cannot_be_read_from_its_end_is_RO0003_naming_its_line(string text, string why)
    {
        var p = Load("other\t\\bfell\\b\nmove\t" + text + "\n");
        var e = Assert.Throws<ReadoutException>(() => p.DeferredAtEnd("move", NamedPatterns.AsCompiled));
        Assert.Equal("RO0003", e.Code);
        Assert.Equal("p.tsv", e.Document);
        Assert.Contains("line 3 pattern move is matched from its end", e.Detail, StringComparison.Ordinal);
        Assert.Contains(why, e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue13_an_escaped_backslash_before_the_end_is_an_anchor_and_an_escaped_digit_is_no_backreference()
    {
        var p = Load(@"move	rose\\$" + "\nother\t" + @"\\1\s*$" + "\n");
        Assert.True(p.DeferredAtEnd("move", NamedPatterns.AsCompiled).Value.IsMatch(@"it rose\"));
        Assert.True(p.DeferredAtEnd("other", NamedPatterns.AsCompiled).Value.IsMatch(@"a \1 "));
    }

    [Fact]
    public void The_backward_pattern_must_be_the_forward_one_read_right_to_left()
    {
        var forward = new Regex("rose$");
        Assert.Throws<ArgumentException>(() => new EndAnchoredPattern(forward, new Regex("rose$")));
        Assert.Throws<ArgumentException>(() => new EndAnchoredPattern(forward, new Regex("fell$", RegexOptions.RightToLeft)));
        Assert.Equal("rose$", new EndAnchoredPattern(forward, new Regex("rose$", RegexOptions.RightToLeft)).ToString());
    }

    /// <summary>The shipped figure step reads its windows from their end: a window pattern edited to end elsewhere does not load.</summary>
    [Fact]
    public void Issue13_a_shipped_window_pattern_that_no_longer_ends_at_its_input_s_end_is_RO0003()
    {
        var e = ShippedLexicons.LoadFails(read => FigureLexicon.Load(read), FigureLexicon.PatternsFile, "level_move_before\t",
            "level_move_before\t\\b(?<v>rose|fell)\\b", "RO0003", FigureLexicon.PatternsFile);
        Assert.Contains($"line {ShippedLexicons.LineOf(FigureLexicon.PatternsFile, "level_move_before\t")} pattern level_move_before is matched from its end",
            e.Detail, StringComparison.Ordinal);
    }
}
