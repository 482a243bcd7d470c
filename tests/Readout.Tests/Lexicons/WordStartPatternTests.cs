using System.Text.RegularExpressions;
using Readout.Lexicons;
using Xunit;

namespace Readout.Tests.Lexicons;

/// <summary>
/// Issue 13: a pattern whose alternatives all open a word with a letter is tried only where a word begins (and, given
/// openings, only at a word that opens with one of them). These tests hold its matches to those of the pattern read
/// the usual way, on texts built to put its words inside other words, after hyphens, digits and apostrophes, in
/// mixed case and at the ends of the text.
/// </summary>
public sealed class WordStartPatternTests
{
    // alternatives of the kinds the figure step's period and number patterns have: optional leading words, a
    // look-behind before the \b, a month that must not be read as a range, a word glued to a suffix
    private const string Alternatives =
        @"\bthe\s+first\s+(?<n>\d{1,2}|two|three)\s+months\b" +
        @"|\b(?:the\s+)?(?<m>May|March|Mar)\s*(?:-|to)\s*(?<m2>June|Jun)\b" +
        @"|\b(?:in|during)\s+(?<mo>May|March)\b(?!\s*(?:-|to))" +
        @"|(?<![\-'/])\b(?<w>twenty[-\s]one|two|three|ten)(?<fold>-?fold)?(?![\p{L}\p{N}_])" +
        @"|\b(?<q>Q[1-4])\s+(?<y>(?:19|20)\d\d)\b";

    private static readonly Regex AsWritten = new(Alternatives, RegexOptions.IgnoreCase);
    private static readonly Regex Anchored = new(@"\G(?:" + Alternatives + ")", RegexOptions.IgnoreCase);

    private static readonly string[] Pieces =
    [
        "the first two months", "The First 11 Months", "the first  three months of", "May to June", "Mar-Jun",
        "in May", "during March,", "in May - June", "two", "Two", "tenfold", "ten-fold", "twenty-one", "twenty one",
        "three", "Q3 2024", "q1 1999", "Q5 2020", "often", "attend", "net", "-two", "'ten", "/three", "x2two", "_two",
        "2ten", "twos", "threes", "inMay", "theMay", " ", "  ", ", ", ".", "\n", "-", "é", "Ten", "TWENTY-ONE",
    ];

    private static IEnumerable<string> Texts()
    {
        var random = new Random(13);
        for (var i = 0; i < 3000; i++)
        {
            var n = random.Next(1, 9);
            var parts = new string[n];
            for (var k = 0; k < n; k++)
                parts[k] = Pieces[random.Next(Pieces.Length)] + (random.Next(3) == 0 ? "" : " ");
            yield return string.Concat(parts);
        }
    }

    private static string Show(IEnumerable<Match> matches) =>
        string.Join(" | ", matches.Select(m => $"{m.Index}+{m.Length}:{m.Value}"
            + string.Concat(m.Groups.Values.Skip(1).Where(g => g.Success).Select(g => $" {g.Name}={g.Value}"))));

    [Fact]
    public void Issue13_matches_tried_at_word_starts_are_the_pattern_s_own_with_their_groups()
    {
        var pattern = new WordStartPattern(Anchored);
        var withMatches = 0;
        foreach (var text in Texts())
        {
            var expected = AsWritten.Matches(text).ToList();
            Assert.Equal(Show(expected), Show(pattern.Matches(text)));
            if (expected.Count > 0) withMatches++;
        }
        Assert.True(withMatches > 1000, $"only {withMatches} texts had a match: the texts do not exercise the pattern");
    }

    [Fact]
    public void Issue13_openings_that_cover_every_alternative_leave_the_matches_unchanged()
    {
        // the first two letters of every word an alternative can open with (the, May, March, Mar, in, during,
        // twenty, two, three, ten, Q1-Q4)
        var pattern = new WordStartPattern(Anchored, ["th", "ma", "in", "du", "tw", "te", "q1", "q2", "q3", "q4"]);
        foreach (var text in Texts())
            Assert.Equal(Show(AsWritten.Matches(text)), Show(pattern.Matches(text)));
    }

    [Fact]
    public void Issue13_a_word_whose_opening_is_not_given_is_not_tried()
    {
        var pattern = new WordStartPattern(Anchored, ["th", "ma", "in", "du", "tw", "te"]);
        Assert.Single(AsWritten.Matches("Q3 2024"));
        Assert.Empty(pattern.Matches("Q3 2024"));
        Assert.Single(pattern.Matches("in May"));
    }

    [Fact]
    public void Issue13_a_pattern_not_anchored_or_read_right_to_left_and_openings_of_mixed_length_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new WordStartPattern(AsWritten));
        Assert.Throws<ArgumentException>(() => new WordStartPattern(new Regex(@"\Gthe", RegexOptions.RightToLeft)));
        Assert.Throws<ArgumentException>(() => new WordStartPattern(Anchored, ["th", "may"]));
        Assert.Throws<ArgumentException>(() => new WordStartPattern(Anchored, ["1q"]));
        Assert.Throws<ArgumentException>(() => new WordStartPattern(Anchored, []));
    }
}
