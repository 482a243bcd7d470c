using System.Text.Json;
using Readout.Extract;
using Readout.Store;

namespace Readout.Export;

/// <summary>
/// Fields the flat exports read from a record through its JSON form, so that a field a later version adds to
/// <see cref="Actor"/> or <see cref="Interaction"/> (an actor's organisation, a record's confidence) reaches
/// the exports without a change here.
/// </summary>
public static class RecordFields
{
    /// <summary>The JSON names of an actor's fields, in declaration order (name, country, role, ...).</summary>
    public static IReadOnlyList<string> ActorFields { get; } =
        RecordJson.Options.GetTypeInfo(typeof(Actor)).Properties.Select(p => p.Name).ToList();

    /// <summary>An actor's fields as text, in the order of <see cref="ActorFields"/> (all empty for no actor).</summary>
    public static IReadOnlyList<string?> ActorCells(Actor? actor)
    {
        if (actor is null) return ActorFields.Select(_ => (string?)null).ToList();
        var json = JsonSerializer.SerializeToElement(actor, RecordJson.Options);
        return ActorFields.Select(f => json.TryGetProperty(f, out var v) ? Text(v) : null).ToList();
    }

    /// <summary>The record's confidence (0..1) when it carries one.</summary>
    public static double? Confidence(Interaction record) => record.Confidence;

    /// <summary>unreviewed, reviewed or rejected.</summary>
    public static string ReviewStatus(Interaction record) => record.Review?.Status ?? Reviews.ReviewStatus.Unreviewed;

    private static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => v.GetString(),
        _ => v.GetRawText(),
    };
}
