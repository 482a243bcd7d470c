using Xunit;

namespace Readout.Tests.Lexicons;

/// <summary>Issue 10: an office held by virtue of another state's (Andorra's French Co-Prince) is not the person's own.</summary>
public sealed class ExOfficioTenureTests
{
    [Fact]
    public void Issue10_the_president_of_france_is_french_on_a_day_he_is_also_co_prince_of_andorra()
    {
        var index = TestPipeline.Instance.Lexicon.PeopleIndex;
        var macron = index.Resolve("Emmanuel Macron", new Readout.Lexicons.NameContext(Day: new DateOnly(2022, 2, 7)));
        Assert.NotNull(macron);
        Assert.Equal("FRA", macron.Tenure!.Country);
        Assert.Equal("FRA", macron.Person.TenureOn(new DateOnly(2022, 2, 7))!.Country);
        // the co-principality stays in the knowledge base: Andorra's head of state on that day is found
        Assert.Contains(macron.Person.Tenures, t => t.Country == "AND" && t.HeldOn(new DateOnly(2022, 2, 7)));
    }
}
