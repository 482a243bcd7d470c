using Readout.Documents;
using Readout.Lexicons;
using Xunit;

namespace Readout.Tests.Lexicons;

public sealed class TsvTableTests
{
    private static readonly string[] Header = ["name", "aliases", "country"];

    [Fact]
    public void Rows_skip_comments_and_blank_lines_pad_missing_cells_and_trim_them()
    {
        const string text = "# people\nname\taliases\tcountry\n\nVladimir Putin\tPutin \tRUS\r\n# a note\nXi Jinping\t\n";
        var rows = TsvTable.Rows(text, "people.tsv", Header, 1).ToList();
        Assert.Equal([4, 6], rows.Select(r => r.Line));
        Assert.Equal(["Vladimir Putin", "Putin", "RUS"], rows[0].Cells);
        Assert.Equal(["Xi Jinping", "", ""], rows[1].Cells);
    }

    [Theory]
    [InlineData("name\tcountry\nX\tY\n", "line 1 header is 'name country', expected 'name aliases country'")]
    [InlineData("name\taliases\tcountry\nonly\n", "line 2 has 1 columns, expected at least 2")]
    [InlineData("name\taliases\tcountry\na\tb\tc\td\n", "line 2 has 4 columns, expected at most 3")]
    [InlineData("# nothing but a comment\n", "has no header line")]
    public void A_malformed_file_is_RO0002_naming_the_file_and_line(string text, string message)
    {
        var e = Assert.Throws<ReadoutException>(() => TsvTable.Rows(text, "people.tsv", Header, 2).ToList());
        Assert.Equal("RO0002", e.Code);
        Assert.Contains("people.tsv", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
