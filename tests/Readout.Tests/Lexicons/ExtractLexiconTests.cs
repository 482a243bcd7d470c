using Readout.Documents;
using Readout.Lexicons;
using Xunit;

namespace Readout.Tests.Lexicons;

/// <summary>
/// The extract stage's words and patterns as shipped (data/lexicons/extract_words.tsv, extract_patterns.tsv): what the
/// interaction, clause, attribution and statement readers need of them is checked when the lexicons load, a bad row is
/// named by file and line, and both files are part of the lexicon version.
/// </summary>
public sealed class ExtractLexiconTests
{
    private static string Shipped(string name) => File.ReadAllText(Path.Combine(TestPipeline.RepoRoot, "data", "lexicons", name));

    private static ExtractLexicon Load(Func<string, string> read)
    {
        var lexicon = TestPipeline.Instance.Lexicon;
        return ExtractLexicon.Load(read, lexicon.SpeechVerbs, lexicon.RoleWords, lexicon.Analyse);
    }

    /// <summary>The shipped files with the line that starts with <paramref name="startOfLine"/> replaced (or removed, for null).</summary>
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

    private static ReadoutException Fails(Func<string, string> read, string code, string file)
    {
        var e = Assert.Throws<ReadoutException>(() => Load(read));
        Assert.Equal((code, file), (e.Code, e.Document));
        return e;
    }

    [Fact]
    public void The_shipped_files_load_and_every_row_is_used() =>
        Assert.NotNull(Load(Shipped));   // CheckAllUsed throws for a row nothing uses

    [Fact]
    public void A_pattern_that_does_not_parse_fails_the_load_with_RO0002_naming_file_and_line()
    {
        var e = Fails(Edited(ExtractLexicon.PatternsFile, "negation\t", "negation\t\\b(not|never\\b"),
            "RO0002", ExtractLexicon.PatternsFile);
        Assert.StartsWith($"line {LineOf(ExtractLexicon.PatternsFile, "negation\t")} pattern negation is not a valid regular expression",
            e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_a_reader_reads_that_is_missing_fails_the_load_with_RO0003()
    {
        var e = Fails(Edited(ExtractLexicon.PatternsFile, "greeting\t", null), "RO0003", ExtractLexicon.PatternsFile);
        Assert.Equal("has no pattern greeting, which the code reads", e.Detail);
    }

    [Fact]
    public void A_group_a_reader_reads_that_is_missing_fails_the_load_with_RO0003_naming_the_line()
    {
        // the closing attribution's speaker is read from its group "who"
        var e = Fails(Edited(ExtractLexicon.PatternsFile, "closing\t", "closing\t(?-i),\\s*([\\w .'-]{1,40}?)\\s+({speech_closing})\\.?$"),
            "RO0003", ExtractLexicon.PatternsFile);
        var line = LineOf(ExtractLexicon.PatternsFile, "closing\t");
        Assert.Equal($"line {line} pattern closing has no group (?<who>...), which the code reads", e.Detail);
    }

    [Fact]
    public void A_shared_list_use_the_code_does_not_lend_fails_the_load_with_RO0003_naming_the_line()
    {
        // {speech_USE} is lent for the uses the readers read; a use mistyped names nothing
        var e = Fails(Edited(ExtractLexicon.PatternsFile, "said_on\t", "said_on\t\\b({speech_sayd_on})\\s+$"),
            "RO0003", ExtractLexicon.PatternsFile);
        Assert.StartsWith($"line {LineOf(ExtractLexicon.PatternsFile, "said_on\t")} {{speech_sayd_on}} is neither a list",
            e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_list_a_reader_reads_that_is_missing_fails_the_load_with_RO0003()
    {
        // data_nouns is read by a pattern (trailing_data) and by the attribution finder's code; the pattern fails first
        var e = Fails(Edited(ExtractLexicon.WordsFile, "data_nouns\t", null), "RO0003", ExtractLexicon.PatternsFile);
        Assert.StartsWith($"line {LineOf(ExtractLexicon.PatternsFile, "trailing_data\t")} {{data_nouns}} is neither a list",
            e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_nothing_reads_fails_the_load_with_RO0003_naming_its_line()
    {
        var patterns = Shipped(ExtractLexicon.PatternsFile) + "stray\t\\bstray\\b\n";
        var line = patterns.Split('\n').Length - 1;
        var e = Fails(name => name == ExtractLexicon.PatternsFile ? patterns : Shipped(name), "RO0003", ExtractLexicon.PatternsFile);
        Assert.Equal($"line {line} pattern stray is used by no other pattern and not by the code", e.Detail);
    }

    [Fact]
    public void The_lexicon_version_covers_the_extract_files_and_a_bad_row_fails_the_whole_load()
    {
        var dir = Directory.CreateTempSubdirectory("readout-extractlex-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPipeline.RepoRoot, "data", "lexicons"), "*.tsv"))
                File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            var shipped = LexiconLoader.LoadFolder(dir).Version;
            Assert.Equal(TestPipeline.Instance.Lexicon.Version, shipped);
            foreach (var name in new[] { ExtractLexicon.WordsFile, ExtractLexicon.PatternsFile })
            {
                var path = Path.Combine(dir, name);
                var text = File.ReadAllText(path);
                File.AppendAllText(path, "# a comment\n");
                Assert.NotEqual(shipped, LexiconLoader.LoadFolder(dir).Version);
                File.WriteAllText(path, text);
            }
            File.WriteAllText(Path.Combine(dir, ExtractLexicon.WordsFile),
                Shipped(ExtractLexicon.WordsFile).Replace("third_person\the|she", "third_person\the|she|he", StringComparison.Ordinal));
            var e = Assert.Throws<ReadoutException>(() => LexiconLoader.LoadFolder(dir));
            Assert.Equal(("RO0002", ExtractLexicon.WordsFile), (e.Code, e.Document));
            Assert.StartsWith($"line {LineOf(ExtractLexicon.WordsFile, "third_person\t")} list third_person has 'he' twice",
                e.Detail, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
