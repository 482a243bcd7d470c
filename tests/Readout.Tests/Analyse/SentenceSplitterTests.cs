using Readout.Analyse;
using Xunit;

namespace Readout.Tests.Analyse;

public sealed class SentenceSplitterTests
{
    private static List<string> Texts(string text) => TestPipeline.Sentences(text).Select(s => s.Text).ToList();

    [Fact]
    public void Splits_after_a_full_stop_before_a_new_sentence_but_not_after_titles_initials_or_months()
    {
        Assert.Equal(
            ["Mr. Putin met Dr. Smith on Sept. 4 in Washington.", "George H. W. Bush was not there.", "Why?", "Nobody said."],
            Texts("Mr. Putin met Dr. Smith on Sept. 4 in Washington. George H. W. Bush was not there. Why? Nobody said."));
    }

    [Fact]
    public void Spans_are_half_open_offsets_of_the_trimmed_sentence_and_paragraphs_are_counted()
    {
        const string text = "  First one.  Second one.\n\nA new paragraph here.";
        var sentences = TestPipeline.Sentences(text);
        Assert.Equal(3, sentences.Count);
        foreach (var s in sentences) Assert.Equal(s.Text, text[s.Span.Start..s.Span.End]);
        Assert.Equal([0, 1, 2], sentences.Select(s => s.Index));
        Assert.Equal(sentences[0].Paragraph, sentences[1].Paragraph);
        Assert.True(sentences[2].Paragraph > sentences[1].Paragraph);
        Assert.Equal(2, sentences[0].Span.Start);
    }

    [Fact]
    public void A_line_break_ends_a_sentence_and_blank_text_has_none()
    {
        Assert.Equal(["Putin and Xi held talks", "The Kremlin said so."], Texts("Putin and Xi held talks\nThe Kremlin said so."));
        Assert.Empty(TestPipeline.Sentences("   \n\n  "));
    }
}
