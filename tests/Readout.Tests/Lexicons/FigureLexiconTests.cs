using System.Reflection;
using System.Text.RegularExpressions;
using Readout.Documents;
using Readout.Lexicons;
using Xunit;

namespace Readout.Tests.Lexicons;

/// <summary>
/// The figure extractor's words and patterns as shipped (data/lexicons/figure_words.tsv, figure_patterns.tsv): what
/// the extractor needs of them is checked when the lexicons load, and they are part of the lexicon version.
/// </summary>
public sealed class FigureLexiconTests
{
    private static string Shipped(string name) => File.ReadAllText(Path.Combine(TestPipeline.RepoRoot, "data", "lexicons", name));

    /// <summary>The shipped files with one line of one of them replaced (or removed, for null).</summary>
    private static Func<string, string> Edited(string file, string startOfLine, string? replacement) => name =>
    {
        var text = Shipped(name);
        if (name != file) return text;
        var lines = text.Split('\n').ToList();
        var at = lines.FindIndex(l => l.StartsWith(startOfLine, StringComparison.Ordinal));
        Assert.True(at >= 0, $"{file} has no line starting '{startOfLine}'");
        if (replacement is null) lines.RemoveAt(at);
        else lines[at] = replacement;
        return string.Join('\n', lines);
    };

    private static int LineOf(string file, string startOfLine) =>
        Shipped(file).Split('\n').ToList().FindIndex(l => l.StartsWith(startOfLine, StringComparison.Ordinal)) + 1;

