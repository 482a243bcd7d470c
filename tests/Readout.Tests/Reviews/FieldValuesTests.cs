using Readout.Analyse;
using Readout.Extract;
using Readout.Reviews;
using Xunit;

namespace Readout.Tests.Reviews;

/// <summary>
/// A reviewer's actors (<c>Name (ISO3, role); Name (ISO3)</c>): the role is a code, typed as a mode is (any case,
/// spaces or hyphens for underscores) and kept as its string; text that is no role is refused, not stored.
/// </summary>
public sealed class FieldValuesTests
{
    [Theory]
    [InlineData("Xi Jinping (CHN, head_of_state); Vladimir Putin (RUS)", "Xi Jinping (CHN, head_of_state); Vladimir Putin (RUS)")]
    [InlineData("Xi Jinping (chn, Head of State); Sergei Lavrov (RUS, foreign-minister)", "Xi Jinping (CHN, head_of_state); Sergei Lavrov (RUS, foreign_minister)")]
    [InlineData("António Guterres (, Official); Joe Biden", "António Guterres (, official); Joe Biden")]
    public void A_role_is_read_as_its_code_and_written_as_its_string(string typed, string stored)
    {
        var (value, error) = FieldValues.Normalise(RecordField.Participants, typed);
        Assert.Null(error);
        Assert.Equal(stored, value);
        Assert.Equal(value, FieldValues.Actors(FieldValues.ParseActors(value, out var again)));
        Assert.Null(again);
    }

    [Fact]
    public void Each_actor_keeps_its_role_or_none()
    {
        var actors = FieldValues.ParseActors("Xi Jinping (CHN, head_of_state); Aide (RUS); Guterres (, official)", out var error);
        Assert.Null(error);
        Assert.Equal([Office.HeadOfState, null, Office.Official], actors.Select(a => a.Role));
        Assert.Equal(["CHN", "RUS", null], actors.Select(a => a.Country));
    }

    [Theory]
    [InlineData("Joe Biden (USA, President); Xi Jinping (CHN)", "the role of 'Joe Biden' must be one of head_of_state, head_of_government, "
        + "foreign_minister, defence_minister, vice_president, national_security_advisor, official, not 'President'")]
    [InlineData("Joe Biden (USA); Aide (CHN, aide)", "the role of 'Aide' must be one of head_of_state, head_of_government, "
        + "foreign_minister, defence_minister, vice_president, national_security_advisor, official, not 'aide'")]
    public void A_role_that_is_no_code_is_refused_naming_the_actor_and_the_roles_there_are(string typed, string message)
    {
        Assert.Equal((null, message), FieldValues.Normalise(RecordField.Participants, typed));
        Assert.Equal((null, message), FieldValues.Normalise(RecordField.Attendees, typed));
    }

    [Fact]
    public void A_stored_correction_whose_role_is_no_code_fails_naming_the_value_rather_than_clearing_the_field()
    {
        // a correction stored before roles were codes could hold a role as free text
        var record = new Interaction("rec-1", InteractionStatus.Happened, InteractionMode.Phone, "2024-09-04", DateBasis.Read("stated"),
            [new Actor("Joe Biden", "USA", Office.HeadOfState), new Actor("Xi Jinping", "CHN", Office.HeadOfState)], null, [], []);
        var e = Assert.Throws<FormatException>(() => FieldValues.Set(record, RecordField.Attendees, "Aide (USA, President)"));
        Assert.Contains("stored actors 'Aide (USA, President)'", e.Message, StringComparison.Ordinal);
        Assert.Contains("not 'President'", e.Message, StringComparison.Ordinal);
        var set = FieldValues.Set(record, RecordField.Attendees, "Aide (USA, official)");
        Assert.Equal(Office.Official, Assert.Single(set.Attendees).Role);
    }
}
