using System.Text.RegularExpressions;
using Readout.Clean;
using Readout.Documents;
using Readout.Extract;
using Readout.Ingest;
using Readout.Lexicons;
using Xunit;

namespace Readout.Tests.Extract;

/// <summary>
/// Issue 14: the word sets the clause reader, the interaction extractor and the attribution finder compared as C#
/// literals are lists of extract_words.tsv, read through <see cref="ExtractLexicon"/>: each is required when the
/// lexicons load, the readers read the data (an edited list changes what they do), and a name's connectors keep "&amp;".
/// </summary>
public sealed class Issue14ExtractWordsTests
{
    private static string Shipped(string name) => File.ReadAllText(Path.Combine(TestPipeline.RepoRoot, "data", "lexicons", name));

    /// <summary>The shipped extract_words.tsv with the row of <paramref name="list"/> replaced (or removed, for null).</summary>
    private static string WordsWith(string list, string? words)
    {
        var lines = Shipped(ExtractLexicon.WordsFile).Split('\n').ToList();
        var at = lines.FindIndex(l => l.StartsWith(list + "\t", StringComparison.Ordinal));
        Assert.True(at >= 0, $"{ExtractLexicon.WordsFile} has no list {list}");
        if (words is null) lines.RemoveAt(at);
        else lines[at] = list + "\t" + words;
        return string.Join('\n', lines);
    }

    [Theory]
    [InlineData("object_openers")]
    [InlineData("list_continuers")]
    [InlineData("title_modifiers")]
    [InlineData("title_prepositions")]
    [InlineData("direct_object_words")]
    [InlineData("subject_prepositions")]
    [InlineData("argument_fillers")]
    [InlineData("conditional_openers")]
    [InlineData("dating_openers")]
    [InlineData("name_connectors")]
    public void Issue14_a_word_list_the_readers_read_that_is_missing_fails_the_load_with_RO0003(string list)
    {
        var lexicon = TestPipeline.Instance.Lexicon;
        var words = WordsWith(list, null);
        var e = Assert.Throws<ReadoutException>(() => ExtractLexicon.Load(
            name => name == ExtractLexicon.WordsFile ? words : Shipped(name), lexicon.SpeechVerbs, lexicon.RoleWords, lexicon.Analyse));
        Assert.Equal(("RO0003", ExtractLexicon.WordsFile), (e.Code, e.Document));
        Assert.Equal($"has no list {list}, which the code reads", e.Detail);
    }

    [Fact]
    public void Issue14_an_ampersand_is_a_word_of_a_list_and_other_signs_are_still_refused()
    {
        const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        var p = new NamedPatterns(name => name == "w.tsv" ? "list\twords\nc\tof|&|Procter & Gamble\n" : "name\tpattern\nn\t^({c})$\n",
            "w.tsv", "p.tsv", Options);
        var words = p.Words("c");
        Assert.Contains("&", (IReadOnlySet<string>)words);
        Assert.Contains("procter & gamble", (IReadOnlySet<string>)words);   // a list's words compare without regard to case
        Assert.Matches(p.Pattern("n"), "Procter  &  Gamble");   // a space in a phrase is any white space
        var e = Assert.Throws<ReadoutException>(() => new NamedPatterns(
            name => name == "w.tsv" ? "list\twords\nc\tof|a+b\n" : "name\tpattern\n", "w.tsv", "p.tsv", Options));
        Assert.Equal(("RO0002", "w.tsv"), (e.Code, e.Document));
        Assert.StartsWith("line 2 'a+b' of list c is not a word or phrase", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue14_a_figure_source_keeps_an_ampersand_inside_its_name()
    {
        var text = "New York, May 1. Sales of the company rose 12 percent to $2.4 billion last year, Smith & Wesson Brands said.";
        var raw = new RawDocument("issue14-connectors", text, "text", InputReader.Hash(text), Published: "2023-05-01");
        var result = TestPipeline.Instance.Process(raw, TestContext.Current.CancellationToken);
        var figure = Assert.Single(result.Figures, f => f.Text.Contains("2.4", StringComparison.Ordinal));
        Assert.Equal("Smith & Wesson Brands", figure.Source);
    }

    [Fact]
    public void Issue14_the_clause_reader_reads_its_words_from_the_lexicon_files()
    {
        // "welcomed back Chancellor Scholz": "back" may stand between a verb and its direct object (direct_object_words)
        const string Text = "Macron welcomed back Chancellor Scholz.";
        var cueEnd = Text.IndexOf(" back", StringComparison.Ordinal);
        var groupStart = Text.IndexOf("Chancellor", StringComparison.Ordinal);
        var shipped = new ClauseReader(TestPipeline.Instance.Lexicon);
        Assert.True(shipped.IsDirectObject(Text, cueEnd, groupStart, []));
        const string Warmly = "Macron welcomed warmly Chancellor Scholz.";
        Assert.False(shipped.IsDirectObject(Warmly, cueEnd, Warmly.IndexOf("Chancellor", StringComparison.Ordinal), []));

        var dir = Directory.CreateTempSubdirectory("readout-issue14-words-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPipeline.RepoRoot, "data", "lexicons"), "*.tsv"))
                File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(dir, ExtractLexicon.WordsFile), WordsWith("direct_object_words", "by|counterpart|counterparts|s"));
            var edited = new ClauseReader(LexiconLoader.LoadFolder(dir));
            Assert.False(edited.IsDirectObject(Text, cueEnd, groupStart, []));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
