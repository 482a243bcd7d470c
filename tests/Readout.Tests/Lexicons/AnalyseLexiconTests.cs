using Readout.Analyse;
using Readout.Lexicons;
using Xunit;
using static Readout.Tests.Lexicons.ShippedLexicons;

namespace Readout.Tests.Lexicons;

/// <summary>
/// Issue 14: the word sets the analyse stage compared as C# literals are lists of data/lexicons/analyse_words.tsv, read
/// through <see cref="AnalyseLexicon"/>: each is required when the lexicons load, and the readers read the data (an
/// edited list changes what they do).
/// </summary>
public sealed class AnalyseLexiconTests
{
    private static AnalyseLexicon Load(Func<string, string> read) => AnalyseLexicon.Load(read, DateLexicon.Load(read));

    [Fact]
    public void Issue14_the_shipped_file_loads_and_every_list_is_used() =>
        Assert.NotNull(Load(Read));   // CheckAllUsed throws for a list nothing reads

    [Theory]
    [InlineData("abbreviated_titles")]
    [InlineData("abbreviations")]
    [InlineData("name_particles")]
    [InlineData("name_grammar_particles")]
    [InlineData("name_suffixes")]
    [InlineData("name_grammar_suffixes")]
    [InlineData("people_index_suffixes")]
    [InlineData("surname_common_words")]
    [InlineData("title_connectors")]
    public void Issue14_a_list_the_analyse_stage_reads_that_is_missing_fails_the_load_with_RO0003(string list)
    {
        var e = LoadFails(Load, AnalyseLexicon.WordsFile, list + "\t", null, "RO0003", AnalyseLexicon.WordsFile);
        Assert.Equal($"has no list {list}, which the code reads", e.Detail);
    }

    [Fact]
    public void Issue14_a_words_file_without_patterns_refuses_a_pattern_naming_the_words_file()
    {
        var p = new NamedPatterns(name => "list\twords\nc\tof|to\n", "w.tsv");
        Assert.Contains("TO", (IReadOnlySet<string>)p.Words("c"));
        var e = Assert.Throws<Readout.Documents.ReadoutException>(() => p.Pattern("c"));
        Assert.Equal(("RO0003", "w.tsv", "has no pattern c, which the code reads"), (e.Code, e.Document, e.Detail));
    }

    [Fact]
    public void Issue14_the_short_month_names_come_from_the_dates_words_and_end_no_sentence()
    {
        Assert.Equal(["Apr", "Aug", "Dec", "Feb", "Jan", "Jul", "Jun", "Mar", "Nov", "Oct", "Sep", "Sept"],
            DateLexicon.Load(Read).ShortMonths.Order(StringComparer.Ordinal));
        Assert.Single(TestPipeline.Sentences("Talks were held on Sept. 4 in Geneva."));
        Assert.Equal(2, TestPipeline.Sentences("Talks were held in May. Geneva was calm.").Count);
    }

    [Fact]
    public void Issue14_the_sentence_splitter_reads_its_abbreviations_from_the_lexicon()
    {
        const string Text = "Mr. Putin met Dr. Smith in Sochi. Nobody said.";
        Assert.Equal(2, TestPipeline.Sentences(Text).Count);
        var edited = Load(Edited(AnalyseLexicon.WordsFile, "abbreviated_titles\t", "abbreviated_titles\tMr|Mrs|Ms"));
        Assert.Equal(["Mr. Putin met Dr.", "Smith in Sochi.", "Nobody said."],
            new SentenceSplitter(edited).Split(Text).Select(s => s.Text));
        const string Company = "Shares of Acme Co. Ltd. fell. Nobody said.";
        Assert.Equal(2, TestPipeline.Sentences(Company).Count);
        var corp = Load(Edited(AnalyseLexicon.WordsFile, "abbreviations\t", "abbreviations\tCorp"));
        Assert.Equal(["Shares of Acme Co.", "Ltd. fell.", "Nobody said."], new SentenceSplitter(corp).Split(Company).Select(s => s.Text));
    }

