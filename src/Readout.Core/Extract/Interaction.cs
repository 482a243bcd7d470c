namespace Readout.Extract;

/// <summary>A principal or attendee as exported: canonical name, ISO 3166-1 alpha-3 country, role.</summary>
public sealed record Actor(string Name, string? Country, string? Role);

public sealed record Location(string? City, string? Country, string? Venue);

/// <summary>The character span in a source's clean text that supports one field of a record.</summary>
public sealed record EvidenceSpan(string Field, int Start, int End, string Text);

/// <summary>One report behind a record, with the spans of its clean text that support each field.</summary>
public sealed record SourceRef(string Uri, string? Title, string? Published, string ContentHash, IReadOnlyList<EvidenceSpan> Evidence);

/// <summary>
/// One diplomatic interaction: who, when, how, where, who else, whether it happened or is planned, and
/// for every field the text it came from. This is the export contract (README, "Export format").
/// </summary>
public sealed record Interaction(
    string Id,
    string Status,                 // happened | planned
    string Mode,                   // phone | video | in_person | written
    string? Date,                  // YYYY-MM-DD, a partial "--MM-DD", or null
    string DateBasis,
    IReadOnlyList<Actor> Participants,
    Location? Location,
    IReadOnlyList<Actor> Attendees,
    IReadOnlyList<SourceRef> Sources);
