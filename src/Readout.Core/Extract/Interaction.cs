using System.Text.Json.Serialization;

namespace Readout.Extract;

/// <summary>
/// A principal or attendee (exported as <see cref="Export.Contract.ActorRecord"/>): the canonical name (the knowledge base's, or the report's for people
/// it does not hold), the ISO 3166-1 alpha-3 country of the state they serve, their role (office) on the day; for an
/// official of an international organisation, the organisation (UN, EU, NATO, AU...) and no country; the
/// name as the report wrote it; the knowledge base's id (a Wikidata id where known) when resolved.
/// </summary>
public sealed record Actor(string Name, string? Country, [property: JsonConverter(typeof(OfficeJson))] Office? Role,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Organisation = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NameAsWritten = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? KbId = null);

/// <summary>One input of a record's confidence: its value for this record and the weight the model gives it.</summary>
public sealed record ConfidenceFactor(string Name, double Value, double Weight);

public sealed record Location(string? City, string? Country, string? Venue);

/// <summary>The character span in a source's clean text that supports one field of a record.</summary>
public sealed record EvidenceSpan([property: JsonConverter(typeof(RecordFieldJson))] RecordField Field, int Start, int End, string Text);

/// <summary>
/// One report behind a record, with the spans of its clean text that support each field. Family is the
/// content hash that names the report's family of near-duplicate copies (a wire story and its
/// republications form one family).
/// </summary>
public sealed record SourceRef(string Uri, string? Title, string? Published, string ContentHash, IReadOnlyList<EvidenceSpan> Evidence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Family = null);

/// <summary>One value of a field and the reports (by uri) that say it.</summary>
public sealed record FieldSupport(
    [property: JsonConverter(typeof(RecordFieldJson))] RecordField Field, string Value, IReadOnlyList<string> Sources);

/// <summary>A field on which the reports behind a record disagree, with every value and who says it.</summary>
public sealed record FieldConflict(
    [property: JsonConverter(typeof(RecordFieldJson))] RecordField Field, IReadOnlyList<FieldSupport> Values);

/// <summary>
/// One diplomatic interaction: who, when, how, where, who else, whether it happened or is planned, and
/// for every field the text it came from: the extractor's output, the fused record and the stored JSON
/// (<see cref="Store.RecordJson"/>). It is not the export contract: users receive
/// <see cref="Export.Contract.InteractionRecord"/>, mapped from it in one place, so its fields may be renamed freely.
/// </summary>
public sealed record Interaction(
    string Id,
    // the converters here as well as on the enums: a property's converter wins over any options a caller passes
    [property: JsonConverter(typeof(InteractionStatusJson))] InteractionStatus Status,
    [property: JsonConverter(typeof(InteractionModeJson))] InteractionMode Mode,
    string? Date,                  // YYYY-MM-DD, a partial "--MM-DD", or null
    [property: JsonConverter(typeof(Analyse.DateBasisJson))] Analyse.DateBasis DateBasis,
    IReadOnlyList<Actor> Participants,
    Location? Location,
    IReadOnlyList<Actor> Attendees,
    IReadOnlyList<SourceRef> Sources,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<FieldSupport>? Provenance = null,     // fused records: which sources say what, per field
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<FieldConflict>? Conflicts = null,     // fused records: fields the sources disagree on
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    int? SourceFamilies = null,                         // fused records: independent sources (near-duplicates count once)
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<string>? Members = null,              // fused records: the report-level interactions fused into it
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? DateCertainty = null,                       // "inferred": no source states the year; it was inferred from a dated event
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    Reviews.ReviewState? Review = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    double? Confidence = null,                          // fused records: how likely the record is right (0..1), from its evidence
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<ConfidenceFactor>? ConfidenceFactors = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? LexiconVersion = null);                     // the lexicons that made it (Lexicon.Version); a fused record: its members' ('+' between several)
   // the evidence features behind Confidence and their weights               // fused records a person reviewed: status, the fields they set, the machine's values, the trail
