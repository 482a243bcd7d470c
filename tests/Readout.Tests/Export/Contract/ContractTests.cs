using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Readout.Export;
using Readout.Export.Contract;
using Xunit;

namespace Readout.Tests.Export.Contract;

/// <summary>
/// Pins the export contract (issue 14). The golden files hold, byte for byte, what the exports (and, for the list
/// rows, the API) wrote for pipeline and store objects with every field set before the contract types existed; the
/// contract must keep writing exactly that.
/// A change here is a change for every user of the exports and the API: make it on purpose, in the README too.
/// </summary>
public sealed class ContractTests
{
    private static readonly Type[] ContractTypes = typeof(InteractionRecord).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == typeof(InteractionRecord).Namespace && t != typeof(ExportJson))
        .OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();

    internal static string Golden(string name) =>
        File.ReadAllText(Path.Combine(TestPipeline.RepoRoot, "tests", "Readout.Tests", "Export", "Contract", "Golden", name), Encoding.UTF8).TrimEnd('\n');

    [Fact]
    public void A_full_interaction_record_is_written_as_the_golden_file()
    {
        Assert.Equal(Golden("interaction.json"), ExportJson.Serialize(InteractionRecord.From(ContractSamples.FullInteraction())));
        var w = new StringWriter();
        JsonlExporter.Write([ContractSamples.FullInteraction()], w);
        Assert.Equal(Golden("interaction.json") + "\n", w.ToString());
    }

    [Fact]
    public void A_full_statement_is_written_as_the_golden_file()
    {
        Assert.Equal(Golden("statement.json"), ExportJson.Serialize(StatementRecord.From(ContractSamples.FullStatement())));
        var w = new StringWriter { NewLine = "\n" };
        StatementExporter.WriteJsonl([ContractSamples.FullStatement()], w);
        Assert.Equal(Golden("statement.json") + "\n", w.ToString());
    }

    [Fact]
    public void A_full_figure_is_written_as_the_golden_file_with_its_report_under_source()
    {
        const string Uri = "https://example.org/a?x=1&y=2";
        Assert.Equal(Golden("figure.json"), ExportJson.Serialize(FigureRecord.From(ContractSamples.FullFigure(), Uri)));
        var w = new StringWriter { NewLine = "\n" };
        FigureExporter.WriteJsonl([(ContractSamples.FullFigure(), Uri)], w);
        Assert.Equal(Golden("figure.json") + "\n", w.ToString());
    }

    /// <summary>
    /// The options the server writes its answers with: ASP.NET's for HTTP JSON (web defaults with the relaxed encoder, so
    /// non-ASCII and HTML-significant characters are written as they are), snake_case as ReadoutServer sets them.
    /// </summary>
    private static readonly JsonSerializerOptions ServerJson = new(new Microsoft.AspNetCore.Http.Json.JsonOptions().SerializerOptions)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    [Fact]
    public void List_rows_are_written_as_the_golden_file()
    {
        // the rows of /api/interactions, /api/actors/{name} and /api/dyads, byte for byte as the server writes them
        // (non-ASCII and HTML-significant characters as they are): the golden file is what it wrote before the contract had them
        var rows = ContractSamples.Summaries().Select(InteractionSummaryRecord.From).ToList();
        Assert.Equal(Golden("interaction-summary.json"), string.Join("\n", rows.Select(r => JsonSerializer.Serialize(r, ServerJson))));
        // and under any other policy the keys, their order and the values stay the contract's
        var kebab = new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.KebabCaseUpper };
        foreach (var (row, line) in rows.Zip(Golden("interaction-summary.json").Split('\n')))
        {
            var golden = JsonDocument.Parse(line).RootElement;
            Assert.Equal(Keys(golden), Keys(JsonSerializer.SerializeToElement(row, kebab)));
            Assert.True(JsonElement.DeepEquals(golden, JsonSerializer.SerializeToElement(row, kebab)));
        }
    }

    [Fact]
    public void The_contract_types_are_the_expected_sealed_records()
    {
        Assert.Equal(
            ["ActorRecord", "ConfidenceFactorRecord", "EvidenceRecord", "FieldConflictRecord", "FieldSupportRecord", "FigureRecord", "InteractionRecord",
             "InteractionSummaryRecord", "LocationRecord", "MachineValueRecord", "PloverRecord", "ReviewEntryRecord", "ReviewRecord",
             "SourceRecord", "SpeakerRecord", "StatementRecord"],
            ContractTypes.Select(t => t.Name));
        foreach (var t in ContractTypes)
        {
            Assert.True(t.IsSealed, $"{t.Name} is not sealed");
            Assert.NotNull(t.GetMethod("<Clone>$"));   // a record
        }
    }

    [Fact]
    public void Every_public_property_of_the_contract_names_its_key_and_its_place()
    {
        foreach (var t in ContractTypes)
        {
            var properties = t.GetProperties(BindingFlags.Public | BindingFlags.Instance);
            Assert.NotEmpty(properties);
            foreach (var p in properties)
            {
                var name = p.GetCustomAttribute<JsonPropertyNameAttribute>();
                Assert.True(name is not null, $"{t.Name}.{p.Name} has no [JsonPropertyName]: a rename in C# would change the wire");
                Assert.Matches("^[a-z][a-z0-9_]*$", name!.Name);
                Assert.True(p.GetCustomAttribute<JsonPropertyOrderAttribute>() is not null, $"{t.Name}.{p.Name} has no [JsonPropertyOrder]");
            }
            var orders = properties.Select(p => p.GetCustomAttribute<JsonPropertyOrderAttribute>()!.Order).Order().ToList();
            Assert.Equal(Enumerable.Range(0, properties.Length), orders);   // 0..n-1, each once
            Assert.Equal(properties.Length, properties.Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name).Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void The_contract_holds_no_pipeline_type()
    {
        // a property of a pipeline type (an Extract.Actor, a Reviews.ReviewState) would carry its C# names onto the wire
        foreach (var t in ContractTypes)
            foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                foreach (var used in Flatten(p.PropertyType))
                    Assert.True(used.Namespace is "System" or "System.Collections.Generic" || ContractTypes.Contains(used),
                        $"{t.Name}.{p.Name} is of {used.FullName}, not a contract type");
    }

    private static IEnumerable<Type> Flatten(Type t) =>
        t.IsGenericType ? t.GetGenericArguments().SelectMany(Flatten).Prepend(t.GetGenericTypeDefinition()) : [t];

    [Fact]
    public void The_keys_do_not_depend_on_the_callers_naming_policy()
    {
        // the server writes with its own options (ASP.NET's web defaults): the keys and their order must be the contract's all the same
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.KebabCaseUpper };
        var record = InteractionRecord.From(ContractSamples.FullInteraction());
        Assert.Equal(Keys(JsonDocument.Parse(Golden("interaction.json")).RootElement), Keys(JsonSerializer.SerializeToElement(record, web)));
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(Golden("interaction.json")).RootElement, JsonSerializer.SerializeToElement(record, web)));
    }

    private static List<string> Keys(JsonElement e)
    {
        var keys = new List<string>();
        void Walk(JsonElement x, string path)
        {
            if (x.ValueKind == JsonValueKind.Object)
                foreach (var p in x.EnumerateObject()) { keys.Add(path + "/" + p.Name); Walk(p.Value, path + "/" + p.Name); }
            else if (x.ValueKind == JsonValueKind.Array)
                foreach (var (item, k) in x.EnumerateArray().Select((item, k) => (item, k))) Walk(item, path + "/" + k);
        }
        Walk(e, "");
        return keys;
    }

    [Fact]
    public void The_csv_actor_columns_follow_the_contracts_actor()
    {
        Assert.Equal(["name", "country", "role", "organisation", "name_as_written", "kb_id"], RecordFields.ActorFields);
        var guterres = ContractSamples.FullInteraction().Participants[1];
        Assert.Equal(["António Guterres", null, "official", "UN", "Guterres", "Q311440"], RecordFields.ActorCells(guterres));
    }
}
