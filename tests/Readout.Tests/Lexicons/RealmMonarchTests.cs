using Readout.Lexicons;
using Xunit;

namespace Readout.Tests.Lexicons;

/// <summary>
/// The monarch of several realms is the United Kingdom's (corrections.tsv, action "only"): with a row per realm, "King
/// Charles III" resolved to Australia, whose post one source titles "King", and four records of 1,500 White House
/// documents of 2023 named an Australian king.
/// </summary>
public sealed class RealmMonarchTests
{
    [Theory]
    [InlineData("Charles III", "King", 2023, 7, 10)]
    [InlineData("Elizabeth II", "Queen", 2021, 6, 13)]
    public void The_monarch_of_the_realms_is_the_united_kingdoms(string name, string title, int year, int month, int day)
    {
        var on = new DateOnly(year, month, day);
        var match = TestPipeline.Instance.Lexicon.PeopleIndex.Resolve(name, new NameContext(Title: title, Role: "head_of_state", Day: on));
        Assert.NotNull(match);
        Assert.Equal("GBR", match.Tenure!.Country);
        Assert.All(match.Person.Tenures.Where(t => t.Role == "head_of_state"), t => Assert.Equal("GBR", t.Country));
    }
}