    /// <summary>The name run the grammar reads from the first word of <paramref name="text"/>, as written.</summary>
    private static string NameAt(AnalyseLexicon words, string text)
    {
        var tokens = TokenLayer.Of(text).Tokens;
        var run = new NameGrammar(new HashSet<string>(StringComparer.Ordinal), words).RunAt(text, tokens, 0);
        return run is { } r ? text[r.CharStart..r.CharEnd] : "";
    }

    [Fact]
    public void Issue14_the_name_grammar_reads_its_particles_and_suffixes_from_the_lexicon()
    {
        var shipped = TestPipeline.Instance.Lexicon.Analyse;
        Assert.Equal("Lula da Silva", NameAt(shipped, "Lula da Silva spoke."));
        Assert.Equal("Ugo della Rocca", NameAt(shipped, "Ugo della Rocca spoke."));
        Assert.Equal("Joseph R. Biden, Jr.", NameAt(shipped, "Joseph R. Biden, Jr. spoke."));
        Assert.Equal("Henry VIII", NameAt(shipped, "Henry VIII spoke."));
        var particles = Load(Edited(AnalyseLexicon.WordsFile, "name_grammar_particles\t", "name_grammar_particles\tzu"));
        Assert.Equal("Ugo", NameAt(particles, "Ugo della Rocca spoke."));
        Assert.Equal("Lula da Silva", NameAt(particles, "Lula da Silva spoke."));
        var suffixes = Load(Edited(AnalyseLexicon.WordsFile, "name_suffixes\t", "name_suffixes\tSr"));
        Assert.Equal("Joseph R. Biden", NameAt(suffixes, "Joseph R. Biden, Jr. spoke."));
        Assert.Equal("Henry VIII", NameAt(suffixes, "Henry VIII spoke."));
    }

    [Fact]
    public void Issue14_the_people_index_reads_its_particles_from_the_lexicon_folded()
    {
        var shipped = TestPipeline.Instance.Lexicon.PeopleIndex;
        Assert.True(shipped.IsParticle("bin"));
        Assert.True(shipped.IsParticle("jr"));
        Assert.False(shipped.IsParticle("Jr"));   // the index compares folded words
        Assert.False(shipped.IsParticle("della"));   // the name grammar's only
        var edited = Load(Edited(AnalyseLexicon.WordsFile, "name_suffixes\t", "name_suffixes\tJr|Sr|II|III|IV|XIV"));
        var index = new PeopleIndex([], new Dictionary<string, string>(), edited);
        Assert.True(index.IsParticle("xiv"));
        Assert.False(shipped.IsParticle("xiv"));
    }

    private static List<(string Text, MentionKind Kind, string? Country, string? Role)> People(Lexicon lexicon, string text) =>
        new MentionFinder(lexicon).Find(text, TokenLayer.Of(text), new SentenceSplitter(lexicon.Analyse).Split(text),
                new DateOnly(2023, 5, 2))
            .People.Select(p => (text[p.Span.Start..p.Span.End], p.Kind, p.Country, p.Role)).ToList();

    [Fact]
    public void Issue14_the_mention_finder_reads_the_common_words_a_surname_may_be_from_the_lexicon()
    {
        const string Text = "Prime Minister Lee Hsien Loong met Joe Biden in Washington on Monday. Lee said the talks went well.";
        Assert.Contains(("Lee", MentionKind.Surname, "SGP", "head_of_government"), People(TestPipeline.Instance.Lexicon, Text));
        var edited = LoadEdited(AnalyseLexicon.WordsFile, "surname_common_words\t", "surname_common_words\the|Lee");
        Assert.DoesNotContain(People(edited, Text), p => p.Kind == MentionKind.Surname);
    }

    [Fact]
    public void Issue14_the_title_reader_reads_its_connectors_from_the_lexicon()
    {
        const string Text = "The Minister for Foreign Affairs of Estonia Kaarel Tammsaare spoke on Monday.";
        Assert.Equal([("Kaarel Tammsaare", MentionKind.Titled, "EST", "foreign_minister")], People(TestPipeline.Instance.Lexicon, Text));
        var edited = LoadEdited(AnalyseLexicon.WordsFile, "title_connectors\t", "title_connectors\tfor|and|the|on|to|in");
        Assert.Empty(People(edited, Text));   // without "of" the title phrase stops at "of Estonia": no title, no person
    }
}
