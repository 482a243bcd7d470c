using Readout.Lexicons;
using Xunit;

namespace Readout.Tests.Lexicons;

public sealed class PhraseMatcherTests
{
    private static PhraseMatcher<string> Matcher(params (string Phrase, string Value, int Priority, bool AnyCase)[] phrases)
    {
        var m = new PhraseMatcher<string>();
        foreach (var (phrase, value, priority, anyCase) in phrases) m.Add(phrase, value, priority, anyCase);
        return m;
    }

    private static List<(string Text, string Value)> Find(PhraseMatcher<string> m, string text) =>
        m.FindAll(text).Select(x => (text[x.Start..x.End], x.Value)).ToList();

    [Fact]
    public void The_longest_phrase_wins_then_the_higher_priority()
    {
        var m = Matcher(("New York", "city", 1, false), ("New York Times", "paper", 1, false), ("Georgia", "country", 2, false), ("Georgia", "state", 1, false));
        Assert.Equal([("New York Times", "paper"), ("Georgia", "country")], Find(m, "The New York Times wrote about Georgia."));
        Assert.Equal([("New York", "city")], Find(m, "He flew to New York on Monday."));
    }

    [Fact]
    public void Matching_ignores_case_and_accents_but_a_lexicon_name_must_start_with_a_capital()
    {
        var m = Matcher(("Recep Tayyip Erdoğan", "erdogan", 1, false), ("US", "usa", 1, false), ("prime minister", "title", 1, true));
        Assert.Equal([("Recep Tayyip Erdogan", "erdogan")], Find(m, "Recep Tayyip Erdogan spoke."));
        Assert.Equal([("RECEP TAYYIP ERDOĞAN", "erdogan")], Find(m, "RECEP TAYYIP ERDOĞAN spoke."));
        Assert.Empty(Find(m, "let us talk"));                                   // "us" is not the United States
        Assert.Equal([("prime minister", "title")], Find(m, "the prime minister said"));   // added case-free
    }

    [Fact]
    public void Phrases_match_whole_words_without_overlaps_and_across_one_space_or_hyphen_only()
    {
        var m = Matcher(("Xi Jinping", "xi", 1, false), ("Jinping", "bare", 1, false));
        Assert.Empty(Find(m, "Xiang Jinpingo met."));
        Assert.Equal([("Xi Jinping", "xi")], Find(m, "Xi Jinping met."));              // no second match inside the first
        Assert.Equal([("Xi-Jinping", "xi")], Find(m, "Xi-Jinping met."));
        Assert.Equal([("Jinping", "bare")], Find(m, "Xi,   Jinping met."));           // too far apart for one phrase
    }

    [Fact]
    public void Tokens_keep_initials_and_abbreviations_and_leave_a_possessive_out()
    {
        var tokens = PhraseMatcher<string>.Tokenize("U.S. President Putin's talks, H.W. Bush").Select(t => t.Text).ToList();
        Assert.Equal(["U.S.", "President", "Putin", "'", "s", "talks", ",", "H.W.", "Bush"], tokens);
        var spans = PhraseMatcher<string>.Tokenize("a  bc");
        Assert.Equal([(0, 1), (3, 5)], spans.Select(t => (t.Start, t.End)));
    }
}
