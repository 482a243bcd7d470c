using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Readout.Export;
using Readout.Export.Contract;
using Spectre.Console;

namespace Readout.Cli.Commands;

/// <summary>Options that take one of a few words: accepted in any case ("--mode Phone", "in-person"), stored lower case.</summary>
internal static class Choices
{
    public static Option<T> OneOf<T>(this Option<T> option, IReadOnlyList<string> values)
    {
        option.CustomParser = r =>
        {
            var token = r.Tokens.Count == 0 ? null : r.Tokens[^1].Value.Trim();
            var word = token?.ToLowerInvariant();
            var match = values.FirstOrDefault(v => v == word || v == word?.Replace('-', '_') || v.Replace("_", "") == word?.Replace("-", "").Replace("_", ""));
            if (token is not null && match is null)
                r.AddError($"{option.Name} takes {string.Join(", ", values)}, not '{token}'");
            return (T)(object)(match ?? "")!;
        };
        option.CompletionSources.Add(values.ToArray());
        return option;
    }
}

/// <summary>
/// <c>--format table|json|csv</c> and <c>--limit N</c>, which every listing command takes: a table for people,
/// JSON (one array of objects, snake_case as in the export) and CSV (RFC 4180, one line per row) for scripts.
/// </summary>
internal sealed class ListOutput
{
    /// <summary>
    /// A list of rows as the export writes them (<see cref="ExportJson.Options"/>): contract objects, or the listing
    /// commands' own rows (<see cref="ListingJson"/>), each by metadata generated at build time.
    /// </summary>
    private static readonly JsonTypeInfo<List<object>> RowsJson = (JsonTypeInfo<List<object>>)new JsonSerializerOptions(ExportJson.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ExportJson.Resolver, ListingJson.Default),
    }.GetTypeInfo(typeof(List<object>));

    public static readonly string[] Formats = ["table", "json", "csv"];

    public Option<string> Format { get; } = new Option<string>("--format", "-f")
    {
        Description = "table (default), json (an array of objects) or csv (one row per line, a header first)",
        DefaultValueFactory = _ => "table",
        HelpName = "table|json|csv",
    }.OneOf(Formats);

    public Option<int?> Limit { get; } = new("--limit", "-n") { Description = "Show at most N rows", HelpName = "N" };

    public ListOutput()
    {
        Limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is <= 0) r.AddError("--limit expects a positive number");
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(Limit);
    }

    public string FormatOf(ParseResult p) => p.GetValue(Format) is { Length: > 0 } f ? f : "table";

    public IReadOnlyList<T> Take<T>(ParseResult p, IReadOnlyList<T> rows) => p.GetValue(Limit) is { } n && n < rows.Count ? rows.Take(n).ToList() : rows;

    /// <summary>Writes rows in the chosen format: <paramref name="table"/> draws the table, <paramref name="json"/> gives each row's object, <paramref name="csv"/> its cells.</summary>
    public void Write<T>(ParseResult p, IReadOnlyList<T> rows, IReadOnlyList<string> header, Func<T, IReadOnlyList<string?>> csv, Func<T, object> json, Action<IReadOnlyList<T>> table)
    {
        switch (FormatOf(p))
        {
            case "json":
                using (var stdout = Console.OpenStandardOutput())
                {
                    JsonSerializer.Serialize(stdout, rows.Select(json).ToList(), RowsJson);
                }
                Console.Out.WriteLine();
                break;
            case "csv":
                CsvExporter.WriteRow(Console.Out, header);
                foreach (var row in rows) CsvExporter.WriteRow(Console.Out, csv(row));
                Console.Out.Flush();
                break;
            default:
                table(rows);
                break;
        }
    }

    /// <summary>A table with a simple border when the output goes to a file or pipe, rounded on a terminal.</summary>
    public static Table NewTable(params string[] columns)
    {
        var t = new Table().Border(Console.IsOutputRedirected ? TableBorder.Simple : TableBorder.Rounded);
        foreach (var c in columns) t.AddColumn(c);
        return t;
    }
}

/// <summary>A row of <c>readout sources --format json</c>.</summary>
internal sealed record SourceRow(
    [property: JsonPropertyName("record")] string Record,
    [property: JsonPropertyName("family")] string Family,
    [property: JsonPropertyName("published")] string? Published,
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("content_hash")] string ContentHash);

/// <summary>A row of <c>readout review queue --format json</c>.</summary>
internal sealed record ReviewQueueRow(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("date")] string? Date,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("participants")] IReadOnlyList<ActorRecord> Participants,
    [property: JsonPropertyName("source_count")] int SourceCount,
    [property: JsonPropertyName("conflicts")] int Conflicts,
    [property: JsonPropertyName("confidence")] double? Confidence,
    [property: JsonPropertyName("why")] string Why);

/// <summary>The listing commands' own rows' serialisation metadata, generated at build time (the natively compiled CLI has no reflection).</summary>
[JsonSerializable(typeof(List<object>))]
[JsonSerializable(typeof(SourceRow))]
[JsonSerializable(typeof(ReviewQueueRow))]
internal sealed partial class ListingJson : JsonSerializerContext;
