using Xunit;

namespace Readout.Tests.Analyse;

/// <summary>
/// A turn label that reads as a family name alone ("MS. JEAN-PIERRE:") is the person the document names in full
/// ("Press Secretary Karine Jean-Pierre"): 874 statements of 1,500 bulk White House briefings had the speaker
/// "Jean-Pierre", and 28 "Levine Cava", where the briefing names them in full.
/// </summary>
public sealed class TurnSpeakerFullNameTests
{
    private static List<string> Speakers(string text)
    {
        return TestPipeline.Instance.Process(TestPipeline.Report(text), TestContext.Current.CancellationToken).Statements
            .SelectMany(s => s.Speakers).Select(s => s.Name).Distinct().ToList();
    }

    [Fact]
    public void A_family_name_label_is_the_person_named_in_full()
    {
        var speakers = Speakers("""
            Press Briefing by Press Secretary Karine Jean-Pierre

            MS. JEAN-PIERRE:  Good afternoon, everyone. The President will travel to Ohio on Friday to announce new funding for bridges.

            Q    Thank you. Will he meet the governor?

            MS. JEAN-PIERRE:  He will. He said the funding would reach every county in the state.
            """);
        Assert.Contains("Karine Jean-Pierre", speakers);
        Assert.DoesNotContain("Jean-Pierre", speakers);
    }

    [Fact]
    public void A_family_name_label_the_document_never_names_in_full_stays_as_it_reads()
    {
        var speakers = Speakers("""
            Press Briefing

            MS. JEAN-PIERRE:  Good afternoon, everyone. The President will travel to Ohio on Friday to announce new funding for bridges.

            Q    Thank you. Will he meet the governor?

            MS. JEAN-PIERRE:  He will. He said the funding would reach every county in the state.
            """);
        Assert.DoesNotContain("Karine Jean-Pierre", speakers);
    }
}
