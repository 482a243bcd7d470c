using System.Text.Json;
using System.Text.Json.Serialization;
using Readout.Analyse;
using Readout.Export.Contract;
using Readout.Extract;
using Readout.Store;
using Xunit;

namespace Readout.Tests.Extract;

/// <summary>
/// The role of a person on a record (<see cref="Office"/>) and the string it is stored and exported as: the strings
/// are the contract (README, "Export format": participants' role) and the <c>role</c> column of the actor tables,
/// so each member must keep its string, every string must read back as its member, and no other string may.
/// </summary>
public sealed class RoleCodesTests
{
    [Theory]
    [InlineData(Office.HeadOfState, "head_of_state")]
    [InlineData(Office.HeadOfGovernment, "head_of_government")]
    [InlineData(Office.ForeignMinister, "foreign_minister")]
    [InlineData(Office.DefenceMinister, "defence_minister")]
    [InlineData(Office.VicePresident, "vice_president")]
    [InlineData(Office.NationalSecurityAdvisor, "national_security_advisor")]
    [InlineData(Office.Official, "official")]
    public void A_role_is_written_and_read_as_its_contract_string(Office role, string wire)
    {
        Assert.Equal(wire, role.Wire());
        Assert.Equal(role, Codes.Office.Parse(wire));
        Assert.Equal(role, Codes.Office.ParseOrNull(wire));
        Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(role));
        Assert.Equal(role, JsonSerializer.Deserialize<Office>($"\"{wire}\""));
        Assert.Equal(wire, ActorRecord.From(new Actor("A", "USA", role)).Role);
    }

    [Fact]
    public void Every_role_has_one_string_in_the_order_of_the_lexicon_headers()
    {
        // titles.tsv and role_words.tsv list the offices in this order; the loader's errors list them so
        Assert.Equal(["head_of_state", "head_of_government", "foreign_minister", "defence_minister", "vice_president",
            "national_security_advisor", "official"], Codes.Office.Wires);
        Assert.All(Enum.GetValues<Office>(), r => Assert.Equal(r, Codes.Office.Parse(r.Wire())));
    }

    [Theory]
    [InlineData("President")]          // a title as a report writes it is not a role
    [InlineData("Head_of_state")]      // stored strings are exact
    [InlineData("other")]              // people.tsv's word for a post: exported as official, never on a record
    [InlineData("honorific")]          // titles.tsv's word for a form of address: never on a record
    [InlineData("")]
    public void A_string_that_is_no_role_is_refused_with_the_roles_there_are(string wire)
    {
        Assert.False(Codes.Office.TryParse(wire, out _));
        var e = Assert.Throws<FormatException>(() => Codes.Office.ParseOrNull(wire));
        Assert.Equal($"unknown role '{wire}' (expected one of head_of_state, head_of_government, foreign_minister, defence_minister, "
            + "vice_president, national_security_advisor, official)", e.Message);
        if (!Codes.Office.TryParseSpelled(wire, out _))
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Office>($"\"{wire}\""));
    }

    [Theory]
    [InlineData("Head of State", Office.HeadOfState)]
    [InlineData("foreign minister", Office.ForeignMinister)]
    [InlineData("Vice-President", Office.VicePresident)]
    [InlineData("Head_of_state", Office.HeadOfState)]
    public void Issue14_a_role_stored_as_a_reviewer_typed_it_before_roles_were_codes_reads_as_its_code(string stored, Office role)
    {
        // records and actor rows of stores made by earlier versions hold such roles; they must still read
        Assert.Equal(role, JsonSerializer.Deserialize<Office>($"\"{stored}\""));
        Assert.Equal(role, Codes.Office.ParseSpelledOrNull(stored));
        Assert.Equal(role.Wire(), JsonSerializer.Serialize(role).Trim('"'));
    }

    [Theory]
    [InlineData("President")]
    [InlineData("other")]
    public void Issue14_a_stored_role_that_is_no_code_however_spelled_fails_naming_it(string stored)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Office>($"\"{stored}\""));
        Assert.StartsWith($"unknown role '{stored}'", e.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Codes.Office.ParseSpelledOrNull(stored));
    }

    [Fact]
    public void A_missing_role_is_no_role()
    {
        Assert.Null(Codes.Office.ParseOrNull(null));
        Assert.Null(ActorRecord.From(new Actor("A", "USA", null)).Role);
    }

    [Fact]
    public void A_stored_record_keeps_its_roles_as_strings_and_reads_back_equal()
    {
        var json = RecordJson.Serialize(Record());
        Assert.Contains("\"participants\":[{\"name\":\"Joe Biden\",\"country\":\"USA\",\"role\":\"head_of_state\"},"
            + "{\"name\":\"António Guterres\",\"country\":null,\"role\":\"official\",\"organisation\":\"UN\"}]", json, StringComparison.Ordinal);
        Assert.Contains("\"attendees\":[{\"name\":\"Aide\",\"country\":\"USA\",\"role\":null}]", json, StringComparison.Ordinal);
        var back = RecordJson.Deserialize(json);
        Assert.Equal([Office.HeadOfState, Office.Official], back.Participants.Select(p => p.Role));
        Assert.Null(Assert.Single(back.Attendees).Role);
        Assert.Equal(json, RecordJson.Serialize(back));
    }

    [Fact]
    public void The_property_converter_writes_the_role_whatever_enum_converter_a_caller_passes()
    {
        var json = JsonSerializer.Serialize(Record(), WithEnumNames);
        Assert.Contains("\"role\":\"head_of_state\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("HeadOfState", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_record_with_a_role_that_is_no_code_fails_to_read_naming_the_value()
    {
        var json = RecordJson.Serialize(Record()).Replace("\"role\":\"head_of_state\"", "\"role\":\"President\"", StringComparison.Ordinal);
        var e = Assert.Throws<JsonException>(() => RecordJson.Deserialize(json));
        Assert.Contains("unknown role 'President'", e.Message, StringComparison.Ordinal);
    }

    private static readonly JsonSerializerOptions WithEnumNames = new(RecordJson.Options) { Converters = { new JsonStringEnumConverter() } };

    private static Interaction Record() => new("rec-1", InteractionStatus.Happened, InteractionMode.Phone, "2024-09-04",
        DateBasis.Read("stated"),
        [new Actor("Joe Biden", "USA", Office.HeadOfState), new Actor("António Guterres", null, Office.Official, Organisation: "UN")], null,
        [new Actor("Aide", "USA", null)], []);

    [Theory]
    [InlineData("head_of_state", 0)]
    [InlineData("head_of_government", 1)]
    [InlineData("vice_president", 2)]
    [InlineData("foreign_minister", 3)]
    [InlineData("defence_minister", 4)]
    [InlineData("national_security_advisor", 5)]
    [InlineData("official", 6)]
    [InlineData(Readout.Lexicons.Person.OtherPost, 6)]   // a post of the knowledge base's own
    [InlineData(Readout.Lexicons.Title.Honorific, 6)]    // a form of address
    [InlineData("Head_of_State", 6)]             // the lexicons' strings are exact
    public void Issue14_offices_rank_by_their_code_as_a_report_names_them_and_other_posts_last(string role, int rank) =>
        Assert.Equal(rank, Readout.Lexicons.Person.RoleRank(role));
}
