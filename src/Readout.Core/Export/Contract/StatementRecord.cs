using System.Text.Json.Serialization;
using Readout.Extract;

namespace Readout.Export.Contract;

/// <summary>Who made a statement: a person, a state speaking as such, or an organisation (kind: person, state, organisation).</summary>
public sealed record SpeakerRecord(
    [property: JsonPropertyName("name"), JsonPropertyOrder(0)] string Name,
    [property: JsonPropertyName("country"), JsonPropertyOrder(1)] string? Country,
    [property: JsonPropertyName("kind"), JsonPropertyOrder(2)] string Kind)
{
    public static SpeakerRecord From(Speaker s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Name, s.Country, s.Kind.Wire());
    }
}

/// <summary>A statement's PLOVER coding: event type and mode, each null when none.</summary>
public sealed record PloverRecord(
    [property: JsonPropertyName("event"), JsonPropertyOrder(0)] string? Event,
    [property: JsonPropertyName("mode"), JsonPropertyOrder(1)] string? Mode)
{
    public static PloverRecord From(PloverCode p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Event, p.Mode);
    }
}

/// <summary>
/// One reported statement as users receive it (<c>export --what statements</c> and the server's record detail;
/// README, "Statements"): the clause and its span in the report's clean text, speakers, cue, target, coding,
/// topics, flags, the report, the report-level interaction and the fused record (left out when none).
/// </summary>
public sealed record StatementRecord(
    [property: JsonPropertyName("id"), JsonPropertyOrder(0)] string Id,
    [property: JsonPropertyName("text"), JsonPropertyOrder(1)] string Text,
    [property: JsonPropertyName("start"), JsonPropertyOrder(2)] int Start,
    [property: JsonPropertyName("end"), JsonPropertyOrder(3)] int End,
    [property: JsonPropertyName("speakers"), JsonPropertyOrder(4)] IReadOnlyList<SpeakerRecord> Speakers,
    [property: JsonPropertyName("cue"), JsonPropertyOrder(5)] string Cue,
    [property: JsonPropertyName("target"), JsonPropertyOrder(6)] SpeakerRecord? Target,
    [property: JsonPropertyName("plover"), JsonPropertyOrder(7)] PloverRecord? Plover,
    [property: JsonPropertyName("cameo"), JsonPropertyOrder(8)] string? Cameo,
    [property: JsonPropertyName("goldstein"), JsonPropertyOrder(9)] double? Goldstein,
    [property: JsonPropertyName("quad_class"), JsonPropertyOrder(10)] int? QuadClass,
    [property: JsonPropertyName("topics"), JsonPropertyOrder(11)] IReadOnlyList<string> Topics,
    [property: JsonPropertyName("negated"), JsonPropertyOrder(12)] bool Negated,
    [property: JsonPropertyName("future"), JsonPropertyOrder(13)] bool Future,
    [property: JsonPropertyName("hypothetical"), JsonPropertyOrder(14)] bool Hypothetical,
    [property: JsonPropertyName("source"), JsonPropertyOrder(15)] string Source,
    [property: JsonPropertyName("content_hash"), JsonPropertyOrder(16)] string ContentHash,
    [property: JsonPropertyName("interaction"), JsonPropertyOrder(17)] string? Interaction,
    [property: JsonPropertyName("record"), JsonPropertyOrder(18), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Record = null)
{
    /// <summary>The one mapping from the pipeline's statement to the contract.</summary>
    public static StatementRecord From(Statement s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Text, s.Start, s.End, ContractLists.Map(s.Speakers, SpeakerRecord.From), s.Cue,
            s.Target is null ? null : SpeakerRecord.From(s.Target), s.Plover is null ? null : PloverRecord.From(s.Plover),
            s.Cameo, s.Goldstein, s.QuadClass, ContractLists.Copy(s.Topics), s.Negated, s.Future, s.Hypothetical,
            s.Source, s.ContentHash, s.Interaction, s.Record);
    }
}
