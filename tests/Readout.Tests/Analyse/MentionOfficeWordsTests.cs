using Xunit;

namespace Readout.Tests.Analyse;

/// <summary>
/// The capitalised words of an office the lexicon does not list do not become part of the name after it: bulk White
/// House briefings made speakers of "Transportation Pete Buttigieg" (168 statements in 1,500 documents), "Western
/// Hemisphere Juan Gonzalez" (106), "Emerging Technologies Anne Neuberger" (73), and Reuters wires of "Exchequer Nigel
/// Lawson" (37, in two records) and "Antitrust Charles Rule". A name opened by a role word ("Director Brian Deese", 115)
/// is read without it.
/// </summary>
public sealed class MentionOfficeWordsTests
{
    [Theory]
    [InlineData("Secretary of Transportation Pete Buttigieg spoke to reporters on Friday.", "Pete Buttigieg")]
    [InlineData("She will be joined by Special Assistant to the President and Senior Director for the Western Hemisphere Juan Gonzalez.", "Juan Gonzalez")]
    [InlineData("We are joined by Deputy National Security Advisor for Cyber and Emerging Technologies Anne Neuberger.", "Anne Neuberger")]
    [InlineData("Chancellor of the Exchequer Nigel Lawson met Brazil's finance minister.", "Nigel Lawson")]
    [InlineData("Secretary of Housing and Urban Development Marcia L. Fudge visited Ohio.", "Marcia L. Fudge")]
    [InlineData("Earlier, National Economic Council Director Brian Deese said the plan would pass.", "Brian Deese")]
    [InlineData("ATPC Executive Director Victor Siaahan told Reuters he received a telex from Zaire.", "Victor Siaahan")]
    public void The_office_words_before_a_name_are_not_part_of_it(string text, string expected)
    {
        var people = TestPipeline.PeopleIn(text);
        Assert.Contains(expected, people);
        Assert.DoesNotContain(people, p => p != expected && p.EndsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_three_word_name_after_a_word_that_is_not_a_title_stays_whole()
    {
        // "of" here follows no title: the three words are the name
        var people = TestPipeline.PeopleIn("The foreign minister welcomed the appointment of Ambassador Maria Luisa Ramos today, and the widow of Juan Carlos Ortega said she was grateful.");
        Assert.DoesNotContain("Carlos Ortega", people);
    }

    [Fact]
    public void A_name_the_knowledge_base_knows_whole_is_kept_whole()
    {
        // the knowledge base knows the four words: no tail is taken for the name
        var people = TestPipeline.PeopleIn("Readout of Vice President Kamala Harris Call with President of Mexico Andrés Manuel López Obrador.");
        Assert.Contains("Andrés Manuel López Obrador", people);
    }

    /// <summary>
    /// An office the lexicon has no title for, before the name, makes it a person's, and its words stay out of the name:
    /// the whole White House corpus had "NEC Director Daleep Singh" (307 statements), "FEMA Administrator Deanne Criswell"
    /// (209 more, and 125 of "FEMA Administrator Criswell"), "OMB Director Shalanda Young" (163), "EPA Administrator
    /// Michael Regan" as speakers, while "Deputy Director of the National Economic Council Sameera Fazili" was no person
    /// at all (her turns went to "Director Fazili").
    /// </summary>
    [Theory]
    [InlineData("NEC Director Daleep Singh said the sanctions would bite.", "Daleep Singh")]
    [InlineData("FEMA Administrator Deanne Criswell said the agency was ready.", "Deanne Criswell")]
    [InlineData("OMB Director Shalanda Young told reporters the budget was ready.", "Shalanda Young")]
    [InlineData("White House Infrastructure Implementation Coordinator Mitch Landrieu said the money was flowing.", "Mitch Landrieu")]
    [InlineData("We have with us today Deputy Director of\nthe National Economic Council Sameera Fazili.", "Sameera Fazili")]
    [InlineData("Thank you to Chairman of the Joint Chiefs of Staff Mark Milley for joining us.", "Mark Milley")]
    public void An_office_without_a_title_before_a_name_makes_it_a_person(string text, string expected)
    {
        var people = TestPipeline.PeopleIn(text);
        Assert.Equal([expected], people);
    }

    [Fact]
    public void Office_words_before_a_place_make_no_person_of_it()
    {
        // "Commonwealth of the" opens no office a role word heads: the words after it are no one's name
        var people = TestPipeline.PeopleIn("It helps families in American Samoa and the Commonwealth of the Northern Mariana Islands.");
        Assert.DoesNotContain(people, p => p.Contains("Mariana", StringComparison.Ordinal));
    }

    [Fact]
    public void A_longer_name_after_an_office_stays_whole()
    {
        // the words of an office the lexicon does not list cannot be told from a given name: three words stay whole
        var people = TestPipeline.PeopleIn("Mexico's Secretary of Security Rosa Icela Rodríguez met the delegation.");
        Assert.Contains("Rosa Icela Rodríguez", people);
    }
}
