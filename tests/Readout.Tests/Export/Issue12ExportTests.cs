using Readout.Analyse;
using Readout.Export;
using Readout.Extract;
using Xunit;

namespace Readout.Tests.Export;

/// <summary>Issue 12: CSV cells a spreadsheet would run are neutralised; every export ends its lines with '\n' alone.</summary>
public sealed class Issue12ExportTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("\tx", "'\tx")]
    [InlineData("-2.5", "-2.5")]
    [InlineData("+3", "+3")]
    [InlineData("--12-30", "--12-30")]
    [InlineData("Xi Jinping", "Xi Jinping")]
    public void Issue12_FormulaCellsAreNeutralised(string cell, string written) => Assert.Equal(written, CsvExporter.Quote(cell));

    [Fact]
    public void Issue12_EveryExportEndsItsLinesWithLineFeedAlone()
    {
        var record = new Interaction("rec-1", InteractionStatus.Happened, InteractionMode.Phone, "2021-05-03", DateBasis.Read("stated"),
            [new Actor("=cmd()", "USA", Office.Official)], null, [],
            [new SourceRef("a.txt", "Title\r\nwith a break", "2021-05-03", "hash", [])]);
        foreach (var write in new Func<TextWriter, int>[] { w => CsvExporter.Write([record], w), w => JsonlExporter.Write([record], w) })
        {
            var w = new StringWriter { NewLine = "\r\n" };   // the platform's line ending must not leak in
            write(w);
            Assert.DoesNotContain('\r', w.ToString());
        }
        var csv = new StringWriter();
        CsvExporter.Write([record], csv);
        Assert.Contains("'=cmd()", csv.ToString());
    }
}
