using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Readout.Extract;
using Readout.Ingest;
using Readout.Store;
using Xunit;

namespace Readout.Tests.Store;

/// <summary>
/// Issue 13: the store serialises the records with metadata generated at build time, not by reflection; the JSON it
/// writes must stay the reflection serialiser's, byte for byte, or stored and exported records would change.
/// </summary>
public sealed class RecordJsonTests
{
    private static readonly JsonSerializerOptions ByReflection = new(RecordJson.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    [Fact]
    public void Issue13_records_are_serialised_with_generated_metadata()
    {
        foreach (var type in new[] { typeof(Interaction), typeof(Statement), typeof(Figure) })
            Assert.IsAssignableFrom<JsonSerializerContext>(RecordJson.Options.GetTypeInfo(type).OriginatingResolver);
    }

    [Fact]
    public void Issue13_the_generated_serialiser_writes_what_reflection_wrote_for_the_seed_and_dev_reports()
    {
        var pipeline = TestPipeline.Instance;
        var reader = new InputReader();
        var ct = TestContext.Current.CancellationToken;
        int interactions = 0, statements = 0, figures = 0;
        foreach (var folder in new[] { "seeds", "dev" })
            foreach (var file in Directory.EnumerateFiles(TestPipeline.Shared("corpus", folder), "*.txt").Order(StringComparer.Ordinal))
                foreach (var item in reader.ReadAll(file))
                {
                    var result = pipeline.Process(item.Document ?? throw item.Error!, ct);
                    foreach (var i in result.Interactions)
                    {
                        Assert.Equal(JsonSerializer.Serialize(i, ByReflection), RecordJson.Serialize(i));
                        Assert.Equal(JsonSerializer.Serialize(i, ByReflection), RecordJson.Serialize(RecordJson.Deserialize(RecordJson.Serialize(i))));
                        interactions++;
                    }
                    foreach (var s in result.Statements)
                    {
                        Assert.Equal(JsonSerializer.Serialize(s, ByReflection), JsonSerializer.Serialize(s, RecordJson.Options));
                        statements++;
                    }
                    foreach (var f in result.Figures)
                    {
                        Assert.Equal(JsonSerializer.Serialize(f, ByReflection), JsonSerializer.Serialize(f, RecordJson.Options));
                        figures++;
                    }
                }
        Assert.True(interactions > 10 && statements > 100 && figures > 0, $"{interactions} interactions, {statements} statements, {figures} figures");
    }
}
