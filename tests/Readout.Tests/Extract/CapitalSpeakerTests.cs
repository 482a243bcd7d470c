using Readout.Documents;
using Readout.Ingest;
using Xunit;

namespace Readout.Tests.Extract;

/// <summary>
/// A capital speaks for its state ("Beijing said", "Moscow warned"); another city in the subject does not: on the
/// Reuters wires "Commerce Bank-Houston said", "the New York Times said" and "Boston-based FMR Corp told" were
/// statements of the United States, and "Frankfurt-based Asta Pharma" one of Germany.
/// </summary>
public sealed class CapitalSpeakerTests
{
    private static List<(string Speakers, string Text)> Statements(string text)
    {
        var raw = new RawDocument("capital-speaker", text, "text", InputReader.Hash(text), Published: "2023-09-05");
        return TestPipeline.Instance.Process(raw, TestContext.Current.CancellationToken).Statements
            .Select(s => (string.Join(" + ", s.Speakers.Select(x => x.Name)), s.Text)).ToList();
    }

    [Theory]
    [InlineData("Commerce Bank-Houston said it filed an application with the Comptroller of the Currency.")]
    [InlineData("General Electric will buy the unit for 2.5 billion dlrs, the New York Times said.")]
    [InlineData("Liquor sales were limited, with June/July at 1.25 times New York July, Comissaria Smith said.")]
    public void A_city_that_is_no_capital_does_not_speak_for_its_state(string text) =>
        Assert.DoesNotContain(Statements(text), s => s.Speakers == "USA");

    /// <summary>A country inside a company's name is not the state speaking (about 200 Reuters statements).</summary>
    [Theory]
    [InlineData("Standard Oil Co and BP North America Inc said they plan to form a venture.", "USA")]
    [InlineData("Volkswagen U.S. Inc, a subsidiary of Volkswagen AG, said car sales fell 42.5 pct.", "USA")]
    [InlineData("The Japan Fund Inc said it has received an unsolicited offer.", "JPN")]
    [InlineData("McLean Industries Inc's United States Lines Inc subsidiary said it agreed to transfer its service.", "USA")]
    public void A_country_inside_a_company_name_does_not_speak(string text, string state) =>
        Assert.DoesNotContain(Statements(text), s => s.Speakers == state);

    [Fact]
    public void A_country_before_a_government_body_still_speaks()
    {
        var statements = Statements("Japan said on Tuesday it would cut tariffs on farm goods, and the U.S. Federal Reserve Board said rates would hold.");
        Assert.Contains(statements, s => s.Speakers == "JPN");
    }

    [Fact]
    public void A_capital_still_speaks_for_its_state()
    {
        var statements = Statements("Beijing said on Tuesday that it firmly opposes the new tariffs.");
        Assert.Contains(statements, s => s.Speakers == "CHN" && s.Text.Contains("firmly opposes", StringComparison.Ordinal));
    }
}
