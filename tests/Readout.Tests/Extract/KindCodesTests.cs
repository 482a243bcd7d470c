using System.Text.Json;
using Readout.Extract;
using Readout.Store;
using Xunit;

namespace Readout.Tests.Extract;

/// <summary>
/// The kinds of speakers and of a record's people, and the strings they are stored and exported as: the strings
/// are the contract (README, "Export format"; the <c>kind</c> column of the actor tables), so each member must
/// keep its string and every string must read back as its member.
/// </summary>
public sealed class KindCodesTests
{
    [Theory]
    [InlineData(SpeakerKind.State, "state")]
    [InlineData(SpeakerKind.Person, "person")]
    [InlineData(SpeakerKind.Organisation, "organisation")]
    public void A_speaker_kind_is_written_and_read_as_its_contract_string(SpeakerKind kind, string wire)
    {
        Assert.Equal(wire, kind.Wire());
        Assert.Equal(kind, Codes.SpeakerKind.Parse(wire));
        Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(kind));
        Assert.Equal(kind, JsonSerializer.Deserialize<SpeakerKind>($"\"{wire}\""));
    }

    [Fact]
    public void Every_speaker_kind_has_one_string_in_the_enum_order()
    {
        Assert.Equal(["state", "person", "organisation"], Codes.SpeakerKind.Wires);
        Assert.All(Enum.GetValues<SpeakerKind>(), k => Assert.Equal(k, Codes.SpeakerKind.Parse(k.Wire())));
    }

    [Theory]
    [InlineData("Person")]        // stored strings are exact: a case variant is not the code
    [InlineData("organization")]
    [InlineData("")]
    [InlineData(null)]
    public void A_string_that_is_no_speaker_kind_is_refused_with_the_kinds_there_are(string? wire)
    {
        Assert.False(Codes.SpeakerKind.TryParse(wire, out _));
        var e = Assert.Throws<FormatException>(() => Codes.SpeakerKind.Parse(wire));
        Assert.Equal($"unknown speaker kind '{wire}' (expected one of state, person, organisation)", e.Message);
    }

    [Fact]
    public void A_stored_statement_keeps_its_speaker_kinds_as_strings_and_reads_back_equal()
    {
        var json = JsonSerializer.Serialize(Statement(), RecordJson.Options);
        Assert.Contains("\"speakers\":[{\"name\":\"Wang Yi\",\"country\":\"CHN\",\"kind\":\"person\"},{\"name\":\"CHN\",\"country\":\"CHN\",\"kind\":\"state\"}]",
            json, StringComparison.Ordinal);
        Assert.Contains("\"target\":{\"name\":\"United Nations\",\"country\":null,\"kind\":\"organisation\"}", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize<Statement>(json, RecordJson.Options)!;
        Assert.Equal([SpeakerKind.Person, SpeakerKind.State], back.Speakers.Select(s => s.Kind));
        Assert.Equal(SpeakerKind.Organisation, back.Target!.Kind);
        Assert.Equal(json, JsonSerializer.Serialize(back, RecordJson.Options));
    }

    [Fact]
    public void A_stored_statement_with_an_unknown_speaker_kind_fails_to_read_naming_the_value()
    {
        var json = JsonSerializer.Serialize(Statement(), RecordJson.Options).Replace("\"kind\":\"state\"", "\"kind\":\"crowd\"", StringComparison.Ordinal);
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Statement>(json, RecordJson.Options));
        Assert.Contains("unknown speaker kind 'crowd'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ActorKind.Participant, "participant")]
    [InlineData(ActorKind.Attendee, "attendee")]
    public void An_actor_kind_is_written_and_read_as_its_stored_string(ActorKind kind, string wire)
    {
        Assert.Equal(wire, kind.Wire());
        Assert.Equal(kind, Codes.ActorKind.Parse(wire));
        Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(kind));
        Assert.Equal(kind, JsonSerializer.Deserialize<ActorKind>($"\"{wire}\""));
    }

    [Fact]
    public void Every_actor_kind_has_one_string_in_the_enum_order()
    {
        Assert.Equal(["participant", "attendee"], Codes.ActorKind.Wires);
        Assert.All(Enum.GetValues<ActorKind>(), k => Assert.Equal(k, Codes.ActorKind.Parse(k.Wire())));
    }

    [Theory]
    [InlineData("participants")]  // the field's name, which user input may give, is not the stored kind
    [InlineData("Attendee")]
    [InlineData("")]
    [InlineData(null)]
    public void A_string_that_is_no_actor_kind_is_refused_with_the_kinds_there_are(string? wire)
    {
        Assert.False(Codes.ActorKind.TryParse(wire, out _));
        var e = Assert.Throws<FormatException>(() => Codes.ActorKind.Parse(wire));
        Assert.Equal($"unknown actor kind '{wire}' (expected one of participant, attendee)", e.Message);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ActorKind>(wire is null ? "null" : $"\"{wire}\""));
    }

    [Fact]
    public void Every_organisation_kind_has_the_string_of_the_lexicon_header_and_reads_back()
    {
        // the list organisations.tsv documents in its header, in its order
        Assert.Equal(["intergovernmental", "un_body", "alliance", "party", "government_office", "legislature", "initiative", "media",
            "ngo", "company", "other"], Codes.OrganisationKind.Wires);
        Assert.All(Enum.GetValues<OrganisationKind>(), k => Assert.Equal(k, Codes.OrganisationKind.Parse(Codes.OrganisationKind.Wire(k))));
        var e = Assert.Throws<FormatException>(() => Codes.OrganisationKind.Parse("NGO"));
        Assert.StartsWith("unknown organisation kind 'NGO' (expected one of intergovernmental, un_body,", e.Message, StringComparison.Ordinal);
    }

    private static Statement Statement() => new("st-1", "China supports the talks.", 0, 25,
        [new Speaker("Wang Yi", "CHN", SpeakerKind.Person), new Speaker("CHN", "CHN", SpeakerKind.State)], "said",
        new Speaker("United Nations", null, SpeakerKind.Organisation), new PloverCode("SUPPORT", null), "051", 3.4, 1, [],
        false, false, false, "report.txt", "abc", null);
}
