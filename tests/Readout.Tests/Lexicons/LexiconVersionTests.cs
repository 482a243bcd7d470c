using Xunit;
using System.Text.RegularExpressions;
using Readout.Lexicons;
using Readout.Store;

namespace Readout.Tests.Lexicons;

/// <summary>The lexicon version: a digest of the lexicon files, stored with every record they make.</summary>
public sealed class LexiconVersionTests
{
    private static string CopyLexicons()
    {
        var dir = Directory.CreateTempSubdirectory("readout-lex-").FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPipeline.RepoRoot, "data", "lexicons"), "*.tsv"))
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        return dir;
    }

    [Fact]
    public void The_version_is_a_digest_of_the_files_and_changes_when_one_changes()
    {
        var embedded = TestPipeline.Instance.Lexicon.Version;
        Assert.Matches(new Regex("^lex-[0-9a-f]{12}$"), embedded);
        var dir = CopyLexicons();
        try
        {
            // the same files read from a folder give the same version as the embedded ones
            Assert.Equal(embedded, LexiconLoader.LoadFolder(dir).Version);
            // one comment line more in one file gives another
            File.AppendAllText(Path.Combine(dir, "words.tsv"), "# a comment\n");
            var edited = LexiconLoader.LoadFolder(dir).Version;
            Assert.NotEqual(embedded, edited);
            Assert.Matches(new Regex("^lex-[0-9a-f]{12}$"), edited);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(DateLexicon.WordsFile)]
    [InlineData(DateLexicon.PatternsFile)]
    [InlineData(JunkLineLexicon.WordsFile)]
    [InlineData(JunkLineLexicon.PatternsFile)]
    [InlineData(TranscriptLexicon.WordsFile)]
    [InlineData(TranscriptLexicon.PatternsFile)]
    [InlineData(EventCoderLexicon.WordsFile)]
    [InlineData(EventCoderLexicon.PatternsFile)]
    public void The_words_and_patterns_of_the_clean_and_analyse_stages_and_the_event_coder_are_in_the_version(string file)
    {
        var dir = CopyLexicons();
        try
        {
            var shipped = LexiconLoader.LoadFolder(dir).Version;
            File.AppendAllText(Path.Combine(dir, file), "# a comment\n");
            Assert.NotEqual(shipped, LexiconLoader.LoadFolder(dir).Version);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Every_stored_record_carries_the_version_of_the_lexicons_that_made_it()
    {
        var pipeline = TestPipeline.Instance;
        var text = "MOSCOW, March 20, 2024 (Wire) - Russian President Vladimir Putin held a phone call with Indian Prime Minister Narendra Modi on Wednesday.";
        var result = pipeline.Process(new Readout.Documents.RawDocument("test://lexicon-version", text, "text", Readout.Ingest.InputReader.Hash(text)));
        Assert.NotEmpty(result.Interactions);
        Assert.All(result.Interactions, i => Assert.Equal(pipeline.Lexicon.Version, i.LexiconVersion));

        var db = Path.Combine(Directory.CreateTempSubdirectory("readout-lexv-").FullName, "r.db");
        using var store = new SqliteStore(db);
        store.SaveDocument(result);
        var records = store.Query(InteractionFilter.All);
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal(pipeline.Lexicon.Version, r.LexiconVersion));
        Assert.Contains($"\"lexicon_version\":\"{pipeline.Lexicon.Version}\"", RecordJson.Serialize(records[0]), StringComparison.Ordinal);
    }
}
