using System.Text.Json.Serialization;
using Readout.Extract;

namespace Readout.Export.Contract;

/// <summary>
/// One interaction record as users receive it: the export contract (README, "Export format") of the JSON Lines
/// export and of the server's interaction API. Every key is named and placed here, so a rename or a new field in
/// the pipeline's <see cref="Interaction"/> changes nothing users receive until <see cref="From"/> maps it.
/// The fusion keys (provenance to lexicon_version) are left out when the record has none.
/// </summary>
public sealed record InteractionRecord(
    [property: JsonPropertyName("id"), JsonPropertyOrder(0)] string Id,
    [property: JsonPropertyName("status"), JsonPropertyOrder(1)] string Status,            // happened | planned
    [property: JsonPropertyName("mode"), JsonPropertyOrder(2)] string Mode,                // phone | video | in_person | written
    [property: JsonPropertyName("date"), JsonPropertyOrder(3)] string? Date,               // YYYY-MM-DD, a partial "--MM-DD", or null
    [property: JsonPropertyName("date_basis"), JsonPropertyOrder(4)] string? DateBasis,    // the sentence saying how the date was reached
    [property: JsonPropertyName("participants"), JsonPropertyOrder(5)] IReadOnlyList<ActorRecord> Participants,
    [property: JsonPropertyName("location"), JsonPropertyOrder(6)] LocationRecord? Location,
    [property: JsonPropertyName("attendees"), JsonPropertyOrder(7)] IReadOnlyList<ActorRecord> Attendees,
    [property: JsonPropertyName("sources"), JsonPropertyOrder(8)] IReadOnlyList<SourceRecord> Sources,
    [property: JsonPropertyName("provenance"), JsonPropertyOrder(9), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<FieldSupportRecord>? Provenance = null,
    [property: JsonPropertyName("conflicts"), JsonPropertyOrder(10), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<FieldConflictRecord>? Conflicts = null,
    [property: JsonPropertyName("source_families"), JsonPropertyOrder(11), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    int? SourceFamilies = null,
    [property: JsonPropertyName("members"), JsonPropertyOrder(12), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<string>? Members = null,
    [property: JsonPropertyName("date_certainty"), JsonPropertyOrder(13), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? DateCertainty = null,
    [property: JsonPropertyName("review"), JsonPropertyOrder(14), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    ReviewRecord? Review = null,
    [property: JsonPropertyName("confidence"), JsonPropertyOrder(15), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    double? Confidence = null,
    [property: JsonPropertyName("confidence_factors"), JsonPropertyOrder(16), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<ConfidenceFactorRecord>? ConfidenceFactors = null,
    [property: JsonPropertyName("lexicon_version"), JsonPropertyOrder(17), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? LexiconVersion = null)
{
    /// <summary>The one mapping from the pipeline's record to the contract.</summary>
    public static InteractionRecord From(Interaction i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new(
            i.Id,
            i.Status.Wire(),
            i.Mode.Wire(),
            i.Date,
            i.DateBasis?.Text,
            ContractLists.Map(i.Participants, ActorRecord.From),
            i.Location is null ? null : LocationRecord.From(i.Location),
            ContractLists.Map(i.Attendees, ActorRecord.From),
            ContractLists.Map(i.Sources, SourceRecord.From),
            ContractLists.MapOptional(i.Provenance, FieldSupportRecord.From),
            ContractLists.MapOptional(i.Conflicts, FieldConflictRecord.From),
            i.SourceFamilies,
            i.Members?.ToList(),
            i.DateCertainty,
            i.Review is null ? null : ReviewRecord.From(i.Review),
            i.Confidence,
            ContractLists.MapOptional(i.ConfidenceFactors, ConfidenceFactorRecord.From),
            i.LexiconVersion);
    }
}
