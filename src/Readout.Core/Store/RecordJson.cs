using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Readout.Extract;

namespace Readout.Store;

/// <summary>
/// The stored JSON form of the pipeline's records (interactions, statements, figures): snake_case keys in
/// declaration order, compact, with non-ASCII names left readable. Internal to the store: what users receive is
/// the export contract (<see cref="Export.Contract.InteractionRecord"/> and its siblings), written by the exporters
/// and the server, so the pipeline's types may change without changing it.
/// </summary>
public static class RecordJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = false,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        o.MakeReadOnly();
        return o;
    }

    public static string Serialize(Interaction interaction) => JsonSerializer.Serialize(interaction, Options);

    public static Interaction Deserialize(string json) =>
        JsonSerializer.Deserialize<Interaction>(json, Options) ?? throw new JsonException("record is null");
}
