using Xunit;

namespace Readout.Tests.Analyse;

/// <summary>
/// "I’m" never opens a name (words.tsv, name_stop): a briefer who introduces herself ("I’m Carole Johnson, the
/// White House testing coordinator") was the speaker "I’m Carole Johnson" of 39 statements in 1,500 White House documents.
/// </summary>
public sealed class FirstPersonContractionNameTests
{
    [Theory]
    [InlineData("Good morning. I’m Carole Johnson, the White House testing coordinator, and I am joined by the Secretary.")]
    [InlineData("Good morning. I'm Carole Johnson, the White House testing coordinator, and I am joined by the Secretary.")]
    public void A_self_introduction_names_the_speaker_without_the_pronoun(string text)
    {
        var people = TestPipeline.PeopleIn(text);
        Assert.Contains("Carole Johnson", people);
        Assert.DoesNotContain(people, p => p.StartsWith('I') && p.EndsWith("Carole Johnson", StringComparison.Ordinal));
    }
}
