using System.Text.Json.Serialization;
using Readout.Extract;

namespace Readout.Reviews;

/// <summary>What a person can do to a record. Its wire string (the trail's action, stored and exported; the CLI's
/// subcommands; the API's and the pages' action) is <see cref="Codes.ReviewAction"/>'s.</summary>
[JsonConverter(typeof(ReviewActionJson))]
public enum ReviewAction
{
    /// <summary>The record is wrong as a whole: hidden from lists and exports, kept with its evidence.</summary>
    Reject,
    /// <summary>Undo a rejection.</summary>
    Restore,
    /// <summary>Set one field to a value the person gives.</summary>
    Correct,
    /// <summary>The record is right as it is: it leaves the review queue.</summary>
    Confirm,
    /// <summary>Two records are one interaction: the other joins this one.</summary>
    Merge,
    /// <summary>Some reports behind this record tell another interaction: they become a record of their own.</summary>
    Split,
}

/// <summary>The fields a person can correct: every field of a record but the sentence that reports it.</summary>
public static class ReviewFields
{
    /// <summary>In the order <c>show</c>, the export and the usage list them.</summary>
    public static readonly IReadOnlyList<RecordField> All =
    [
        RecordField.Status, RecordField.Mode, RecordField.Date, RecordField.City, RecordField.Country, RecordField.Venue,
        RecordField.Participants, RecordField.Attendees,
    ];

    /// <summary>Their strings, as usage lines and refusals list them ("status, mode, date, location.city, ...").</summary>
    public static string Names { get; } = string.Join(", ", All.Select(f => f.Wire()));

    /// <summary>
    /// A field as a user may type it ("City", "venue", "location.city", "place_country", "attendee"), or null for
    /// one that cannot be corrected. Everything else about fields goes by the code, whose string is the stored one.
    /// </summary>
    public static RecordField? Canonical(string? name)
    {
        var n = (name ?? "").Trim().ToLowerInvariant();
        if (n.StartsWith("location.", StringComparison.Ordinal)) n = n["location.".Length..];
        return n switch
        {
            "status" => RecordField.Status,
            "mode" => RecordField.Mode,
            "date" => RecordField.Date,
            "city" => RecordField.City,
            "country" or "place_country" => RecordField.Country,
            "venue" => RecordField.Venue,
            "participants" or "participant" => RecordField.Participants,
            "attendees" or "attendee" => RecordField.Attendees,
            _ => null,
        };
    }
}

/// <summary>
/// Review states of a record: not yet looked at (no state), looked at by a person, or rejected. Its wire string (a
/// record's stored and exported review status, the <c>--review</c> filter) is <see cref="Codes.ReviewStatus"/>'s.
/// </summary>
[JsonConverter(typeof(ReviewStatusJson))]
public enum ReviewStatus { Unreviewed, Reviewed, Rejected }

/// <summary>
/// One line of the audit trail: who did what to which record, when and why, with the value before and after
/// (for a correction), the other record (for a merge) or the reports moved out (for a split).
/// </summary>
public sealed record ReviewEntry(
    long Id, ReviewAction Action, string Record, [property: JsonConverter(typeof(RecordFieldJson))] RecordField? Field,
    string? Before, string? After, string Reason, string Reviewer, string At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Other = null);

/// <summary>A field's value as the machine read it, before a person set it.</summary>
public sealed record MachineValue([property: JsonConverter(typeof(RecordFieldJson))] RecordField Field, string? Value);

/// <summary>
/// What people did to a record, kept apart from the machine's output and applied on top of it each time the
/// record is fused: its status (reviewed or rejected), the fields a person set (with the machine's values) and the trail.
/// </summary>
public sealed record ReviewState(
    ReviewStatus Status, IReadOnlyList<RecordField> FieldsSet, IReadOnlyList<MachineValue> Machine, IReadOnlyList<ReviewEntry> Trail);

/// <summary>A stored review with the report-level interactions it is about (which keep it on the right record through re-fusion).</summary>
public sealed record StoredReview(ReviewEntry Entry, IReadOnlyList<string> Members, IReadOnlyList<string> OtherMembers);

/// <summary>What a person asks for.</summary>
/// <param name="Action">As the person gave it: the store refuses one that is no <see cref="ReviewAction"/>'s wire string.</param>
/// <param name="Sources">For a split: the uris (or content-hash prefixes) of the reports that tell the other interaction.</param>
public sealed record ReviewRequest(
    string Action, string Record, string Reason, string Reviewer, DateTimeOffset At,
    string? Field = null, string? Value = null, string? Other = null, IReadOnlyList<string>? Sources = null);

/// <summary>What a review did: its trail entry and the records it left (the record, and the new one of a split).</summary>
public sealed record ReviewOutcome(ReviewEntry Entry, IReadOnlyList<string> Records);

/// <summary>A record waiting for review, and why it is high in the queue.</summary>
public sealed record QueueItem(Extract.Interaction Record, int Conflicts, double? Confidence, string Why);

public sealed class ReviewActionJson() : CodeJsonConverter<ReviewAction>(Codes.ReviewAction);

public sealed class ReviewStatusJson() : CodeJsonConverter<ReviewStatus>(Codes.ReviewStatus);
