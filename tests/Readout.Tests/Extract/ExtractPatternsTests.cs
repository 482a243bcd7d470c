using System.Text.RegularExpressions;
using Readout.Lexicons;
using Xunit;

namespace Readout.Tests.Extract;

/// <summary>
/// Issue 14: the extract stage's patterns moved from C# literals into extract_patterns.tsv read as they did, on phrases
/// of the corpus and of the reports the readers' comments quote: what each reader takes from a match (a group, or
/// that it matches at all), case kept where the reader's pattern was case-sensitive, and the shared speech verbs and
/// role words lent as each reader wrote them.
/// </summary>
public sealed class ExtractPatternsTests
{
    // the shipped options without Compiled: the same matches, without compiling each pattern for a test
    private static readonly NamedPatterns Shipped = new(
        name => File.ReadAllText(Path.Combine(TestPipeline.RepoRoot, "data", "lexicons", name)),
        ExtractLexicon.WordsFile, ExtractLexicon.PatternsFile, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        ExtractLexicon.SharedParts(TestPipeline.Instance.Lexicon.SpeechVerbs, TestPipeline.Instance.Lexicon.RoleWords));

    /// <summary>A pattern over a phrase: the group's value (the whole match for ""), or null for no match.</summary>
    private static string? Read(string pattern, string text, string group)
    {
        var m = Shipped.Pattern(pattern).Match(text);
        return !m.Success ? null : group.Length == 0 ? m.Value : m.Groups[group].Value;
    }

    [Theory]
    // interactions: negations, denials and appeals before a cue, and an arrival ceremony, are no claim that they met
    [InlineData("negated_before", "China had noticed that Russia had never ", "", "never ")]
    [InlineData("negated_before", "Putin has no plans to ", "", "no plans to ")]
    [InlineData("negated_before", "Putin plans to ", "", null)]
    [InlineData("denial_before", "the Kremlin denied reports that", "", "denied reports that")]
    [InlineData("appeal_before", "Biden urged President Xi to ", "", "urged President Xi to ")]
    [InlineData("greeting", "greeted at the airport by Foreign Minister Wang Yi", "", "greeted at the airport")]
    [InlineData("greeting", "welcomed the opportunity to meet", "", null)]
    // when, where and how
    [InlineData("said_on", "Yellen said on ", "", "said on ")]
    [InlineData("said_on", "the minister told  reporters late ", "", "told  reporters late ")]   // its verbs with any gap, as written
    [InlineData("opening_date", "On the afternoon of ", "", "On the afternoon of ")]
    [InlineData("earlier_reference", "following the recent phone ", "", "recent phone ")]
    [InlineData("locative_before", "talks in the city of ", "", "in the city of ")]
    [InlineData("locative_after", " summit on Friday", "", " summit")]
    [InlineData("institution_verb_after", "’s spokesman Dmitry Peskov", "", "’s spokesman")]
    [InlineData("past_verb", "held talks", "", "held")]
    [InlineData("spoke_cue", "spoke by phone", "", "spoke")]
    // clauses
    [InlineData("fronted_opener", "After meeting with Blinken", "w", "After")]
    [InlineData("subordinate_opener", "which the two sides signed", "w", "which")]
    [InlineData("clause_boundary", "Xi said he hoped", "", "")]   // a boundary after a speech verb of use "clause" is empty
    [InlineData("joiner_only", " and former President ", "", " and former President ")]
    // attribution
    [InlineData("state_group", "The two sides agreed that over the past years", "who", "The two sides")]
    [InlineData("person_group", "The two leaders affirmed their commitment", "who", "The two leaders")]
    [InlineData("demonym_side", "The Russian side looked forward to intensifying exchanges", "dem", "Russian")]
    [InlineData("role_reference", "The Russian president said", "role", "president")]
    [InlineData("bare_title", "In his opening remarks Prime Minister noted that", "t", "Prime Minister")]
    [InlineData("closing", "as well as international fairness and justice, he said.", "who", "he")]
    [InlineData("title_before_name", " President ", "", " President ")]
    [InlineData("joined_by_title", " and President ", "", " and President ")]
    [InlineData("state_voice", "'s foreign ministry replied: \"We agree.\"", "", "'s foreign ministry")]
    [InlineData("it_was", "It was ", "", "It was ")]
    [InlineData("institution_voice", " the press service of the ", "", " the press service of the ")]
    [InlineData("person_after_preposition", "talks with Russian President ", "", "with Russian President ")]
    [InlineData("place_after_preposition", "arrived in ", "", "in ")]
    // who gives a figure
    [InlineData("according_to", "according to the State Customs Service, trade", "src", "the State Customs Service")]
    [InlineData("according_to", "according to Rosstat on Monday", "src", "Rosstat")]
    [InlineData("data_from", "data from the customs office", "", "data from the ")]
    [InlineData("trailing_data", "customs data", "", " data")]
    [InlineData("report_verb", "President Putin pointed out that the COVID pandemic", "v", "pointed out")]
    [InlineData("adverb_end", "Fauci just", "", "just")]
    [InlineData("capitalised_name", "the General Administration of Customs said", "n", "General Administration of Customs")]
    // statements
    [InlineData("readout_opening", "President Xi Jinping stressed that the two sides", "", "President Xi Jinping stressed that")]
    [InlineData("narration_verb", "The talks lasted two hours.", "", "lasted")]
    [InlineData("greeting_cue", "Welcomed", "", "Welcomed")]
    [InlineData("congratulation", "congratulated him and Egypt", "", "congratulat")]
    [InlineData("negation", "Russia had never refused", "", "never")]
    [InlineData("future_marker", "Moscow is going to", "", "going to")]
    [InlineData("hypothetical", "if the talks fail", "", "if")]
    [InlineData("commitment", "China is willing to deepen", "", "is willing")]
    [InlineData("obligation", "He also said Ukraine should soften its negotiating position", "subj", "He also said Ukraine")]
    [InlineData("shared_subject", "the two sides should", "", "the two")]
    public void A_moved_pattern_reads_a_phrase_as_its_reader_did(string pattern, string text, string group, string? expected) =>
        Assert.Equal(expected, Read(pattern, text, group));

