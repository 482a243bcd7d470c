using System.Text.Json;
using System.Text.Json.Serialization;

namespace Readout.Extract;

/// <summary>How an interaction took place. Its wire string (JSON, SQL columns, filters, lexicons) is <see cref="Codes.Mode"/>'s.</summary>
[JsonConverter(typeof(InteractionModeJson))]
public enum InteractionMode { Phone, Video, InPerson, Written }

/// <summary>Whether an interaction took place or is announced. Its wire string is <see cref="Codes.Status"/>'s.</summary>
[JsonConverter(typeof(InteractionStatusJson))]
public enum InteractionStatus { Happened, Planned }

/// <summary>
/// What a reporting cue says of its statement (data/lexicons/statement_cues.tsv): <see cref="Say"/> only reports
/// speech, and the statement's PLOVER type comes from its content; every other class names the type itself.
/// </summary>
public enum StatementCueClass { Say, Agree, Support, Reject, Request, Accuse, Consult }

/// <summary>
/// Whom an event verb of data/lexicons/event_verbs.tsv makes the source of its act: the actor before it (active),
/// the actor after it (reverse), or both sides alike (mutual).
/// </summary>
public enum VerbDirection { Active, Reverse, Mutual }

/// <summary>What an organisation of the lexicon is (the kind column of data/lexicons/organisations.tsv).</summary>
public enum OrganisationKind { Intergovernmental, UnBody, Alliance, Party, GovernmentOffice, Legislature, Initiative, Media, Ngo, Company, Other }

/// <summary>
/// Whether a person on a record is one of those who met (a participant) or came with them (an attendee). Its wire
/// string (the <c>kind</c> column of the actor tables, the actor API's roles) is <see cref="Codes.ActorKind"/>'s.
/// </summary>
[JsonConverter(typeof(ActorKindJson))]
public enum ActorKind { Participant, Attendee }

/// <summary>
/// The office a person on a record held on the day: the role of <see cref="Actor"/>. Its wire string (the record's
/// JSON, the <c>role</c> column of the actor tables, the exports, a reviewer's <c>Name (ISO3, role)</c>) is
/// <see cref="Codes.Office"/>'s. The lexicons name offices with these strings and two of their own, which never
/// reach a record: people.tsv's "other" post (exported as <see cref="Official"/>) and titles.tsv's "honorific".
/// </summary>
[JsonConverter(typeof(OfficeJson))]
public enum Office { HeadOfState, HeadOfGovernment, ForeignMinister, DefenceMinister, VicePresident, NationalSecurityAdvisor, Official }

/// <summary>
/// A field of a record as its evidence, provenance, conflicts and reviews name it: the eight a person can correct
/// (<see cref="Reviews.ReviewFields"/>) and the sentence that reports the interaction, which only evidence names. Its wire
/// string (the stored and exported <c>field</c>, the review trail's field column, what a reviewer types) is
/// <see cref="Codes.Field"/>'s.
/// </summary>
[JsonConverter(typeof(RecordFieldJson))]
public enum RecordField { Status, Mode, Date, City, Country, Venue, Participants, Attendees, Interaction }

/// <summary>
/// Where <c>readout show</c> and a record's page group its fields and their evidence: each field is its own section
/// but the place's three, which are one. Its string names the section's evidence marks on the page (ev-location).
/// </summary>
public enum FieldSection { Interaction, Status, Mode, Date, Participants, Location, Attendees }

/// <summary>
/// Who made a statement: a state speaking as such ("the Russian side", "Beijing"), a person, or an organisation.
/// Its wire string (the statement's JSON, exports) is <see cref="Codes.SpeakerKind"/>'s.
/// </summary>
[JsonConverter(typeof(SpeakerKindJson))]
public enum SpeakerKind { State, Person, Organisation }

/// <summary>
/// A closed set of codes and the one string each is written as outside the program. The strings are the
/// export contract (README, "Export format") and the stored records: changing one changes every record.
/// </summary>
public sealed class CodeSet<T> where T : struct, Enum
{
    private readonly (T Code, string Wire)[] _codes;

    public CodeSet(string name, params (T Code, string Wire)[] codes)
    {
        // every member of the enum needs its string, or writing it would fail only when it first occurs
        var missing = Enum.GetValues<T>().Where(v => !codes.Any(c => c.Code.Equals(v))).ToList();
        if (missing.Count > 0) throw new ArgumentException($"{name}: no string for {string.Join(", ", missing)}", nameof(codes));
        Name = name;
        _codes = codes;
        Wires = codes.Select(c => c.Wire).ToArray();
    }

    /// <summary>What the codes are, for error messages ("interaction mode").</summary>
    public string Name { get; }

    /// <summary>Every wire string, in the enum's order.</summary>
    public IReadOnlyList<string> Wires { get; }

    public string Wire(T code)
    {
        foreach (var c in _codes)
            if (c.Code.Equals(code)) return c.Wire;
        throw new ArgumentOutOfRangeException(nameof(code), code, $"not a {Name}");
    }

