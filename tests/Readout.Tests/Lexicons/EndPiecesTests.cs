using System.Reflection;
using System.Text.RegularExpressions;
using Readout.Lexicons;
using Xunit;

namespace Readout.Tests.Lexicons;

/// <summary>
/// Issue 13: a window pattern is asked about a window only when the window's text ends with one of the literal pieces
/// its matches can end with. These tests hold the pieces read from patterns, the refusals, and, on every window of
/// seeds, dev and real and on generated windows, that a window the pieces turn away is one the pattern does not match.
/// </summary>
public sealed class EndPiecesTests
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [Theory]
    [InlineData(@"\b(?<v>rose|fell)\b\s+(?:(?:by|about)\s+)*$", "about by fell rose")]
    [InlineData(@"\brises?\s*$", "rise s")]                         // a quantified letter is a piece of its own
    [InlineData(@"\byear[- ]on[- ]year\s+$", "- on year")]          // each member of a class is one
    [InlineData(@"(?<!\bthe\s+)\bvalued\s+at\s*$", "at valued")]    // a lookbehind matches no text
    [InlineData(@"[,;:]\s*$", ", : ;")]
    [InlineData(@"(?:,|\band\b|\u2014)(?:\s|,)*$", ", and \u2014")]
    [InlineData(@"^\s*(?:to|at)?\s*(?:about\s+)*x$", "about at to x")]
    [InlineData(@"\b(?:up|down)(?!\w)(?=.*)\s+to\s*$", "down to up")]
    [InlineData(@"\b(?<v>(?=(?:rose|fell)\b)\p{L}+)\b\s*$", "fell rose")]   // a list's word read through a lookahead
    public void Issue13_the_pieces_of_a_window_pattern_are_the_literal_runs_its_match_can_end_with(string pattern, string pieces)
    {
        var ends = EndPieces.Of(pattern, Options);
        Assert.NotNull(ends);
        Assert.Equal(pieces.Split(' ').Order(StringComparer.Ordinal), ends.Pieces);
    }

    [Theory]
    [InlineData(@"\w+\s+$")]                      // a letter matched without a literal
    [InlineData(@"\d+\s*$")]
    [InlineData(@"rose.\s*$")]
    [InlineData(@"[^,]*$")]
    [InlineData(@"\p{Lu}\s*$")]
    [InlineData(@"[a-z\d]\s*$")]
    [InlineData(@"(rose)\s+\1$")]                 // a backreference
    [InlineData(@"(?:rose)?\s*$")]                // a match may be white space alone
    [InlineData(@"\s*$")]
    [InlineData(@"(?=(?:rose|fell)\b)\p{L}+\s*$")]   // letters read after a list's word without a boundary: more than the word
    [InlineData(@"(?=(?:rose|fell))\p{L}+\b\s*$")]
    [InlineData(@"(?:(?=(?:rose|fell)\b)\p{L}+)+\b\s*$")]
    [InlineData(@"rose|fell\s*$")]                // a branch that does not end at the end
    [InlineData(@"rose\s*$?")]
    [InlineData(@"(?m)rose\s*$")]                 // multi-line: $ ends every line
    [InlineData(@"(?x)rose \s*$")]
    [InlineData(@"stra\u00DFe\s*$")]              // a cased letter outside ASCII: ordinal ignore-case is not the pattern's
    public void Issue13_a_pattern_whose_match_may_end_otherwise_has_no_pieces(string pattern)
    {
        Assert.Null(EndPieces.Of(pattern, Options));
    }

    [Fact]
    public void Issue13_multi_line_and_pattern_white_space_options_mean_no_pieces()
    {
        Assert.NotNull(EndPieces.Of(@"rose\s*$", Options));
        Assert.Null(EndPieces.Of(@"rose\s*$", Options | RegexOptions.Multiline));
        Assert.Null(EndPieces.Of(@"rose\s*$", Options | RegexOptions.IgnorePatternWhitespace));
    }

    [Theory]
    [InlineData("Exports rose by about ", true)]
    [InlineData("Exports ROSE BY\u00A0", true)]
    [InlineData("Exports rose by\n", true)]
    [InlineData("the company said ", false)]
    [InlineData("   ", false)]
    [InlineData("", false)]
    [InlineData("it was a\u212About ", true)]     // the Kelvin sign equals k to the pattern: the pattern decides
    [InlineData("bypassed ", false)]
    public void Issue13_a_window_may_end_a_match_only_when_it_ends_with_a_piece(string window, bool may)
    {
        var ends = EndPieces.Of(@"\b(?<v>rose|fell)\b\s+(?:(?:by|about)\s+)*$", Options)!;
        Assert.Equal(may, ends.MayEnd(window));
    }

    /// <summary>Every window pattern the figure and extract steps read from its end, by name.</summary>
    private static IEnumerable<(string Name, EndAnchoredPattern Pattern)> ShippedWindowPatterns()
    {
        var lexicon = TestPipeline.Instance.Lexicon;
        foreach (var owner in new object[] { lexicon.Figures, lexicon.Extract })
            foreach (var property in owner.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                         .Where(p => p.PropertyType == typeof(EndAnchoredPattern)))
                yield return (owner.GetType().Name + "." + property.Name, (EndAnchoredPattern)property.GetValue(owner)!);
    }

    [Fact]
    public void Issue13_most_shipped_window_patterns_have_pieces()
    {
        var patterns = ShippedWindowPatterns().ToList();
        Assert.True(patterns.Count >= 30, $"only {patterns.Count} window patterns found");
        var without = patterns.Where(p => p.Pattern.Ends is null).Select(p => p.Name).ToList();
        Assert.True(without.Count * 2 <= patterns.Count, "without pieces: " + string.Join(", ", without));
        // the move patterns of the figure step, asked before every number
        foreach (var name in new[] { "ChangeBefore", "LevelMoveBefore", "MoveBefore", "VerbBefore" })
            Assert.NotNull(patterns.Single(p => p.Name == "FigureLexicon." + name).Pattern.Ends);
    }

    [Fact]
    public void Issue13_a_window_of_seeds_dev_or_real_that_the_pieces_turn_away_is_one_the_pattern_does_not_match()
    {
        var patterns = ShippedWindowPatterns().Where(p => p.Pattern.Ends is not null)
            .Select(p => (p.Name, p.Pattern.Ends!, Regex: new Regex(p.Pattern.ToString(), Options | RegexOptions.RightToLeft))).ToList();
        int windows = 0, turnedAway = 0, matched = 0;
        foreach (var sentence in CorpusSentences.OfSeedsDevAndReal())
        {
            // the text before each word, as the steps cut their windows (the sentence's start to a number or a name)
            foreach (Match word in Regex.Matches(sentence, @"(?<=\s)\S"))
            {
                var window = sentence[..word.Index];
                windows++;
                foreach (var (name, ends, regex) in patterns)
                {
                    if (ends.MayEnd(window))
                    {
                        if (regex.IsMatch(window)) matched++;
                        continue;
                    }
                    turnedAway++;
                    Assert.False(regex.IsMatch(window), $"{name} matches a window its pieces turned away: {window}");
                }
            }
        }
        Assert.True(windows > 50_000, $"only {windows} windows read");
        Assert.True(matched > 1_000, $"only {matched} matches");
        Assert.True(turnedAway > windows * patterns.Count / 2, $"only {turnedAway} of {windows * patterns.Count} turned away");
    }

    [Fact]
    public void Issue13_a_generated_window_that_the_pieces_turn_away_is_one_the_pattern_does_not_match()
    {
        var random = new Random(13);
        var patterns = 0;
        var matching = 0;
        foreach (var (name, pattern) in ShippedWindowPatterns().Where(p => p.Pattern.Ends is not null))
        {
            var regex = new Regex(pattern.ToString(), Options | RegexOptions.RightToLeft);
            // words from the pattern's own text, so that windows often match, and a few others
            var words = Regex.Matches(pattern.ToString(), @"[A-Za-z]+").Select(m => m.Value).Distinct()
                .Concat(["the", "said", "5", ",", "-", "\u212Aey", "RoSe", "\u2014", "\"", "'s"]).ToArray();
            var matched = 0;
            for (var n = 0; n < 3000; n++)
            {
                var count = random.Next(0, 6);
                var window = string.Concat(Enumerable.Range(0, count).Select(_ => words[random.Next(words.Length)] + (random.Next(4) == 0 ? "" : " ")));
                if (random.Next(3) == 0) window += random.Next(2) == 0 ? "\n" : "  ";
                var matches = regex.IsMatch(window);
                if (matches) matched++;
                Assert.True(!matches || pattern.Ends!.MayEnd(window), $"{name} matches a window its pieces turned away: '{window}'");
                Assert.Equal(matches, pattern.IsMatch(window));
            }
            patterns++;
            if (matched > 0) matching++;
        }
        Assert.True(matching * 4 >= patterns * 3, $"generated windows matched only {matching} of {patterns} patterns");
    }
}
