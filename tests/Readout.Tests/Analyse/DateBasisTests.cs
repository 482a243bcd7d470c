using System.Text.Json;
using Readout.Analyse;
using Xunit;

namespace Readout.Tests.Analyse;

/// <summary>
/// A date basis is stored and exported as its sentence alone; what fixed the day must come back from the sentence
/// unchanged, or fusion would rank a member read from the store differently from the one the extractor made.
/// </summary>
public sealed class DateBasisTests
{
    private static readonly DateBasis Published = DateBasis.Publication(new DateOnly(2023, 1, 5), "the front matter's date");
    private static readonly DateBasis Datelined = DateBasis.Dateline("SOCHI, Russia, Sept 4", 2024, "talks in 2024 were");
    private static readonly DateBasis Year = DateBasis.StatedYear(2022, "the summit of 2022 in");

    public static TheoryData<string, DateBasis, DateAnchor, bool> Every() => new()
    {
        { "publication frame", Published, DateAnchor.Publication, false },
        { "dateline frame", Datelined, DateAnchor.Dateline, false },
        { "stated-year frame", Year, DateAnchor.StatedYear, false },
        { "no frame", DateBasis.NothingInReport, DateAnchor.None, false },
        { "full date", DateBasis.FullDate("4 September 2024"), DateAnchor.FullDate, false },
        { "year from publication", DateBasis.YearFrom("Sept 4", Published), DateAnchor.Publication, false },
        { "year from dateline", DateBasis.YearFrom("Sept 4", Datelined), DateAnchor.Dateline, false },
        { "year from stated year", DateBasis.YearFrom("Sept 4", Year), DateAnchor.StatedYear, false },
        { "counted from publication", DateBasis.CountedFrom("on Monday", Published), DateAnchor.Publication, false },
        { "counted from dateline", DateBasis.CountedFrom("yesterday", Datelined), DateAnchor.Dateline, false },
        { "year unknown", DateBasis.YearUnknown("Dec 30"), DateAnchor.None, false },
        { "no reference day", DateBasis.NoReferenceDay("on Monday"), DateAnchor.None, false },
        { "lead story", DateBasis.LeadStory(false, Published), DateAnchor.Publication, false },
        { "lead story in the title", DateBasis.LeadStory(true, Datelined), DateAnchor.Dateline, false },
        { "transcript", DateBasis.Transcript(["Joe Biden", "Olaf Scholz"], Published), DateAnchor.Publication, true },
        { "not given", DateBasis.NotGiven, DateAnchor.None, false },
        { "set by a reviewer", DateBasis.SetByReviewer, DateAnchor.None, false },
        { "cleared by a reviewer", DateBasis.ClearedByReviewer, DateAnchor.None, false },
        { "fused, with a note", DateBasis.YearFrom("Dec 30", Published).WithNote("; b.txt gives only --12-30: the year comes from a.txt"),
            DateAnchor.Publication, false },
    };

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_form_reads_back_from_its_sentence_as_it_was_made(string form, DateBasis basis, DateAnchor anchor, bool transcript)
    {
        Assert.Equal((anchor, transcript), (basis.Anchor, basis.FromTranscript));
        Assert.Equal(basis, DateBasis.Read(basis.Text));
        var json = JsonSerializer.Serialize(basis);
        Assert.Equal(JsonSerializer.Serialize(basis.Text), json);
        Assert.Equal(basis, JsonSerializer.Deserialize<DateBasis>(json));
        Assert.False(string.IsNullOrEmpty(form));
    }

    /// <summary>The sentences records already hold (see the exports of the corpus) keep their exact words.</summary>
    [Fact]
    public void The_sentences_keep_the_words_records_already_hold()
    {
        const string published = "publication date 2023-01-05 (the front matter's date)";
        Assert.Equal($"\"Dec 30\" with the year from the {published}", DateBasis.YearFrom("Dec 30", Published).Text);
        Assert.Equal("\"on Monday\" counted from the dateline \"SOCHI, Russia, Sept 4\" in the year 2024 stated in the text"
            + " (\"talks in 2024 were\")", DateBasis.CountedFrom("on Monday", Datelined).Text);
        Assert.Equal("\"May 1\" with the year from the year 2022 stated in the text (\"the summit of 2022 in\")",
            DateBasis.YearFrom("May 1", Year).Text);
        Assert.Equal("full date in text \"4 September 2024\"", DateBasis.FullDate("4 September 2024").Text);
        Assert.Equal($"no day in the text: the interaction the report leads with (its title), dated by its {published}",
            DateBasis.LeadStory(true, Published).Text);
        Assert.Equal($"the transcript of the meeting, in which A and B speak, dated by its {published}",
            DateBasis.Transcript(["A", "B"], Published).Text);
    }

    /// <summary>Words quoted from a report decide nothing: only the frame after the first join does.</summary>
    [Fact]
    public void Quoted_words_that_name_a_frame_do_not_change_the_anchor()
    {
        var year = DateBasis.StatedYear(2021, "the dateline and publication date of 2021");
        var basis = DateBasis.YearFrom("June 28", year);
        Assert.Equal(DateAnchor.StatedYear, DateBasis.Read(basis.Text).Anchor);
    }

    [Fact]
    public void A_sentence_of_no_known_form_is_kept_and_fixed_by_nothing()
    {
        var basis = DateBasis.Read("stated: \"September 4, 2024\"");
        Assert.Equal("stated: \"September 4, 2024\"", basis.Text);
        Assert.Equal(DateAnchor.None, basis.Anchor);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateBasis>("12"));
    }
}
