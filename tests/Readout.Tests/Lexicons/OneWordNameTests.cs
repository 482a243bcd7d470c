using Readout.Lexicons;
using Xunit;

namespace Readout.Tests.Lexicons;

/// <summary>
/// A name of one word that is a person's alias ("Cooper", "Mills", "Collins", "Obama") is backed by the context as a
/// surname is: the country the text names, or the person in office near the day under a title that fits the post. White House texts made the Bahamas' deputy prime minister of "Governor
/// Cooper" of North Carolina, Ghana's late president of "Governor Mills" of Maine and New Zealand's Judith Collins of
/// "Senator Collins".
/// </summary>
public sealed class OneWordNameTests
{
    private static PeopleIndex Index => TestPipeline.Instance.Lexicon.PeopleIndex;

    [Fact]
    public void A_one_word_alias_under_a_title_of_another_office_is_no_one()
    {
        var day = new DateOnly(2024, 10, 5);
        Assert.Null(Index.Resolve("Cooper", new NameContext(Title: "Governor", Role: "official", Day: day)));
        Assert.Null(Index.Resolve("Collins", new NameContext(Title: "Senator", Role: "official", Day: new DateOnly(2021, 1, 31))));
    }

    [Fact]
    public void A_one_word_alias_with_its_country_or_a_fitting_title_is_the_person()
    {
        var day = new DateOnly(2024, 10, 5);
        Assert.Equal("Chester Cooper", Index.Resolve("Cooper", new NameContext(Country: "BHS", Day: day))?.Person.Name);
        Assert.Equal("Narendra Modi", Index.Resolve("Modi", new NameContext(Title: "Prime Minister", Role: "head_of_government", Day: day))?.Person.Name);
    }

    [Fact]
    public void A_hyphenated_title_fits_the_post_written_with_a_space()
    {
        Assert.True(PeopleIndex.TitleFits("Secretary General of NATO", "Secretary-General"));
        Assert.Equal("Mark Rutte", Index.Resolve("Rutte", new NameContext(Title: "Secretary-General", Role: "official", Day: new DateOnly(2025, 2, 20)))?.Person.Name);
        Assert.False(PeopleIndex.TitleFits("Vice-President", "President"));
    }
}
