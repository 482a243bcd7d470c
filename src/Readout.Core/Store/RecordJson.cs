using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
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
            // the records' own metadata, generated at build time: the writer serialises every statement and figure
            // a report gives, and by reflection that was about a quarter of the writer's own managed time. Nothing
            // falls back to reflection, which the natively compiled CLI (./readout) does not have: a type missing
            // here fails every build's tests, not only the shipped binary.
            TypeInfoResolver = RecordJsonContext.Default,
        };
        o.MakeReadOnly();
        return o;
    }

    public static string Serialize(Interaction interaction) => JsonSerializer.Serialize(interaction, Info<Interaction>());

    public static Interaction Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Info<Interaction>()) ?? throw new JsonException("record is null");

    /// <summary><typeparamref name="T"/>'s generated metadata under <see cref="Options"/>.</summary>
    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}

/// <summary>The stored records' serialisation metadata, generated at build time (<see cref="RecordJson.Options"/> uses it).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(Statement))]
[JsonSerializable(typeof(Figure))]
internal sealed partial class RecordJsonContext : JsonSerializerContext;
