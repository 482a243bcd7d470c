using System.Text.Json;
using Readout.Export;
using Readout.Extract;
using Readout.Store;
using Xunit;
using static Readout.Tests.Store.StoreFixtures;

namespace Readout.Tests.Export;

public sealed class ExporterTests
{
    private static readonly string[] TopKeys = ["id", "status", "mode", "date", "date_basis", "participants", "location", "attendees", "sources"];

    [Fact]
    public void Jsonl_writes_one_contract_object_per_line()
    {
        var records = new[]
        {
            Interaction("a1", "2024-09-04", location: new Location("Sochi", "RUS", "Bocharov Ruchei")),
            Interaction("a2", null!, "video"),
        };
        var w = new StringWriter();
        Assert.Equal(2, JsonlExporter.Write(records, w));
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);

        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            Assert.Equal(TopKeys, root.EnumerateObject().Select(p => p.Name).ToArray());
            foreach (var a in root.GetProperty("participants").EnumerateArray().Concat(root.GetProperty("attendees").EnumerateArray()))
                Assert.Equal(["name", "country", "role"], a.EnumerateObject().Select(p => p.Name).ToArray());
            var source = root.GetProperty("sources")[0];
            Assert.Equal(["uri", "title", "published", "content_hash", "evidence"], source.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(["field", "start", "end", "text"], source.GetProperty("evidence")[0].EnumerateObject().Select(p => p.Name).ToArray());
        }

        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(["city", "country", "venue"], first.RootElement.GetProperty("location").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("dateline", first.RootElement.GetProperty("date_basis").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("location").ValueKind);
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("date").ValueKind);
    }

    [Fact]
    public void Jsonl_keeps_diacritics_readable_and_round_trips()
    {
        var i = Interaction("a1", "2024-09-04");
        var w = new StringWriter();
        JsonlExporter.Write([i], w);
        Assert.Contains("Recep Tayyip Erdoğan", w.ToString());
        Assert.Equal(RecordJson.Serialize(i), RecordJson.Serialize(RecordJson.Deserialize(w.ToString().TrimEnd('\n'))));
    }

    [Fact]
    public void Csv_has_the_header_and_quotes_commas_and_quotes()
    {
        var i = Interaction("a1", "2024-09-04", participants: [("Mohammed bin Salman, Crown Prince", "SAU"), ("Joe \"Joey\" Biden", null)],
            location: new Location("Jeddah", "SAU", "Al-Salam Palace, \"royal\" wing"));
        var w = new StringWriter();
        Assert.Equal(1, CsvExporter.Write([i], w));
        var lines = w.ToString().Split("\r\n");
        Assert.Equal("id,status,mode,date,date_basis,participants,participant_countries,city,country,venue,attendees,sources", lines[0]);
        Assert.Equal(
            "a1,happened,phone,2024-09-04,dateline,\"Mohammed bin Salman, Crown Prince; Joe \"\"Joey\"\" Biden\",SAU; ,Jeddah,SAU,"
            + "\"Al-Salam Palace, \"\"royal\"\" wing\",\"Sergei Lavrov (RUS, Foreign Minister)\",doc.txt",
            lines[1]);
        Assert.Equal("", lines[2]);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Csv_quote_follows_rfc_4180(string? field, string expected) => Assert.Equal(expected, CsvExporter.Quote(field));
}
