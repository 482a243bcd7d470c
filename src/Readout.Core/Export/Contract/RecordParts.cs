using System.Text.Json.Serialization;
using Readout.Extract;
using Readout.Reviews;

namespace Readout.Export.Contract;

// The parts of an exported interaction record (README, "Export format"). Each key is named and placed here,
// whatever the pipeline's types call their fields; each part is made from the pipeline's type by its From.

/// <summary>
/// A principal or attendee: canonical name, ISO 3166-1 alpha-3 country, role on the day; for an official of an
/// international organisation, the organisation and no country; the name as the report wrote it; the knowledge
/// base's id. country and role are written as null when unknown; the last three are left out when unknown.
/// </summary>
public sealed record ActorRecord(
    [property: JsonPropertyName("name"), JsonPropertyOrder(0)] string Name,
    [property: JsonPropertyName("country"), JsonPropertyOrder(1)] string? Country,
    [property: JsonPropertyName("role"), JsonPropertyOrder(2)] string? Role,
    [property: JsonPropertyName("organisation"), JsonPropertyOrder(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Organisation = null,
    [property: JsonPropertyName("name_as_written"), JsonPropertyOrder(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NameAsWritten = null,
    [property: JsonPropertyName("kb_id"), JsonPropertyOrder(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? KbId = null)
{
    public static ActorRecord From(Actor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Name, a.Country, a.Role?.Wire(), a.Organisation, a.NameAsWritten, a.KbId);
    }
}

/// <summary>Where an in-person interaction took place; each part null when unknown.</summary>
public sealed record LocationRecord(
    [property: JsonPropertyName("city"), JsonPropertyOrder(0)] string? City,
    [property: JsonPropertyName("country"), JsonPropertyOrder(1)] string? Country,
    [property: JsonPropertyName("venue"), JsonPropertyOrder(2)] string? Venue)
{
    public static LocationRecord From(Location l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new(l.City, l.Country, l.Venue);
    }
}

/// <summary>The half-open span [start, end) of a report's clean text that supports one field.</summary>
public sealed record EvidenceRecord(
    [property: JsonPropertyName("field"), JsonPropertyOrder(0)] string Field,
    [property: JsonPropertyName("start"), JsonPropertyOrder(1)] int Start,
    [property: JsonPropertyName("end"), JsonPropertyOrder(2)] int End,
    [property: JsonPropertyName("text"), JsonPropertyOrder(3)] string Text)
{
    public static EvidenceRecord From(EvidenceSpan e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Field.Wire(), e.Start, e.End, e.Text);
    }
}

/// <summary>One report behind a record, with its evidence and its near-duplicate family (left out when unknown).</summary>
public sealed record SourceRecord(
    [property: JsonPropertyName("uri"), JsonPropertyOrder(0)] string Uri,
    [property: JsonPropertyName("title"), JsonPropertyOrder(1)] string? Title,
    [property: JsonPropertyName("published"), JsonPropertyOrder(2)] string? Published,
    [property: JsonPropertyName("content_hash"), JsonPropertyOrder(3)] string ContentHash,
    [property: JsonPropertyName("evidence"), JsonPropertyOrder(4)] IReadOnlyList<EvidenceRecord> Evidence,
    [property: JsonPropertyName("family"), JsonPropertyOrder(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Family = null)
{
    public static SourceRecord From(SourceRef s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Uri, s.Title, s.Published, s.ContentHash, ContractLists.Map(s.Evidence, EvidenceRecord.From), s.Family);
    }
}

/// <summary>One value of a field and the reports (by uri) that say it.</summary>
public sealed record FieldSupportRecord(
    [property: JsonPropertyName("field"), JsonPropertyOrder(0)] string Field,
    [property: JsonPropertyName("value"), JsonPropertyOrder(1)] string Value,
    [property: JsonPropertyName("sources"), JsonPropertyOrder(2)] IReadOnlyList<string> Sources)
{
    public static FieldSupportRecord From(FieldSupport f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.Field.Wire(), f.Value, ContractLists.Copy(f.Sources));
    }
}

/// <summary>A field the reports disagree on, with every value and who says it.</summary>
public sealed record FieldConflictRecord(
    [property: JsonPropertyName("field"), JsonPropertyOrder(0)] string Field,
    [property: JsonPropertyName("values"), JsonPropertyOrder(1)] IReadOnlyList<FieldSupportRecord> Values)
{
    public static FieldConflictRecord From(FieldConflict c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Field.Wire(), ContractLists.Map(c.Values, FieldSupportRecord.From));
    }
}

/// <summary>One input of a record's confidence: its value for the record and the weight the model gives it.</summary>
public sealed record ConfidenceFactorRecord(
    [property: JsonPropertyName("name"), JsonPropertyOrder(0)] string Name,
    [property: JsonPropertyName("value"), JsonPropertyOrder(1)] double Value,
    [property: JsonPropertyName("weight"), JsonPropertyOrder(2)] double Weight)
{
    public static ConfidenceFactorRecord From(ConfidenceFactor f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.Name, f.Value, f.Weight);
    }
}

/// <summary>What people did to a record: reviewed or rejected, the fields they set, the machine's values of those, the trail.</summary>
public sealed record ReviewRecord(
    [property: JsonPropertyName("status"), JsonPropertyOrder(0)] string Status,
    [property: JsonPropertyName("fields_set"), JsonPropertyOrder(1)] IReadOnlyList<string> FieldsSet,
    [property: JsonPropertyName("machine"), JsonPropertyOrder(2)] IReadOnlyList<MachineValueRecord> Machine,
    [property: JsonPropertyName("trail"), JsonPropertyOrder(3)] IReadOnlyList<ReviewEntryRecord> Trail)
{
    public static ReviewRecord From(ReviewState r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Status.Wire(), ContractLists.Map(r.FieldsSet, f => f.Wire()), ContractLists.Map(r.Machine, MachineValueRecord.From),
            ContractLists.Map(r.Trail, ReviewEntryRecord.From));
    }
}

/// <summary>A field's value as the machine read it, before a person set it.</summary>
public sealed record MachineValueRecord(
    [property: JsonPropertyName("field"), JsonPropertyOrder(0)] string Field,
    [property: JsonPropertyName("value"), JsonPropertyOrder(1)] string? Value)
{
    public static MachineValueRecord From(MachineValue m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Field.Wire(), m.Value);
    }
}

