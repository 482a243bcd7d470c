using Readout.Documents;
using Readout.Ingest;
using Xunit;

namespace Readout.Tests.Analyse;

/// <summary>
/// Wires and other governments' reports. A JSON record's "dateline" field ("BUENOS AIRES, March 2 -", as the Reuters
/// records of ../shared/corpus/real/open and bulk give it) opens the report's text, where the dateline is read as the
/// wire printed it: 19 more Reuters records (Chirac–Reagan, Funaro's European tour, Shultz–Shevardnadze...) got their
/// date and place from it. The dateline's city is where the report was filed, not who speaks ("PARIS, June 18 - ...
/// the OECD said" was a statement of France). A title of one country's usage ("Treasury Secretary": USA) gives way to
/// the country the text names ("Argentina's", "of Argentina") and to the government that publishes the report.
/// </summary>
public sealed class WireDatelineAndTitleCountryTests
{
    private const string Wire = """{"title": "DEBT TALKS", "published": "1987-03-05", "dateline": "ROME, March 5 -", "text": "Italian Treasury Minister Giovanni Goria met Brazilian\nFinance Minister Dilson Funaro today and expressed support\nfor his efforts."}""";

    private static RawDocument Read(string jsonLine)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("readout-wire-").FullName, "wire.jsonl");
        File.WriteAllText(path, jsonLine + "\n");
        return new InputReader().Read(path)[0];
    }

    [Fact]
    public void A_records_dateline_field_opens_its_text()
    {
        var raw = Read(Wire);
        Assert.StartsWith("ROME, March 5 - Italian Treasury Minister", raw.Content, StringComparison.Ordinal);
        var ct = TestContext.Current.CancellationToken;
        var clean = TestPipeline.Instance.Clean(raw, ct);
        Assert.Equal(("ROME", 3, 5), (clean.Dateline?.City, clean.Dateline?.Month, clean.Dateline?.Day));
    }

    [Fact]
    public void A_wire_meeting_takes_its_date_and_place_from_the_dateline()
    {
        var result = TestPipeline.Instance.Process(Read(Wire), TestContext.Current.CancellationToken);
        var meeting = Assert.Single(result.Interactions);
        Assert.Equal(("1987-03-05", "Rome"), (meeting.Date, meeting.Location?.City));
        Assert.Equal(["Dilson Funaro", "Giovanni Goria"], meeting.Participants.Select(p => p.Name!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_datelines_city_does_not_speak()
    {
        var raw = Read("""{"published": "1987-06-18", "dateline": "PARIS, June 18 -", "text": "Prospects for world growth remain\nvery sluggish and coordinated action is needed, the\nOrganisation for Economic Cooperation and Development said."}""");
        var statements = TestPipeline.Instance.Process(raw, TestContext.Current.CancellationToken).Statements;
        Assert.DoesNotContain(statements, s => s.Speakers.Any(x => x.Country == "FRA"));
    }

    private static string? CountryOf(string text, string name, string uri = "test://wire")
    {
        var ct = TestContext.Current.CancellationToken;
        var pipeline = TestPipeline.Instance;
        var raw = new RawDocument(uri, text, "text", InputReader.Hash(text), Published: "2024-02-01", Url: uri);
        return pipeline.Analyse(pipeline.Clean(raw, ct), ct).Mentions.People.First(p => p.Name == name).Country;
    }

    [Theory]
    [InlineData("Argentina's Treasury Secretary Mario Brodersohn said the talks went well.")]
    [InlineData("Treasury Secretary Mario Brodersohn of Argentina said the talks went well.")]
    [InlineData("Argentine Treasury Secretary Mario Brodersohn said the talks went well.")]
    public void The_country_the_text_names_comes_before_the_titles_usage(string text) =>
        Assert.Equal("ARG", CountryOf(text, "Mario Brodersohn"));

    [Fact]
    public void Another_governments_report_does_not_give_its_official_the_titles_usage()
    {
        const string text = "Commerce Secretary Sunil Barthwal held talks with the visiting delegation in New Delhi.";
        Assert.Null(CountryOf(text, "Sunil Barthwal", "https://www.mea.gov.in/bilateral-documents.htm"));
        Assert.Equal("USA", CountryOf(text, "Sunil Barthwal", "https://www.whitehouse.gov/briefing-room/"));
        Assert.Equal("USA", CountryOf(text, "Sunil Barthwal"));
    }
}
