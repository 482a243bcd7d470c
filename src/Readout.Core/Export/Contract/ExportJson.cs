using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Readout.Export.Contract;

/// <summary>
/// The JSON form of the export files (JSON Lines, PLOVER): compact, keys in the contract's order, non-ASCII
/// names left readable. The contract types name every key themselves, so the naming policy here only names the
/// keys of objects written without a contract type (PLOVER's events). Kept apart from the store's options
/// (<see cref="Store.RecordJson"/>), which are free to change with the pipeline's types.
/// </summary>
public static class ExportJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = false,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // the contract's metadata, generated at build time: the natively compiled CLI (./readout) has no
            // reflection, and with nothing falling back to it a type missing here fails every build's tests
            TypeInfoResolver = ExportJsonContext.Default,
        };
        o.MakeReadOnly();
        return o;
    }

    /// <summary>One contract object as one line of JSON (without the line break).</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Info<T>());

    /// <summary>
    /// The contract's metadata, generated at build time, for a host that writes contract objects among its own (the
    /// CLI's <c>--format json</c>) and combines it with its own metadata.
    /// </summary>
    public static IJsonTypeInfoResolver Resolver => ExportJsonContext.Default;

    /// <summary><typeparamref name="T"/>'s generated metadata under <see cref="Options"/>.</summary>
    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}

/// <summary>The export contract's serialisation metadata, generated at build time (<see cref="ExportJson.Options"/> uses it).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(InteractionRecord))]
[JsonSerializable(typeof(InteractionSummaryRecord))]
[JsonSerializable(typeof(StatementRecord))]
[JsonSerializable(typeof(FigureRecord))]
[JsonSerializable(typeof(ActorRecord))]
[JsonSerializable(typeof(ReviewEntryRecord))]
[JsonSerializable(typeof(Readout.Export.PloverInteractionEvent))]
[JsonSerializable(typeof(Readout.Export.PloverStatementEvent))]
[JsonSerializable(typeof(JsonElement))]   // a contract object read back, written again in the export's form
internal sealed partial class ExportJsonContext : JsonSerializerContext;