/// <summary>One line of the review trail: who did what to which record, when and why; other (a merge's other record) left out when none.</summary>
public sealed record ReviewEntryRecord(
    [property: JsonPropertyName("id"), JsonPropertyOrder(0)] long Id,
    [property: JsonPropertyName("action"), JsonPropertyOrder(1)] string Action,
    [property: JsonPropertyName("record"), JsonPropertyOrder(2)] string Record,
    [property: JsonPropertyName("field"), JsonPropertyOrder(3)] string? Field,
    [property: JsonPropertyName("before"), JsonPropertyOrder(4)] string? Before,
    [property: JsonPropertyName("after"), JsonPropertyOrder(5)] string? After,
    [property: JsonPropertyName("reason"), JsonPropertyOrder(6)] string Reason,
    [property: JsonPropertyName("reviewer"), JsonPropertyOrder(7)] string Reviewer,
    [property: JsonPropertyName("at"), JsonPropertyOrder(8)] string At,
    [property: JsonPropertyName("other"), JsonPropertyOrder(9), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Other = null)
{
    public static ReviewEntryRecord From(ReviewEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.Action.Wire(), e.Record, e.Field?.Wire(), e.Before, e.After, e.Reason, e.Reviewer, e.At, e.Other);
    }
}

/// <summary>
/// Lists of the contract made from the pipeline's lists. A list a stored record lacks (an old record read back)
/// stays null, so it is written as null as it always was; the contract declares the lists the pipeline promises.
/// </summary>
internal static class ContractLists
{
    public static IReadOnlyList<TOut> Map<TIn, TOut>(IReadOnlyList<TIn>? items, Func<TIn, TOut> map) =>
        items is null ? null! : items.Select(map).ToList();

    public static IReadOnlyList<T> Copy<T>(IReadOnlyList<T>? items) => items is null ? null! : items.ToList();

    public static IReadOnlyList<TOut>? MapOptional<TIn, TOut>(IReadOnlyList<TIn>? items, Func<TIn, TOut> map) =>
        items?.Select(map).ToList();
}
