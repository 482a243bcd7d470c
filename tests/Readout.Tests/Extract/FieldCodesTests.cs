using System.Text.Json;
using Readout.Analyse;
using Readout.Extract;
using Readout.Reviews;
using Readout.Store;
using Xunit;

namespace Readout.Tests.Extract;

/// <summary>
/// A record's fields (<see cref="RecordField"/>) and the strings its evidence, provenance, conflicts and review trail
/// store and export them as (README, "Export format"), and the sections <c>show</c> and the record's page group them in.
/// </summary>
public sealed class FieldCodesTests
{
    [Theory]
    [InlineData(RecordField.Status, "status", FieldSection.Status)]
    [InlineData(RecordField.Mode, "mode", FieldSection.Mode)]
    [InlineData(RecordField.Date, "date", FieldSection.Date)]
    [InlineData(RecordField.City, "location.city", FieldSection.Location)]
    [InlineData(RecordField.Country, "location.country", FieldSection.Location)]
    [InlineData(RecordField.Venue, "location.venue", FieldSection.Location)]
    [InlineData(RecordField.Participants, "participants", FieldSection.Participants)]
    [InlineData(RecordField.Attendees, "attendees", FieldSection.Attendees)]
    [InlineData(RecordField.Interaction, "interaction", FieldSection.Interaction)]
    public void A_field_is_written_and_read_as_its_contract_string_and_has_its_section(RecordField field, string wire, FieldSection section)
    {
        Assert.Equal(wire, field.Wire());
        Assert.Equal(field, Codes.Field.Parse(wire));
        Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(field));
        Assert.Equal(field, JsonSerializer.Deserialize<RecordField>($"\"{wire}\""));
        Assert.Equal(section, Codes.SectionOf(field));
    }

    [Fact]
    public void Every_field_and_section_has_one_string_in_the_enum_order()
    {
        Assert.Equal(["status", "mode", "date", "location.city", "location.country", "location.venue", "participants", "attendees", "interaction"],
            Codes.Field.Wires);
        Assert.Equal(["interaction", "status", "mode", "date", "participants", "location", "attendees"], Codes.Section.Wires);
        Assert.All(Enum.GetValues<RecordField>(), f => Assert.Equal(f, Codes.Field.Parse(f.Wire())));
        Assert.All(Enum.GetValues<FieldSection>(), s => Assert.Equal(s, Codes.Section.Parse(s.Wire())));
        // every section holds a field
        Assert.Equal(Enum.GetValues<FieldSection>().Order(), Enum.GetValues<RecordField>().Select(Codes.SectionOf).Distinct().Order());
    }

    [Theory]
    [InlineData("venue")]            // what a reviewer may type; the stored field is location.venue
    [InlineData("Location.City")]    // stored strings are exact
    [InlineData("location")]         // a section, not a field
    [InlineData("")]
    [InlineData(null)]
    public void A_string_that_is_no_field_is_refused_with_the_fields_there_are(string? wire)
    {
        Assert.False(Codes.Field.TryParse(wire, out _));
        var e = Assert.Throws<FormatException>(() => Codes.Field.Parse(wire));
        Assert.StartsWith($"unknown record field '{wire}' (expected one of status, mode, date, location.city,", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("City", RecordField.City)]
    [InlineData("location.venue", RecordField.Venue)]
    [InlineData(" place_country ", RecordField.Country)]
    [InlineData("attendee", RecordField.Attendees)]
    [InlineData("MODE", RecordField.Mode)]
    public void A_field_a_reviewer_types_is_read_as_its_code(string typed, RecordField field) =>
        Assert.Equal(field, ReviewFields.Canonical(typed));

    [Theory]
    [InlineData("interaction")]      // the reporting sentence is evidence, not a field a person sets
    [InlineData("role")]
    [InlineData(null)]
    public void A_field_that_cannot_be_corrected_is_none(string? typed) => Assert.Null(ReviewFields.Canonical(typed));

    [Fact]
    public void The_correctable_fields_are_every_field_but_the_sentence_listed_by_their_strings()
    {
        Assert.Equal(Enum.GetValues<RecordField>().Where(f => f != RecordField.Interaction), ReviewFields.All);
        Assert.Equal("status, mode, date, location.city, location.country, location.venue, participants, attendees", ReviewFields.Names);
    }

    [Fact]
    public void A_stored_record_with_an_evidence_field_that_is_no_code_fails_to_read_naming_the_value()
    {
        var record = new Interaction("rec-1", InteractionStatus.Happened, InteractionMode.Phone, "2024-09-04", DateBasis.Read("stated"),
            [new Actor("Joe Biden", "USA", Office.HeadOfState)], null, [],
            [new SourceRef("a.txt", null, null, "h", [new EvidenceSpan(RecordField.City, 0, 6, "Moscow")])],
            Provenance: [new FieldSupport(RecordField.Venue, "Kremlin", ["a.txt"])]);
        var json = RecordJson.Serialize(record);
        Assert.Contains("\"evidence\":[{\"field\":\"location.city\",\"start\":0,", json, StringComparison.Ordinal);
        Assert.Contains("\"provenance\":[{\"field\":\"location.venue\",", json, StringComparison.Ordinal);
        Assert.Equal(json, RecordJson.Serialize(RecordJson.Deserialize(json)));
        var e = Assert.Throws<JsonException>(() => RecordJson.Deserialize(json.Replace("\"location.city\"", "\"city\"", StringComparison.Ordinal)));
        Assert.Contains("unknown record field 'city'", e.Message, StringComparison.Ordinal);
    }
}
