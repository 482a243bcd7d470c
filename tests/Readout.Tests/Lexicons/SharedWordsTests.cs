using Readout.Documents;
using Readout.Lexicons;
using Xunit;

namespace Readout.Tests.Lexicons;

/// <summary>
/// The word lists read by several readers (speech_verbs.tsv, role_words.tsv): each word once, with its uses; a row
/// that is not a plain word with known uses stops the load with RO0003 naming the file and line.
/// </summary>
public sealed class SharedWordsTests
{
    private static readonly Lexicon Shipped = TestPipeline.Instance.Lexicon;

    [Fact]
    public void A_reader_reads_exactly_its_own_words_in_the_files_order()
    {
        Assert.Equal(["said", "says", "told reporters", "added", "noted", "stressed"], Shipped.SpeechVerbs.Forms(SpeechUse.Closing));
        Assert.Equal(["president", "prime minister"], Shipped.RoleWords.Forms(RoleUse.NameTitle));
        // every reader the code names has words: a use that no row has would be a typo in a reader
        foreach (var use in SpeechUse.All) Assert.NotEmpty(Shipped.SpeechVerbs.Forms(use));
        foreach (var use in RoleUse.All) Assert.NotEmpty(Shipped.RoleWords.Forms(use));
        Assert.Throws<ArgumentException>(() => Shipped.SpeechVerbs.Forms("closng"));
    }

    [Fact]
    public void Alternations_escape_each_word_and_join_a_phrase_as_the_reader_reads_it()
    {
        var said = Shipped.SpeechVerbs.Alternation(SpeechUse.SaidOn, gap: @"\s+");
        Assert.Contains(@"told\s+a\s+news\s+conference", said, StringComparison.Ordinal);
        Assert.Equal("President|Prime Minister", Shipped.RoleWords.Alternation(RoleUse.NameTitle, titleCase: true));
        Assert.Equal("Secretary-general", SharedWords.TitleCase("secretary-general"));
    }

    [Fact]
    public void An_office_word_names_its_office_in_any_case()
    {
        Assert.Equal("head_of_government", Shipped.RoleWords.RoleOf("Prime Ministers"));
        Assert.Equal("national_security_advisor", Shipped.RoleWords.RoleOf("national security advisor"));
        Assert.Null(Shipped.RoleWords.RoleOf("spokesman"));
        Assert.All(Shipped.RoleWords.Forms(RoleUse.Office), f => Assert.NotNull(Shipped.RoleWords.RoleOf(f)));
    }

    [Fact]
    public void Patterns_are_built_once_per_lexicon()
    {
        var lexicon = LexiconLoader.LoadEmbedded();
        Assert.Same(lexicon.Pattern("said", System.Text.RegularExpressions.RegexOptions.IgnoreCase),
            lexicon.Pattern("said", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
    }

    [Theory]
    [InlineData("speech_verbs.tsv", "emphasi[sz]ed\tclause", "form 'emphasi[sz]ed' is not plain lower-case words")]
    [InlineData("speech_verbs.tsv", "Said\tclause", "form 'Said' is not plain lower-case words")]
    [InlineData("speech_verbs.tsv", "said\tclause", "form 'said' is also on line")]
    [InlineData("speech_verbs.tsv", "opined\tclosng", "use 'closng' of 'opined' is not clause, closing")]
    [InlineData("speech_verbs.tsv", "opined\t|", "'opined' has no use")]
    [InlineData("role_words.tsv", "tsar\tautocrat\toffice", "role 'autocrat' of 'tsar' is not head_of_state")]
    [InlineData("role_words.tsv", "tsar\t\toffice", "'tsar' is read as an office (office) but names no role")]
    public void A_bad_row_stops_the_load_naming_the_file_and_line(string file, string row, string message)
    {
        var dir = Directory.CreateTempSubdirectory("readout-words-").FullName;
        try
        {
            foreach (var f in Directory.EnumerateFiles(Path.Combine(TestPipeline.RepoRoot, "data", "lexicons"), "*.tsv"))
                File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            var path = Path.Combine(dir, file);
            var text = File.ReadAllText(path);
            Assert.EndsWith("\n", text, StringComparison.Ordinal);
            var line = text.Count(c => c == '\n') + 1;
            File.WriteAllText(path, text + row + "\n");
            var e = Assert.Throws<ReadoutException>(() => LexiconLoader.LoadFolder(dir));
            Assert.Equal(("RO0003", file), (e.Code, e.Document));
            Assert.StartsWith($"line {line}: ", e.Detail, StringComparison.Ordinal);
            Assert.Contains(message, e.Detail, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_reader_left_without_words_stops_the_load()
    {
        var dir = Directory.CreateTempSubdirectory("readout-words-").FullName;
        try
        {
            foreach (var f in Directory.EnumerateFiles(Path.Combine(TestPipeline.RepoRoot, "data", "lexicons"), "*.tsv"))
                File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            File.WriteAllText(Path.Combine(dir, "speech_verbs.tsv"), "# only one reader's word\nform\tuses\nsaid\tclause\n");
            var e = Assert.Throws<ReadoutException>(() => LexiconLoader.LoadFolder(dir));
            Assert.Equal(("RO0003", "speech_verbs.tsv", "no form has the use 'closing'"), (e.Code, e.Document, e.Detail));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("speech_verbs.tsv")]
    [InlineData("role_words.tsv")]
    public void The_lexicon_version_covers_the_word_lists(string file)
    {
        var dir = Directory.CreateTempSubdirectory("readout-words-").FullName;
        try
        {
            foreach (var f in Directory.EnumerateFiles(Path.Combine(TestPipeline.RepoRoot, "data", "lexicons"), "*.tsv"))
                File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            Assert.Equal(Shipped.Version, LexiconLoader.LoadFolder(dir).Version);
            File.AppendAllText(Path.Combine(dir, file), "# a comment\n");
            Assert.NotEqual(Shipped.Version, LexiconLoader.LoadFolder(dir).Version);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
