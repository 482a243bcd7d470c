using Readout.Code;
using Readout.Documents;
using Readout.Lexicons;
using Xunit;
using static Readout.Tests.Lexicons.ShippedLexicons;

namespace Readout.Tests.Lexicons;

/// <summary>
/// Issue 14: the grammar words of the sentence event coder (determiners, passive auxiliaries, pronouns, what may stand
/// between an agent and its country) are read from data/lexicons/event_coder_words.tsv and event_coder_patterns.tsv,
/// checked when the lexicons load, and still code the sentences they coded as C# literals.
/// </summary>
public sealed class EventCoderLexiconTests
{
    private static string Coded(SentenceEventCoder coder, string sentence) =>
        string.Join("; ", coder.CodeSentence(sentence).Select(e => $"{e.Cameo} {e.Source?.Code ?? "-"} {e.Target?.Code ?? "-"}"));

    private static SentenceEventCoder Shipped => TestPipeline.Instance.EventCoder;

    [Fact]
    public void The_shipped_files_load_and_every_row_is_used() =>
        Assert.NotNull(EventCoderLexicon.Load(Read));   // CheckAllUsed throws for a row nothing uses

    [Fact]
    public void A_bad_pattern_fails_the_load_with_RO0002_naming_file_and_line()
    {
        const string Patterns = EventCoderLexicon.PatternsFile;
        var e = LoadFails(EventCoderLexicon.Load, Patterns, "pronoun\t", "pronoun\t\\b({pronouns}\\b", "RO0002", Patterns);
        var line = LineOf(Patterns, "pronoun\t");
        Assert.StartsWith($"line {line} pattern pronoun is not a valid regular expression", e.Detail, StringComparison.Ordinal);
    }

    [Theory]
    // passive_before and by_after: the source follows "by"
    [InlineData("The Peruvian ambassador was expelled by Bolivia on Tuesday.", "174 BOL PERGOV")]
    // modifier_gap: the country word before the agent qualifies it; of_in_country: the one after it
    [InlineData("Chadian troops shelled rebel positions near the border with Sudan on Monday.", "194 TCDMIL REB")]
    [InlineData("A court in Kenya jailed two Ethiopian smugglers for five years.", "173 KENJUD ETH")]
    public void Sentences_are_coded_as_before(string sentence, string expected) =>
        Assert.Equal(expected, Coded(Shipped, sentence));

    [Fact]
    public void The_passive_is_read_with_the_auxiliaries_of_the_list()
    {
        const string Sentence = "The Peruvian ambassador was expelled by Bolivia on Tuesday.";
        var lexicon = LoadEdited(EventCoderLexicon.WordsFile, "passive_auxiliaries\t",
            "passive_auxiliaries\twere|been|being|is|are|be|got|get|gets");
        // without "was" the verb is active: its source is the actor before it, the Peruvian ambassador
        Assert.Equal("174 PERGOV BOL", Coded(new SentenceEventCoder(lexicon, TestPipeline.Instance.Codebook), Sentence));
    }
}