    /// <summary>The code a wire string stands for; exact and ordinal, as the strings are stored.</summary>
    public bool TryParse(string? wire, out T code)
    {
        foreach (var c in _codes)
            if (string.Equals(c.Wire, wire, StringComparison.Ordinal)) { code = c.Code; return true; }
        code = default;
        return false;
    }

    /// <exception cref="FormatException">The string is none of the codes; the message lists those there are.</exception>
    public T Parse(string? wire) => TryParse(wire, out var code) ? code : throw new FormatException(Unknown(wire));

    /// <summary>The code of a column or key that may be empty: null stays null, any other string must be a code.</summary>
    /// <exception cref="FormatException">The string is none of the codes.</exception>
    public T? ParseOrNull(string? wire) => wire is null ? null : Parse(wire);

    /// <summary>
    /// The code of a string written as people write it: any case, spaces or hyphens for underscores ("Foreign
    /// Minister" is foreign_minister). For what a reviewer types, and for roles stored before roles were codes, when a
    /// reviewer's role went in as typed.
    /// </summary>
    public bool TryParseSpelled(string? text, out T code) => TryParse(text is null ? null : Codes.Spelled(text), out code);

    /// <summary>As <see cref="ParseOrNull"/>, reading the string as <see cref="TryParseSpelled"/> does.</summary>
    /// <exception cref="FormatException">The string is none of the codes, however spelled.</exception>
    public T? ParseSpelledOrNull(string? text) =>
        text is null ? null : TryParseSpelled(text, out var code) ? code : throw new FormatException(Unknown(text));

    /// <summary>The error for a string that is none of the codes: what it is not, and what it could be.</summary>
    public string Unknown(string? wire) => $"unknown {Name} '{wire}' (expected one of {string.Join(", ", Wires)})";
}

/// <summary>The one place the codes of records and lexicons are defined with their strings.</summary>
public static class Codes
{
    public static CodeSet<InteractionMode> Mode { get; } = new("interaction mode",
        (InteractionMode.Phone, "phone"), (InteractionMode.Video, "video"), (InteractionMode.InPerson, "in_person"),
        (InteractionMode.Written, "written"));

    public static CodeSet<InteractionStatus> Status { get; } = new("interaction status",
        (InteractionStatus.Happened, "happened"), (InteractionStatus.Planned, "planned"));

    /// <summary>The class column of statement_cues.tsv.</summary>
    public static CodeSet<StatementCueClass> StatementCue { get; } = new("statement cue class",
        (StatementCueClass.Say, "say"), (StatementCueClass.Agree, "agree"), (StatementCueClass.Support, "support"),
        (StatementCueClass.Reject, "reject"), (StatementCueClass.Request, "request"), (StatementCueClass.Accuse, "accuse"),
        (StatementCueClass.Consult, "consult"));

    /// <summary>The direction column of event_verbs.tsv.</summary>
    public static CodeSet<VerbDirection> VerbDirection { get; } = new("event verb direction",
        (Extract.VerbDirection.Active, "active"), (Extract.VerbDirection.Reverse, "reverse"), (Extract.VerbDirection.Mutual, "mutual"));

    /// <summary>The kind column of organisations.tsv.</summary>
    public static CodeSet<OrganisationKind> OrganisationKind { get; } = new("organisation kind",
        (Extract.OrganisationKind.Intergovernmental, "intergovernmental"), (Extract.OrganisationKind.UnBody, "un_body"),
        (Extract.OrganisationKind.Alliance, "alliance"), (Extract.OrganisationKind.Party, "party"),
        (Extract.OrganisationKind.GovernmentOffice, "government_office"), (Extract.OrganisationKind.Legislature, "legislature"),
        (Extract.OrganisationKind.Initiative, "initiative"), (Extract.OrganisationKind.Media, "media"), (Extract.OrganisationKind.Ngo, "ngo"),
        (Extract.OrganisationKind.Company, "company"), (Extract.OrganisationKind.Other, "other"));

    /// <summary>
    /// The kind column of interaction_actors and record_actors. The store's SQL (filters, the dyad triggers of the
    /// migrations) names 'participant' in its text, so this string cannot change without a migration.
    /// </summary>
    public static CodeSet<ActorKind> ActorKind { get; } = new("actor kind",
        (Extract.ActorKind.Participant, "participant"), (Extract.ActorKind.Attendee, "attendee"));

    public static CodeSet<SpeakerKind> SpeakerKind { get; } = new("speaker kind",
        (Extract.SpeakerKind.State, "state"), (Extract.SpeakerKind.Person, "person"), (Extract.SpeakerKind.Organisation, "organisation"));

    /// <summary>
    /// The role of a person on a record, in the order the lexicons' headers list them (titles.tsv, role_words.tsv).
    /// "role" is what the export contract and a reviewer's actors call it.
    /// </summary>
    public static CodeSet<Office> Office { get; } = new("role",
        (Extract.Office.HeadOfState, "head_of_state"), (Extract.Office.HeadOfGovernment, "head_of_government"),
        (Extract.Office.ForeignMinister, "foreign_minister"), (Extract.Office.DefenceMinister, "defence_minister"),
        (Extract.Office.VicePresident, "vice_president"), (Extract.Office.NationalSecurityAdvisor, "national_security_advisor"),
        (Extract.Office.Official, "official"));

