using System.Text.Json;
using Readout.Export.Contract;
using Readout.Extract;

namespace Readout.Export;

/// <summary>
/// Fields the flat exports read from a record through its contract form (<see cref="ActorRecord"/>), so that a
/// key a later version adds to the contract (an actor's organisation) reaches the CSV without a change here, and a
/// rename inside the pipeline changes no column.
/// </summary>
public static class RecordFields
{
    /// <summary>The JSON names of an actor's keys in the contract, in its order (name, country, role, ...).</summary>
    public static IReadOnlyList<string> ActorFields { get; } =
        ExportJson.Options.GetTypeInfo(typeof(ActorRecord)).Properties.OrderBy(p => p.Order).Select(p => p.Name).ToList();

    /// <summary>An actor's fields as text, in the order of <see cref="ActorFields"/> (all empty for no actor).</summary>
    public static IReadOnlyList<string?> ActorCells(Actor? actor)
    {
        if (actor is null) return ActorFields.Select(_ => (string?)null).ToList();
        var json = JsonSerializer.SerializeToElement(ActorRecord.From(actor), ExportJson.Info<ActorRecord>());
        return ActorFields.Select(f => json.TryGetProperty(f, out var v) ? Text(v) : null).ToList();
    }

    /// <summary>The record's confidence (0..1) when it carries one.</summary>
    public static double? Confidence(Interaction record) => record.Confidence;

    /// <summary>unreviewed, reviewed or rejected.</summary>
    public static string ReviewStatus(Interaction record) => (record.Review?.Status ?? Reviews.ReviewStatus.Unreviewed).Wire();

    private static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => v.GetString(),
        _ => v.GetRawText(),
    };
}
