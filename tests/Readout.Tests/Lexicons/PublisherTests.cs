using Xunit;

namespace Readout.Tests.Lexicons;

/// <summary>Issue 11: who published a report, from its address (publishers.tsv and governments' domains).</summary>
public sealed class PublisherTests
{
    private static readonly Readout.Lexicons.Lexicon Lexicon = TestPipeline.Instance.Lexicon;

    [Theory]
    [InlineData("https://www.gov.uk/government/news/pm-call", "GBR")]                       // a listed site
    [InlineData("http://en.kremlin.ru/events/president/news/70000", "RUS")]                 // a subdomain of one
    [InlineData("https://bidenwhitehouse.archives.gov/briefing-room/x/", "USA")]
    [InlineData("https://press.un.org/en/2023/sg.doc.htm", "UN")]                            // an organisation
    [InlineData("https://www.mfa.gov.sg/Newsroom/Press-Statements", "SGP")]                  // a government's domain by its country code
    [InlineData("https://www.diplomatie.gouv.fr/en/", "FRA")]
    [InlineData("https://www.mea.gov.in/bilateral-documents.htm", "IND")]                    // listed, before the rule
    public void Issue11_an_address_gives_its_publishers_state_or_organisation(string address, string place) =>
        Assert.Equal(place, Lexicon.PublisherOf(address));

    [Theory]
    [InlineData("https://www.reuters.com/world/some-story")]      // a news site speaks for no state
    [InlineData("https://notgov.uk.example.com/page")]            // a host that only contains a listed name
    [InlineData("corpus/real/open/open-rt-001.json")]              // a file
    [InlineData("ftp://www.gov.uk/file")]                          // not the web
    [InlineData(null)]
    public void Issue11_other_addresses_give_none(string? address) => Assert.Null(Lexicon.PublisherOf(address));
}
