using System.Text.Json.Serialization;

namespace Readout.Reviews;

/// <summary>What a person can do to a record.</summary>
public static class ReviewActions
{
    public const string Reject = "reject";    // the record is wrong as a whole: hidden from lists and exports, kept with its evidence
    public const string Restore = "restore";  // undo a rejection
    public const string Correct = "correct";  // set one field to a value the person gives
    public const string Confirm = "confirm";  // the record is right as it is: it leaves the review queue
    public const string Merge = "merge";      // two records are one interaction: the other joins this one
    public const string Split = "split";      // some reports behind this record tell another interaction: they become a record of their own

    public static readonly IReadOnlyList<string> All = [Reject, Restore, Correct, Confirm, Merge, Split];
}

/// <summary>The fields a person can correct, as <c>show</c> and the export name them.</summary>
public static class ReviewFields
{
    public const string Status = "status";
    public const string Mode = "mode";
    public const string Date = "date";
    public const string City = "location.city";
    public const string Country = "location.country";
    public const string Venue = "location.venue";
    public const string Participants = "participants";
    public const string Attendees = "attendees";

    public static readonly IReadOnlyList<string> All = [Status, Mode, Date, City, Country, Venue, Participants, Attendees];

    /// <summary>A field name as a user may type it ("City", "venue", "location.city") in its canonical form, or null.</summary>
    public static string? Canonical(string? name)
    {
        var n = (name ?? "").Trim().ToLowerInvariant();
        if (n.StartsWith("location.", StringComparison.Ordinal)) n = n["location.".Length..];
        return n switch
        {
            "status" => Status,
            "mode" => Mode,
            "date" => Date,
            "city" => City,
            "country" or "place_country" => Country,
            "venue" => Venue,
            "participants" or "participant" => Participants,
            "attendees" or "attendee" => Attendees,
            _ => null,
        };
    }
}

/// <summary>Review states of a record: not yet looked at (no state), looked at by a person, or rejected.</summary>
public static class ReviewStatus
{
    public const string Unreviewed = "unreviewed";
    public const string Reviewed = "reviewed";
    public const string Rejected = "rejected";
    public static readonly IReadOnlyList<string> All = [Unreviewed, Reviewed, Rejected];
}

/// <summary>
/// One line of the audit trail: who did what to which record, when and why, with the value before and after
/// (for a correction), the other record (for a merge) or the reports moved out (for a split).
/// </summary>
public sealed record ReviewEntry(
    long Id, string Action, string Record, string? Field, string? Before, string? After, string Reason, string Reviewer, string At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Other = null);

/// <summary>A field's value as the machine read it, before a person set it.</summary>
public sealed record MachineValue(string Field, string? Value);

/// <summary>
/// What people did to a record, kept apart from the machine's output and applied on top of it each time the
/// record is fused: its status (reviewed or rejected), the fields a person set (with the machine's values) and the trail.
/// </summary>
public sealed record ReviewState(string Status, IReadOnlyList<string> FieldsSet, IReadOnlyList<MachineValue> Machine, IReadOnlyList<ReviewEntry> Trail);

/// <summary>A stored review with the report-level interactions it is about (which keep it on the right record through re-fusion).</summary>
public sealed record StoredReview(ReviewEntry Entry, IReadOnlyList<string> Members, IReadOnlyList<string> OtherMembers);

/// <summary>What a person asks for.</summary>
/// <param name="Sources">For a split: the uris (or content-hash prefixes) of the reports that tell the other interaction.</param>
public sealed record ReviewRequest(
    string Action, string Record, string Reason, string Reviewer, DateTimeOffset At,
    string? Field = null, string? Value = null, string? Other = null, IReadOnlyList<string>? Sources = null);

/// <summary>What a review did: its trail entry and the records it left (the record, and the new one of a split).</summary>
public sealed record ReviewOutcome(ReviewEntry Entry, IReadOnlyList<string> Records);

/// <summary>A record waiting for review, and why it is high in the queue.</summary>
public sealed record QueueItem(Extract.Interaction Record, int Conflicts, double? Confidence, string Why);
