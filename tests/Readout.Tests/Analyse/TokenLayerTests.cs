using Readout.Analyse;
using Readout.Lexicons;
using Xunit;

namespace Readout.Tests.Analyse;

/// <summary>
/// Issue 13's token layer: a document's words made once, with their folded forms, for the mention finder and the
/// near-duplicate signature, which each used to tokenise and fold the whole text. What they read from it must be
/// what they made for themselves.
/// </summary>
public sealed class TokenLayerTests
{
    private const string Text = "MOSCOW, March 4 - Russian President Vladimir Putin held talks with Turkish President "
        + "Recep Tayyip Erdoğan in Sochi on Monday, the Kremlin said; the U.S. side wasn't there.";

    [Fact]
    public void Issue13_the_layer_holds_the_tokenizers_words_with_half_open_offsets_and_each_words_folded_form()
    {
        var words = TokenLayer.Of(Text);
        var tokens = PhraseMatcher<object>.Tokenize(Text);
        Assert.Equal(tokens, words.Tokens);
        Assert.Equal(tokens.Count, words.Folded.Length);
        for (var i = 0; i < tokens.Count; i++)
        {
            Assert.Equal(tokens[i].Text, Text[tokens[i].Start..tokens[i].End]);
            Assert.Equal(Lexicon.Fold(tokens[i].Text), words.Folded[i]);
        }
        Assert.Contains("erdogan", words.Folded.ToArray());
        Assert.Contains("u.s.", words.Folded.ToArray());
    }

    [Fact]
    public void Issue13_the_mention_finder_reads_people_and_places_from_the_layer()
    {
        var finder = new MentionFinder(TestPipeline.Instance.Lexicon);
        var mentions = finder.Find(Text, TokenLayer.Of(Text), TestPipeline.Sentences(Text), new DateOnly(2024, 3, 4));
        var people = mentions.People.Select(p => (Text[p.Span.Start..p.Span.End], p.Country)).ToList();
        Assert.Contains(("Vladimir Putin", "RUS"), people);
        Assert.Contains(("Recep Tayyip Erdoğan", "TUR"), people);
        Assert.Contains(mentions.Places, p => Text[p.Span.Start..p.Span.End] == "Sochi");
    }
}