    /// <summary>
    /// verb_before reads its verb through a lookahead ("(?=(?:{measure_verbs})\b)\p{L}+") so that its right-to-left
    /// matcher stays small enough to be optimised: its matches (index, length, verb) are those of the plain list, read
    /// either way, on generated windows that hold the list's words, case outliers, marks and word characters that are no letters.
    /// </summary>
    [Fact]
    public void Issue13_the_verb_read_through_a_lookahead_matches_as_the_plain_list()
    {
        var figures = TestPipeline.Instance.Lexicon.Figures;
        var shipped = ((EndAnchoredPattern)typeof(FigureLexicon).GetProperty("VerbBefore", BindingFlags.Instance | BindingFlags.NonPublic)!
            .GetValue(figures)!).ToString();
        var plain = Regex.Replace(shipped, @"\(\?=\(\?:((?:[A-Za-z]+\|)*[A-Za-z]+)\)\\b\)\\p\{L\}\+", "(?:$1)");
        Assert.NotEqual(shipped, plain);
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
        var pairs = new[] { RegexOptions.None, RegexOptions.RightToLeft }
            .Select(d => (Shipped: new Regex(shipped, options | d), Plain: new Regex(plain, options | d))).ToList();
        var words = Regex.Matches(shipped, "[A-Za-z]+").Select(m => m.Value).Distinct()
            .Concat(["the", "5", ",", "Total", "\u212Aey", "\u0131s", "\u0130S", "rose_", "r\u0301ose", "rose\u200D"]).ToArray();
        var random = new Random(13);
        var matched = 0;
        for (var n = 0; n < 10_000; n++)
        {
            var window = string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => words[random.Next(words.Length)] + (random.Next(6) == 0 ? "" : " ")));
            foreach (var (s, p) in pairs)
            {
                Match a = s.Match(window), b = p.Match(window);
                Assert.True((a.Success, a.Index, a.Length, a.Groups["v"].Value) == (b.Success, b.Index, b.Length, b.Groups["v"].Value), $"'{window}'");
                if (a.Success) matched++;
            }
        }
        Assert.True(matched > 2_000, $"only {matched} matches");
    }

    [Fact]
    public void The_shipped_files_load_and_every_row_is_used() =>
        Assert.NotNull(FigureLexicon.Load(Shipped));   // CheckAllUsed throws for a row nothing uses

    [Fact]
    public void A_bad_pattern_in_the_shipped_file_fails_the_load_with_RO0002_naming_file_and_line()
    {
        var line = LineOf(FigureLexicon.PatternsFile, "yen\t");
        var e = Assert.Throws<ReadoutException>(() => FigureLexicon.Load(Edited(FigureLexicon.PatternsFile, "yen\t", "yen\t\\byen(\\b")));
        Assert.Equal("RO0002", e.Code);
        Assert.Equal(FigureLexicon.PatternsFile, e.Document);
        Assert.StartsWith($"line {line} pattern yen is not a valid regular expression", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_the_extractor_reads_that_is_missing_fails_the_load_with_RO0003()
    {
        var e = Assert.Throws<ReadoutException>(() => FigureLexicon.Load(Edited(FigureLexicon.PatternsFile, "yen\t", null)));
        Assert.Equal("RO0003", e.Code);
        Assert.Equal(FigureLexicon.PatternsFile, e.Document);
        Assert.Equal("has no pattern yen, which the code reads", e.Detail);
    }

    [Fact]
    public void A_list_patterns_use_that_is_missing_fails_the_load_with_RO0003_naming_the_line_that_uses_it()
    {
        var e = Assert.Throws<ReadoutException>(() => FigureLexicon.Load(Edited(FigureLexicon.WordsFile, "approximators\t", null)));
        Assert.Equal("RO0003", e.Code);
        Assert.Equal(FigureLexicon.PatternsFile, e.Document);
        Assert.StartsWith($"line {LineOf(FigureLexicon.PatternsFile, "change_before\t")} {{approximators}} is neither a list", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_the_extractor_reads_that_is_missing_fails_the_load_with_RO0003()
    {
        var e = Assert.Throws<ReadoutException>(() => FigureLexicon.Load(
            Edited(FigureLexicon.PatternsFile, "move_before\t", "move_before\t\\b(?:{move_up}|{move_down})\\b\\s+(?:(?:{approximators})\\s+)*$")));
        Assert.Equal("RO0003", e.Code);
        Assert.Equal($"line {LineOf(FigureLexicon.PatternsFile, "move_before\t")} pattern move_before has no group (?<v>...), which the code reads", e.Detail);
    }

    [Fact]
    public void The_lexicon_version_covers_the_figure_files()
    {
        var dir = Directory.CreateTempSubdirectory("readout-figlex-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPipeline.RepoRoot, "data", "lexicons"), "*.tsv"))
                File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            var shipped = LexiconLoader.LoadFolder(dir).Version;
            Assert.Equal(TestPipeline.Instance.Lexicon.Version, shipped);
            foreach (var name in new[] { FigureLexicon.WordsFile, FigureLexicon.PatternsFile })
            {
                var path = Path.Combine(dir, name);
                var text = File.ReadAllText(path);
                File.AppendAllText(path, "# a comment\n");
                Assert.NotEqual(shipped, LexiconLoader.LoadFolder(dir).Version);
                File.WriteAllText(path, text);
            }
            // and a bad pattern in a folder of lexicons fails the whole load, naming the file
            File.WriteAllText(Path.Combine(dir, FigureLexicon.PatternsFile), Shipped(FigureLexicon.PatternsFile).Replace("yen\t\\byen\\b", "yen\t\\byen[", StringComparison.Ordinal));
            var e = Assert.Throws<ReadoutException>(() => LexiconLoader.LoadFolder(dir));
            Assert.Equal(("RO0002", FigureLexicon.PatternsFile), (e.Code, e.Document));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// The figure step reads an empty match of the suffix pattern (the words after a number) as one in which no group
    /// took part, without asking each group: it holds for the shipped pattern after every number of seeds, dev and real,
    /// and after a number followed by each of the pattern's own words.
    /// </summary>
    [Fact]
    public void Issue13_an_empty_suffix_match_has_no_group_that_took_part()
    {
        var suffix = (Regex)typeof(FigureLexicon).GetProperty("Suffix", BindingFlags.Instance | BindingFlags.NonPublic)!
            .GetValue(TestPipeline.Instance.Lexicon.Figures)!;
        var names = suffix.GetGroupNames().Where(n => !int.TryParse(n, out _)).ToArray();
        Assert.NotEmpty(names);
        var words = Regex.Matches(suffix.ToString(), @"[A-Za-z%$€£¥]+").Select(m => m.Value).Distinct().ToArray();
        var texts = CorpusSentences.OfSeedsDevAndReal().Concat(words.SelectMany(w => new[] { "5 " + w, "5" + w, "5  " + w + "s" }));
        var (numbers, empty) = (0, 0);
        foreach (var text in texts)
            foreach (Match d in Regex.Matches(text, @"\d+"))
            {
                numbers++;
                var m = suffix.Match(text, d.Index + d.Length, text.Length - d.Index - d.Length);
                if (!m.Success || m.Length > 0) continue;
                empty++;
                Assert.All(names, n => Assert.False(m.Groups[n].Success, $"group {n} took part in an empty match after '{d.Value}' in '{text}'"));
            }
        Assert.True(empty > 1000 && empty < numbers, $"{empty} empty matches after {numbers} numbers");
    }
}
