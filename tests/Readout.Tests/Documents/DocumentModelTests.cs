using System.Reflection;
using System.Text.RegularExpressions;
using Readout.Documents;
using Xunit;

namespace Readout.Tests.Documents;

/// <summary>The document model every stage shares: half-open spans, the map back to the original, numbered errors.</summary>
public sealed class DocumentModelTests
{
    [Fact]
    public void A_span_is_half_open()
    {
        var span = new TextSpan(4, 9);
        Assert.Equal(5, span.Length);
        Assert.True(span.Contains(4));
        Assert.False(span.Contains(9));
        Assert.Equal("quick", span.Slice("The quick brown fox"));
        Assert.False(span.Overlaps(new TextSpan(9, 12)));   // touching is not overlapping
        Assert.True(span.Overlaps(new TextSpan(8, 12)));
        Assert.False(span.Overlaps(new TextSpan(0, 4)));
        Assert.Equal("[4,9)", span.ToString());
    }

    [Fact]
    public void The_offset_map_takes_a_clean_offset_back_to_the_original_within_each_copied_piece()
    {
        // original "<p>Hello</p><p>World</p>": clean "Hello\n\nWorld", pieces copied from 3 and 15
        var map = new OffsetMap();
        map.Add(0, 3);
        map.Add(7, 15);
        Assert.Equal(3, map.ToOriginal(0));
        Assert.Equal(7, map.ToOriginal(4));     // the "o" of Hello
        Assert.Equal(15, map.ToOriginal(7));    // the "W"
        Assert.Equal(19, map.ToOriginal(11));   // the "d"
        Assert.Equal(12, new OffsetMap().ToOriginal(12));   // no anchors: the text is the original
    }

    [Fact]
    public void An_error_is_one_line_with_its_code_and_document_and_can_name_a_record_instead()
    {
        var e = new ReadoutException(ErrorCodes.BadJson, "https://example.org/a", "the record has no text");
        Assert.Equal("RO1006 https://example.org/a: the record has no text", e.Message);
        var named = e.For("feed.jsonl#L12");
        Assert.Equal("RO1006 feed.jsonl#L12: the record has no text", named.Message);
        Assert.Same(e, e.For("https://example.org/a"));
    }

    [Fact]
    public void Every_error_code_is_unique_well_formed_and_explained_in_the_README()
    {
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Name: f.Name, Code: (string)f.GetRawConstantValue()!)).ToList();
        Assert.True(codes.Count > 30);
        Assert.All(codes, c => Assert.Matches(@"^RO\d{4}$", c.Code));
        var repeated = codes.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, "codes used twice: " + string.Join(", ", repeated));
        var readme = File.ReadAllText(Path.Combine(TestPipeline.RepoRoot, "README.md"));
        var missing = codes.Where(c => !Regex.IsMatch(readme, @"^\|[^|\n]*\b" + c.Code + @"\b", RegexOptions.Multiline)).Select(c => $"{c.Code} ({c.Name})").ToList();
        Assert.True(missing.Count == 0, "error codes without a line in the README's table: " + string.Join(", ", missing));
    }
}
