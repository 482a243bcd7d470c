using System.Text.Encodings.Web;
using System.Text.Json;
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
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        o.MakeReadOnly();
        return o;
    }

    /// <summary>One contract object as one line of JSON (without the line break).</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