    [Theory]
    // a pattern that was case-sensitive in the code says (?-i) in the data: a capital starts a name, "I" is a person
    [InlineData("first_person", "I spoke with Prime Minister Trudeau", "I")]
    [InlineData("first_person", "i spoke with", null)]
    [InlineData("speaker_pronoun", "HE said", null)]
    [InlineData("speaker_pronoun", "She said", "She")]
    [InlineData("readout_opening", "president xi jinping stressed that", null)]
    [InlineData("bare_title", "the prime minister noted", null)]
    [InlineData("pronoun_name", "They've", "They've")]
    [InlineData("pronoun_name", "they", null)]
    [InlineData("greeted_person", " Xi and", " Xi and")]
    [InlineData("greeted_person", " the delegation and", null)]
    [InlineData("and_that", "AND THAT", null)]
    [InlineData("clause_separator", " AND ", null)]
    [InlineData("infinitive_after", " to Discuss", null)]
    [InlineData("infinitive_after", " to discuss", " to d")]
    public void A_pattern_that_was_case_sensitive_still_is(string pattern, string text, string? expected) =>
        Assert.Equal(expected, Read(pattern, text, ""));

    [Fact]
    public void The_obligation_prefilter_looks_for_the_words_the_pattern_ends_with()
    {
        // the openings read from the pattern's words are the list that stood beside the pattern in the code
        Assert.Equal(["had to", "has to", "have to", "must", "need to", "needs to", "should"],
            RequiredLiterals.Of(Shipped.Text("obligation_words")));
    }
}
