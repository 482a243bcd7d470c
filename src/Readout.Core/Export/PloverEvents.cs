using System.Text.Json.Serialization;
using Readout.Export.Contract;

namespace Readout.Export;

// The lines of the PLOVER export (README, "Other formats"): an interaction as a CONSULT event and a statement as an
// event of its own type. Each key is named and placed here, as in the export contract, so that the lines' form does
// not depend on how a serialiser names or orders properties.

/// <summary>A participant of an interaction in a PLOVER line (kind is always person).</summary>
internal sealed record PloverActorRecord(
    [property: JsonPropertyName("name"), JsonPropertyOrder(0)] string Name,
    [property: JsonPropertyName("country"), JsonPropertyOrder(1)] string? Country,
    [property: JsonPropertyName("kind"), JsonPropertyOrder(2)] string Kind,
    [property: JsonPropertyName("role"), JsonPropertyOrder(3)] string? Role);

/// <summary>A report an interaction's PLOVER line cites.</summary>
internal sealed record PloverReportCitation(
    [property: JsonPropertyName("uri"), JsonPropertyOrder(0)] string Uri,
    [property: JsonPropertyName("title"), JsonPropertyOrder(1)] string? Title,
    [property: JsonPropertyName("published"), JsonPropertyOrder(2)] string? Published);

/// <summary>The span a statement's PLOVER line cites, and the interaction it belongs to (or null).</summary>
internal sealed record PloverSpanCitation(
    [property: JsonPropertyName("uri"), JsonPropertyOrder(0)] string Uri,
    [property: JsonPropertyName("start"), JsonPropertyOrder(1)] int Start,
    [property: JsonPropertyName("end"), JsonPropertyOrder(2)] int End,
    [property: JsonPropertyName("record"), JsonPropertyOrder(3)] string? Record);

/// <summary>An interaction as one PLOVER CONSULT event.</summary>
internal sealed record PloverInteractionEvent(
    [property: JsonPropertyName("id"), JsonPropertyOrder(0)] string Id,
    [property: JsonPropertyName("date"), JsonPropertyOrder(1)] string? Date,
    [property: JsonPropertyName("status"), JsonPropertyOrder(2)] string Status,
    [property: JsonPropertyName("actor"), JsonPropertyOrder(3)] PloverActorRecord Actor,
    [property: JsonPropertyName("recipient"), JsonPropertyOrder(4)] PloverActorRecord Recipient,
    [property: JsonPropertyName("event"), JsonPropertyOrder(5)] string Event,
    [property: JsonPropertyName("mode"), JsonPropertyOrder(6)] string? Mode,
    [property: JsonPropertyName("context"), JsonPropertyOrder(7)] IReadOnlyList<string> Context,
    [property: JsonPropertyName("event_location"), JsonPropertyOrder(8)] LocationRecord? EventLocation,
    [property: JsonPropertyName("text"), JsonPropertyOrder(9)] string? Text,
    [property: JsonPropertyName("citation"), JsonPropertyOrder(10)] IReadOnlyList<PloverReportCitation> Citation,
    [property: JsonPropertyName("review_status"), JsonPropertyOrder(11)] string ReviewStatus,
    [property: JsonPropertyName("reviewed_fields"), JsonPropertyOrder(12)] IReadOnlyList<string> ReviewedFields);

/// <summary>A statement as one PLOVER event of its own type.</summary>
internal sealed record PloverStatementEvent(
    [property: JsonPropertyName("id"), JsonPropertyOrder(0)] string Id,
    [property: JsonPropertyName("date"), JsonPropertyOrder(1)] string? Date,
    [property: JsonPropertyName("status"), JsonPropertyOrder(2)] string Status,
    [property: JsonPropertyName("actor"), JsonPropertyOrder(3)] SpeakerRecord Actor,
    [property: JsonPropertyName("recipient"), JsonPropertyOrder(4)] SpeakerRecord? Recipient,
    [property: JsonPropertyName("event"), JsonPropertyOrder(5)] string? Event,
    [property: JsonPropertyName("mode"), JsonPropertyOrder(6)] string? Mode,
    [property: JsonPropertyName("context"), JsonPropertyOrder(7)] IReadOnlyList<string> Context,
    [property: JsonPropertyName("event_location"), JsonPropertyOrder(8)] LocationRecord? EventLocation,
    [property: JsonPropertyName("text"), JsonPropertyOrder(9)] string Text,
    [property: JsonPropertyName("citation"), JsonPropertyOrder(10)] IReadOnlyList<PloverSpanCitation> Citation);
