using System.Text.Json.Serialization;
using Readout.Extract;
using Readout.Store;

namespace Readout.Export.Contract;

/// <summary>
/// One record as the API's lists show it (the items of <c>GET /api/interactions</c>, an actor's interactions, a
/// dyad's first, last and timeline): the record's keys without evidence, and how many reports are behind it.
/// The store reads these rows with its own types (<see cref="InteractionSummary"/>); what users receive is named
/// and placed here, with the actors and place of the full record's contract, so a rename in the store or the
/// pipeline changes nothing on the wire until <see cref="From"/> maps it.
/// </summary>
public sealed record InteractionSummaryRecord(
    [property: JsonPropertyName("id"), JsonPropertyOrder(0)] string Id,
    [property: JsonPropertyName("status"), JsonPropertyOrder(1)] string Status,
    [property: JsonPropertyName("mode"), JsonPropertyOrder(2)] string Mode,
    [property: JsonPropertyName("date"), JsonPropertyOrder(3)] string? Date,
    [property: JsonPropertyName("participants"), JsonPropertyOrder(4)] IReadOnlyList<ActorRecord> Participants,
    [property: JsonPropertyName("location"), JsonPropertyOrder(5)] LocationRecord? Location,
    [property: JsonPropertyName("source_count"), JsonPropertyOrder(6)] int SourceCount)
{
    /// <summary>The one mapping from the store's list row to the contract.</summary>
    public static InteractionSummaryRecord From(InteractionSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Status.Wire(), s.Mode.Wire(), s.Date, ContractLists.Map(s.Participants, ActorRecord.From),
            s.Location is null ? null : LocationRecord.From(s.Location), s.SourceCount);
    }
}
