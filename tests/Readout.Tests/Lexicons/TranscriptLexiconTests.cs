using Readout.Analyse;
using Readout.Documents;
using Readout.Lexicons;
using Xunit;
using static Readout.Tests.Lexicons.ShippedLexicons;

namespace Readout.Tests.Lexicons;

/// <summary>
/// Issue 14: the speaker labels of transcripts are read from data/lexicons/transcript_words.tsv and
/// transcript_patterns.tsv, checked when the lexicons load, and still find the turns they found as C# literals.
/// </summary>
public sealed class TranscriptLexiconTests
{
    private const string Briefing =
        "FOR IMMEDIATE RELEASE: March 5, 2024\n\nMS. PSAKI: Good afternoon, everyone.\n\nQ Thank you, Jen. On Ukraine?\n\n"
        + "MS. PSAKI: The President spoke with President Zelenskyy today.\n\nTHE PRESIDENT: We will keep our word.\n\n"
        + "NOTE: transcript edited.\n\n"
        + "GENERAL SECRETARY TRỌNG: (As interpreted.) Thank you.";

    [Fact]
    public void The_shipped_files_load_and_every_row_is_used() =>
        Assert.NotNull(TranscriptLexicon.Load(Read));   // CheckAllUsed throws for a row nothing uses

    [Fact]
    public void A_list_a_pattern_uses_that_is_missing_fails_the_load_with_RO0003_naming_the_line_that_uses_it()
    {
        const string Words = TranscriptLexicon.WordsFile, Patterns = TranscriptLexicon.PatternsFile;
        var e = LoadFails(TranscriptLexicon.Load, Words, "label_titles\t", null, "RO0003", Patterns);
        var line = LineOf(Patterns, "label\t");
        Assert.StartsWith($"line {line} {{label_titles}} is neither a list", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_turns_of_a_briefing_are_found_and_a_label_that_names_no_one_is_not_a_turn()
    {
        var layer = new TranscriptReader(TestPipeline.Instance.Lexicon.Transcripts).Read(Briefing);
        Assert.Equal(["MS. PSAKI", "Q", "MS. PSAKI", "THE PRESIDENT", "GENERAL SECRETARY TRỌNG"], layer.Turns.Select(t => t.LabelText));
        Assert.True(layer.Turns[1].IsQuestion);
    }

    [Fact]
    public void A_word_added_to_the_labels_that_name_no_one_is_no_longer_a_turn()
    {
        var lexicon = TranscriptLexicon.Load(Edited(TranscriptLexicon.WordsFile, "not_speakers\t",
            "not_speakers\tNOTE|END|UPDATE|EDITOR|WASHINGTON|EMBARGOED|FOR IMMEDIATE RELEASE|TRANSCRIPT|SOURCE|PHOTO|LOCATION"
            + "|THE PRESIDENT"));
        var layer = new TranscriptReader(lexicon).Read(Briefing);
        Assert.DoesNotContain(layer.Turns, t => t.LabelText == "THE PRESIDENT");
        Assert.Contains(layer.Turns, t => t.LabelText == "MS. PSAKI");
    }
}
