using Readout.Analyse;
using Readout.Code;
using Readout.Export;
using Readout.Extract;
using Xunit;

namespace Readout.Tests.Export;

/// <summary>Issue 11: a multilateral meeting is one record, expanded into every pair only in the GDELT-style table.</summary>
public sealed class Issue11GdeltPairsTests
{
    private static Interaction Meeting(params Actor[] principals) => new("rec-q", InteractionStatus.Happened, InteractionMode.InPerson, "2023-05-20", DateBasis.Read("stated"), principals,
        new Location("Hiroshima", "JPN", null), [], [new SourceRef("quad.txt", "Quad leaders meet", "2023-05-20", "hash", [])]);

    [Fact]
    public void Issue11_a_four_party_meeting_is_six_rows_with_distinct_ids_and_one_readout_id()
    {
        var quad = Meeting(new Actor("Joe Biden", "USA", Office.Official), new Actor("Fumio Kishida", "JPN", Office.Official),
            new Actor("Narendra Modi", "IND", Office.Official), new Actor("Anthony Albanese", "AUS", Office.Official));
        var w = new StringWriter();
        var (written, undated) = GdeltExporter.Write([quad], [], Codebook.LoadEmbedded(), w);
        Assert.Equal((6, 0), (written, undated));
        var rows = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split('\t')).ToList();
        Assert.Equal(6, rows.Select(r => r[0]).Distinct().Count());
        Assert.All(rows, r => Assert.Equal("rec-q", r[Array.IndexOf(GdeltExporter.Header, "ReadoutId")]));
        var pairs = rows.Select(r => string.Join("+", new[] { r[4], r[7] }.Order())).ToHashSet();
        Assert.Equal(["AUS+IND", "AUS+JPN", "AUS+USA", "IND+JPN", "IND+USA", "JPN+USA"], pairs.Order());
    }

    [Fact]
    public void Issue11_a_two_party_record_keeps_its_single_row_and_its_id()
    {
        var w = new StringWriter();
        GdeltExporter.Write([Meeting(new Actor("Joe Biden", "USA", Office.Official), new Actor("Fumio Kishida", "JPN", Office.Official))],
            [], Codebook.LoadEmbedded(), w);
        var row = Assert.Single(w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.Equal(GdeltExporter.NumericId("rec-q").ToString(System.Globalization.CultureInfo.InvariantCulture), row.Split('\t')[0]);
    }
}
