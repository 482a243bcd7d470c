using System.Text.Json.Serialization;
using Readout.Extract;

namespace Readout.Export.Contract;

/// <summary>
/// One figure as <c>export --format jsonl --what figures</c> writes it (README, "Figures"): the figure as written
/// and its span, the number, unit, currency, measure, period, change, and the report's uri under <c>source</c>.
/// The figure's cited source (who gives it) is not a key of this contract: <c>source</c> has always held the
/// report's uri here, in the cited source's place; the CSV has both (<c>cited_source</c>, <c>source</c>).
/// </summary>
public sealed record FigureRecord(
    [property: JsonPropertyName("id"), JsonPropertyOrder(0)] string Id,
    [property: JsonPropertyName("text"), JsonPropertyOrder(1)] string Text,
    [property: JsonPropertyName("start"), JsonPropertyOrder(2)] int Start,
    [property: JsonPropertyName("end"), JsonPropertyOrder(3)] int End,
    [property: JsonPropertyName("value"), JsonPropertyOrder(4)] double Value,
    [property: JsonPropertyName("unit"), JsonPropertyOrder(5)] string? Unit,
    [property: JsonPropertyName("currency"), JsonPropertyOrder(6)] string? Currency,
    [property: JsonPropertyName("measure"), JsonPropertyOrder(7)] string? Measure,
    [property: JsonPropertyName("period_text"), JsonPropertyOrder(8)] string? PeriodText,
    [property: JsonPropertyName("period_start"), JsonPropertyOrder(9)] string? PeriodStart,
    [property: JsonPropertyName("period_end"), JsonPropertyOrder(10)] string? PeriodEnd,
    [property: JsonPropertyName("change_percent"), JsonPropertyOrder(11)] double? ChangePercent,
    [property: JsonPropertyName("change_direction"), JsonPropertyOrder(12)] string? ChangeDirection,
    [property: JsonPropertyName("change_basis"), JsonPropertyOrder(13)] string? ChangeBasis,
    [property: JsonPropertyName("source"), JsonPropertyOrder(14)] string Source,
    [property: JsonPropertyName("sentence_start"), JsonPropertyOrder(15)] int SentenceStart,
    [property: JsonPropertyName("sentence_end"), JsonPropertyOrder(16)] int SentenceEnd)
{
    /// <summary>The one mapping from the pipeline's figure and the uri of its report to the contract.</summary>
    public static FigureRecord From(Figure f, string uri)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.Id, f.Text, f.Start, f.End, f.Value, f.Unit, f.Currency, f.Measure, f.PeriodText, f.PeriodStart, f.PeriodEnd,
            f.ChangePercent, f.ChangeDirection, f.ChangeBasis, uri, f.SentenceStart, f.SentenceEnd);
    }
}
