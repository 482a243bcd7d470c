using Readout.Fuse;
using Xunit;

namespace Readout.Tests.Fuse;

public sealed class NearDuplicatesTests
{
    private const string Story =
        "Russian President Vladimir Putin and Chinese President Xi Jinping held talks by video link on Friday, " +
        "discussing trade, energy and the situation in Ukraine. The two leaders agreed to expand cooperation in " +
        "agriculture and to meet in person next year, the Kremlin said in a statement after the call, which lasted " +
        "more than an hour and covered regional security as well as the pandemic.";

    [Fact]
    public void The_same_text_is_similarity_one_and_a_republished_copy_stays_above_the_copy_threshold()
    {
        var a = NearDuplicates.Signature(Story);
        Assert.Equal(1.0, NearDuplicates.Similarity(a, NearDuplicates.Signature(Story)));
        // a wire copy with another headline, different case and punctuation, and its last clause cut
        var copy = "PUTIN, XI TALK BY VIDEO\n" + Story.ToUpperInvariant().Replace(",", "", StringComparison.Ordinal)[..^40];
        var sim = NearDuplicates.Similarity(a, NearDuplicates.Signature(copy));
        Assert.True(sim >= NearDuplicates.CopyThreshold, $"a copy scored {sim}");
        Assert.True(NearDuplicates.BandKeys(a).Intersect(NearDuplicates.BandKeys(NearDuplicates.Signature(copy))).Count() >= NearDuplicates.MinSharedBands);
    }

    [Fact]
    public void Another_story_scores_low_and_shares_no_bands()
    {
        var other = "The European Union agreed on Tuesday to a new package of sanctions, its foreign ministers said after a " +
                    "meeting in Brussels where they also discussed aid to farmers hit by drought and the budget for the next seven years.";
        var a = NearDuplicates.Signature(Story);
        var b = NearDuplicates.Signature(other);
        Assert.True(NearDuplicates.Similarity(a, b) < 0.1);
        Assert.Empty(NearDuplicates.BandKeys(a).Intersect(NearDuplicates.BandKeys(b)));
    }

    [Fact]
    public void A_text_under_four_words_has_an_empty_signature_that_matches_nothing()
    {
        var empty = NearDuplicates.Signature("Putin met Xi");
        Assert.All(empty, h => Assert.Equal(ulong.MaxValue, h));
        Assert.Equal(0.0, NearDuplicates.Similarity(empty, NearDuplicates.Signature("Putin met Xi")));
    }

    [Fact]
    public void A_signature_survives_its_byte_form()
    {
        var sig = NearDuplicates.Signature(Story);
        var bytes = NearDuplicates.ToBytes(sig);
        Assert.Equal(NearDuplicates.Hashes * 8, bytes.Length);
        Assert.Equal(sig, NearDuplicates.FromBytes(bytes));
        Assert.Equal(NearDuplicates.Bands, NearDuplicates.BandKeys(sig).Length);
    }

    /// <summary>
    /// Issue 13 made the signature fold words into one buffer instead of a string each; stored signatures must not
    /// change, or reports stored before would stop matching their copies. The value is the SHA-256 of the signature
    /// the earlier code stored for this text (accents, a dotless i, a possessive, "U.S.", a ligature, a sharp s).
    /// </summary>
    [Fact]
    public void Issue13_the_signature_of_a_text_with_accents_and_abbreviations_is_the_one_stored_before()
    {
        const string text = "Le président Emmanuel Macron s'est entretenu avec Recep Tayyip Erdoğan et Sauli Niinistö à l'Élysée; "
            + "the U.S. envoy joined Putin's aide — ÆTHER Straße 12.5%% growth.";
        var bytes = NearDuplicates.ToBytes(NearDuplicates.Signature(text));
        Assert.Equal("3d9c35a300de480b29ad8c89cc15269589ae5f2a2b0f1fd465ea56d10d761e0b",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }
}
