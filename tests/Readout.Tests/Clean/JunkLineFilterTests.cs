using Readout.Clean;
using Xunit;

namespace Readout.Tests.Clean;

public sealed class JunkLineFilterTests
{
    private static (string Text, Readout.Documents.OffsetMap Map, string Original) Run(params string[] lines)
    {
        var original = string.Join("\n", lines);
        var offset = 0;
        var withOffsets = new List<(string, int)>();
        foreach (var l in lines) { withOffsets.Add((l, offset)); offset += l.Length + 1; }
        var lexicon = TestPipeline.Instance.Lexicon;
        var (text, map) = new JunkLineFilter(lexicon.JunkLines, new MetadataReader(lexicon.Dates)).Filter(withOffsets);
        return (text, map, original);
    }

    private const string Lead = "Russian President Vladimir Putin held a telephone conversation with Chinese President Xi Jinping on Friday.";
    private const string Body = "The two leaders discussed trade and agreed to meet in Beijing next year, the Kremlin said.";

    [Fact]
    public void Page_junk_is_dropped_and_the_story_kept()
    {
        var (text, _, _) = Run(
            "Home | World | Politics | Business",
            "putin-xi-call-2024.jpg",
            "Share this article",
            Lead,
            "Copyright 2024 The Harbour Post. All rights reserved.",
            "THE HARBOUR POST",
            Body,
            "Contact: press@example.org");
        Assert.Equal(Lead + "\n" + Body, text);
    }

    [Theory]
    [InlineData("© 2024 The Harbour Post")]
    [InlineData("(c) 2023 Example News Ltd")]
    [InlineData("ALL RIGHTS RESERVED")]
    [InlineData("Copyright The Harbour Post")]
    [InlineData("京ICP备12345678号")]
    [InlineData("京公网安备 11010502000001号")]
    [InlineData("Republication or redistribution of this content is prohibited")]
    [InlineData("Reproduction without permission is prohibited.")]
    public void Issue13_a_copyright_line_in_each_of_its_forms_is_dropped_behind_the_literal_prefilter(string line)
    {
        var (text, _, _) = Run(Lead, line, Body);
        Assert.Equal(Lead + "\n" + Body, text);
    }

    [Fact]
    public void A_related_list_and_a_repeated_line_are_dropped()
    {
        var (text, _, _) = Run(Lead, "", "Related stories", "- Putin visits Ankara", "- Xi meets Lula", "", Body, Lead);
        Assert.Equal(Lead + "\n\n" + Body, text);
    }

    [Fact]
    public void Every_kept_line_maps_back_to_its_place_in_the_original()
    {
        var (text, map, original) = Run("Share this article", "   " + Lead, "photo.png", Body);
        foreach (var kept in new[] { Lead, Body })
        {
            var at = text.IndexOf(kept, StringComparison.Ordinal);
            Assert.True(at >= 0, kept);
            var back = map.ToOriginal(at);
            Assert.Equal(kept, original.Substring(back, kept.Length));
        }
    }
}