    /// <summary>The fields of a record, in the order reviews list the ones a person can correct.</summary>
    public static CodeSet<RecordField> Field { get; } = new("record field",
        (RecordField.Status, "status"), (RecordField.Mode, "mode"), (RecordField.Date, "date"), (RecordField.City, "location.city"),
        (RecordField.Country, "location.country"), (RecordField.Venue, "location.venue"), (RecordField.Participants, "participants"),
        (RecordField.Attendees, "attendees"), (RecordField.Interaction, "interaction"));

    /// <summary>What a person did to a record: the action column of the reviews table and of the trail.</summary>
    public static CodeSet<Reviews.ReviewAction> ReviewAction { get; } = new("review action",
        (Reviews.ReviewAction.Reject, "reject"), (Reviews.ReviewAction.Restore, "restore"), (Reviews.ReviewAction.Correct, "correct"),
        (Reviews.ReviewAction.Confirm, "confirm"), (Reviews.ReviewAction.Merge, "merge"), (Reviews.ReviewAction.Split, "split"));

    /// <summary>A record's review state: the status of its stored review, the export's review_status, the filter's review.</summary>
    public static CodeSet<Reviews.ReviewStatus> ReviewStatus { get; } = new("review state",
        (Reviews.ReviewStatus.Unreviewed, "unreviewed"), (Reviews.ReviewStatus.Reviewed, "reviewed"),
        (Reviews.ReviewStatus.Rejected, "rejected"));

    public static CodeSet<FieldSection> Section { get; } = new("field section",
        (FieldSection.Interaction, "interaction"), (FieldSection.Status, "status"), (FieldSection.Mode, "mode"),
        (FieldSection.Date, "date"), (FieldSection.Participants, "participants"), (FieldSection.Location, "location"),
        (FieldSection.Attendees, "attendees"));

    /// <summary>The section a field is shown in: the city, country and venue are the place (location).</summary>
    public static FieldSection SectionOf(RecordField field) => field switch
    {
        RecordField.Status => FieldSection.Status,
        RecordField.Mode => FieldSection.Mode,
        RecordField.Date => FieldSection.Date,
        RecordField.City or RecordField.Country or RecordField.Venue => FieldSection.Location,
        RecordField.Participants => FieldSection.Participants,
        RecordField.Attendees => FieldSection.Attendees,
        RecordField.Interaction => FieldSection.Interaction,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a record field"),
    };

    /// <summary>A code as people write it, in its wire form: trimmed, lower case, spaces and hyphens as underscores.</summary>
    public static string Spelled(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
    }

    /// <summary>The mode of a lexicon cue that says an interaction took place but not how ("held talks", "met").</summary>
    public const string AnyMode = "any";

    public static string Wire(this InteractionMode mode) => Mode.Wire(mode);

    public static string Wire(this InteractionStatus status) => Status.Wire(status);

    public static string Wire(this ActorKind kind) => ActorKind.Wire(kind);

    public static string Wire(this SpeakerKind kind) => SpeakerKind.Wire(kind);

    public static string Wire(this Office office) => Office.Wire(office);

    public static string Wire(this RecordField field) => Field.Wire(field);

    public static string Wire(this FieldSection section) => Section.Wire(section);

    public static string Wire(this Reviews.ReviewAction action) => ReviewAction.Wire(action);

    public static string Wire(this Reviews.ReviewStatus status) => ReviewStatus.Wire(status);
}

/// <summary>Reads and writes a code as its wire string, so the JSON of a record does not depend on the enum.</summary>
public abstract class CodeJsonConverter<T>(CodeSet<T> codes) : JsonConverter<T> where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var wire = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return codes.TryParse(wire, out var code) ? code : throw new JsonException(codes.Unknown(wire ?? reader.TokenType.ToString()));
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(codes.Wire(value));
    }
}

public sealed class InteractionModeJson() : CodeJsonConverter<InteractionMode>(Codes.Mode);

public sealed class InteractionStatusJson() : CodeJsonConverter<InteractionStatus>(Codes.Status);

public sealed class ActorKindJson() : CodeJsonConverter<ActorKind>(Codes.ActorKind);

public sealed class SpeakerKindJson() : CodeJsonConverter<SpeakerKind>(Codes.SpeakerKind);

/// <summary>
/// A role as the other codes are, but read as spelled (<see cref="CodeSet{T}.TryParseSpelled"/>): records stored before
/// roles were codes may hold a reviewer's "Head of State", which is head_of_state. A role that is no code still fails.
/// </summary>
public sealed class OfficeJson() : CodeJsonConverter<Office>(Codes.Office)
{
    public override Office Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Codes.Office.TryParseSpelled(text, out var office) ? office
            : throw new JsonException(Codes.Office.Unknown(text ?? reader.TokenType.ToString()));
    }
}

public sealed class RecordFieldJson() : CodeJsonConverter<RecordField>(Codes.Field);
