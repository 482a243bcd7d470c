using System.Text.Json;
using Readout.Analyse;
using Readout.Extract;
using Readout.Store;
using Xunit;

namespace Readout.Tests.Extract;

/// <summary>The codes of a record and the strings they are stored and exported as (README, "Export format").</summary>
public sealed class InteractionCodesTests
{
    [Theory]
    [InlineData(InteractionMode.Phone, "phone")]
    [InlineData(InteractionMode.Video, "video")]
    [InlineData(InteractionMode.InPerson, "in_person")]
    [InlineData(InteractionMode.Written, "written")]
    public void A_mode_is_written_and_read_as_its_contract_string(InteractionMode mode, string wire)
    {
        Assert.Equal(wire, mode.Wire());
        Assert.Equal(mode, Codes.Mode.Parse(wire));
        Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(mode));
        Assert.Equal(mode, JsonSerializer.Deserialize<InteractionMode>($"\"{wire}\""));
    }

    [Theory]
    [InlineData(InteractionStatus.Happened, "happened")]
    [InlineData(InteractionStatus.Planned, "planned")]
    public void A_status_is_written_and_read_as_its_contract_string(InteractionStatus status, string wire)
    {
        Assert.Equal(wire, status.Wire());
        Assert.Equal(status, Codes.Status.Parse(wire));
        Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(status));
    }

    [Fact]
    public void Every_code_has_one_string_in_the_enum_order()
    {
        Assert.Equal(["phone", "video", "in_person", "written"], Codes.Mode.Wires);
        Assert.Equal(["happened", "planned"], Codes.Status.Wires);
        Assert.Equal(Enum.GetValues<InteractionMode>().Length, Codes.Mode.Wires.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("Phone")]       // stored strings are exact: a case variant is not the code
    [InlineData("in-person")]
    [InlineData("any")]         // a lexicon cue's "any" is not a record's mode
    [InlineData("")]
    [InlineData(null)]
    public void A_string_that_is_no_mode_is_refused_with_the_modes_there_are(string? wire)
    {
        Assert.False(Codes.Mode.TryParse(wire, out _));
        var e = Assert.Throws<FormatException>(() => Codes.Mode.Parse(wire));
        Assert.Equal($"unknown interaction mode '{wire}' (expected one of phone, video, in_person, written)", e.Message);
    }

    [Fact]
    public void A_stored_record_with_an_unknown_mode_fails_to_read_naming_the_value()
    {
        var json = RecordJson.Serialize(Record()).Replace("\"mode\":\"video\"", "\"mode\":\"telepathy\"", StringComparison.Ordinal);
        var e = Assert.Throws<JsonException>(() => RecordJson.Deserialize(json));
        Assert.Contains("unknown interaction mode 'telepathy'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_keeps_its_json_form_and_reads_back_equal()
    {
        var record = Record();
        var json = RecordJson.Serialize(record);
        Assert.StartsWith("{\"id\":\"rec-1\",\"status\":\"planned\",\"mode\":\"video\",\"date\":\"2024-09-04\"",
            json, StringComparison.Ordinal);
        var back = RecordJson.Deserialize(json);
        Assert.Equal((record.Status, record.Mode), (back.Status, back.Mode));
        Assert.Equal(json, RecordJson.Serialize(back));
    }

    /// <summary>The property's converter wins over options a caller adds, so no caller can export "InPerson" or 1.</summary>
    [Fact]
    public void Options_with_an_enum_converter_do_not_change_a_records_strings()
    {
        var json = JsonSerializer.Serialize(Record() with { Mode = InteractionMode.InPerson }, WithEnumNames);
        Assert.Contains("\"mode\":\"in_person\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"planned\"", json, StringComparison.Ordinal);
    }

    private static readonly JsonSerializerOptions WithEnumNames = new(RecordJson.Options)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static Interaction Record() => new("rec-1", InteractionStatus.Planned, InteractionMode.Video, "2024-09-04",
        DateBasis.Read("stated"),
        [new Actor("Joe Biden", "USA", Office.HeadOfState), new Actor("Olaf Scholz", "DEU", Office.HeadOfGovernment)], null, [], []);
}
