using System.Buffers;
using Readout.Lexicons;
using Xunit;

namespace Readout.Tests.Lexicons;

/// <summary>
/// Issue 13: a literal set answers as one ordinal ignore-case search over all its words would, while searching the
/// words outside ASCII only in a text that has a character outside ASCII.
/// </summary>
public sealed class LiteralSetTests
{
    private static readonly string[] Texts =
    [
        "", "Copyright 2024 Reuters", "© Reuters", "ALL RIGHTS RESERVED.", "京ICP备12345号", "京icp备12345号", "ICP filing",
        "Shr 1.05 dlrs vs 87 cts", "naïve café", "BIG ISLAND", "big island", "the ﬁrst", "Ⓐ and ⓐ",
    ];

    [Theory]
    [InlineData("copyright|©|all rights reserved|ICP备|公网安备")]
    [InlineData("ı")]               // dotless i, whose invariant upper case is I: searched in every text
    [InlineData("ⓐ|island")]     // a circled letter pairs with another outside ASCII only
    [InlineData("reserved")]
    public void Issue13_a_literal_set_answers_as_one_ignore_case_search_over_all_its_words(string list)
    {
        var words = list.Split('|');
        var set = new LiteralSet(words);
        var one = SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);
        foreach (var text in Texts)
            Assert.True(text.AsSpan().ContainsAny(one) == set.ContainsAny(text), $"'{text}' with [{string.Join(", ", words)}]");
    }

    [Fact]
    public void Issue13_words_outside_ASCII_are_found_whatever_their_case_and_an_empty_word_is_refused()
    {
        var set = new LiteralSet(["copyright", "ICP备"]);
        Assert.True(set.ContainsAny("京icp备12345号"));
        Assert.True(set.ContainsAny("COPYRIGHT"));
        Assert.False(set.ContainsAny("ICP filing 备"));
        Assert.Throws<ArgumentException>(() => new LiteralSet(["a", ""]));
    }
}
