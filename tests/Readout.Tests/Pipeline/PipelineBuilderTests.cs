using Readout.Documents;
using Readout.Ingest;
using Readout.Pipeline;
using Xunit;
using L = Readout.Pipeline.PipelineLayers;

namespace Readout.Tests.Pipeline;

/// <summary>Issue 14: the pipeline is a sequence of declared steps, checked once by the builder.</summary>
public sealed class PipelineBuilderTests
{
    private static readonly PipelineLayer<IReadOnlyList<string>> Topics = new("topics");

    private static readonly string[] DefaultNames =
    [
        "clean", "analyse: sentences", "analyse: frame", "analyse: tokens", "analyse: mentions", "analyse: dates", "analyse: transcript",
        "extract: interactions", "extract: statements", "extract: figures", "fuse: signature",
    ];

    private static ReadoutPipelineBuilder Defaults() =>
        new ReadoutPipelineBuilder(TestPipeline.Instance.Lexicon, TestPipeline.Instance.Codebook).UseDefaultSteps();

    private static RawDocument Raw(string text) => new("https://example.org/r", text, "text", InputReader.Hash(text), Published: "2024-03-05");

    private const string Report = "MOSCOW, March 4 (Wire) - Russian President Vladimir Putin held a phone call with Turkish President Recep Tayyip Erdogan on Monday, the Kremlin said.";

    [Fact]
    public void The_builder_rejects_a_step_whose_input_no_step_produces()
    {
        var step = new PipelineStep("extract: topics", [L.Sentences, Topics], [L.Statements], (_, _) => { });
        var defaults = TestPipeline.Instance.Steps;
        var e = Assert.Throws<ReadoutException>(() => new ReadoutPipelineBuilder(TestPipeline.Instance.Lexicon, TestPipeline.Instance.Codebook)
            .Add(defaults[0]).Add(defaults[1]).Add(step).Build());
        Assert.Equal(ErrorCodes.BadPipeline, e.Code);
        Assert.StartsWith("RO0004 pipeline: step 3 'extract: topics' requires 'topics', which no step before it produces", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_builder_rejects_a_step_placed_before_the_step_that_produces_its_input_and_says_which()
    {
        var steps = TestPipeline.Instance.Steps.ToList();
        var frame = steps.Single(s => s.Name == "analyse: frame");
        steps.Remove(frame);
        steps.Insert(steps.FindIndex(s => s.Name == "analyse: mentions") + 1, frame);
        var builder = new ReadoutPipelineBuilder(TestPipeline.Instance.Lexicon, TestPipeline.Instance.Codebook);
        foreach (var s in steps) builder.Add(s);
        var e = Assert.Throws<ReadoutException>(builder.Build);
        Assert.Equal(ErrorCodes.BadPipeline, e.Code);
        Assert.Contains("step 4 'analyse: mentions' requires 'frame', which no step before it produces (step 5 'analyse: frame' does: put it first)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_builder_rejects_a_layer_made_twice_a_name_used_twice_and_a_result_nobody_makes()
    {
        var twice = Assert.Throws<ReadoutException>(() => Defaults().Add(new PipelineStep("figures again", [L.Clean], [L.Figures], (_, _) => { })).Build());
        Assert.Contains("step 12 'figures again' produces 'figures', which step 10 'extract: figures' already produces", twice.Message, StringComparison.Ordinal);

        var name = Assert.Throws<ReadoutException>(() => Defaults().Add(new PipelineStep("clean", [L.Clean], [Topics], (_, _) => { })).Build());
        Assert.Contains("two steps are named 'clean' (steps 1 and 12)", name.Message, StringComparison.Ordinal);

        var builder = new ReadoutPipelineBuilder(TestPipeline.Instance.Lexicon, TestPipeline.Instance.Codebook);
        foreach (var s in TestPipeline.Instance.Steps.Where(s => s.Name != "extract: figures")) builder.Add(s);
        var missing = Assert.Throws<ReadoutException>(builder.Build);
        Assert.Contains("no step produces 'figures', which the pipeline's result needs", missing.Message, StringComparison.Ordinal);
        Assert.All(new[] { twice, name, missing }, e => Assert.Equal(ErrorCodes.BadPipeline, e.Code));
    }

    [Fact]
    public void The_default_pipeline_runs_its_steps_in_an_order_where_each_finds_what_it_requires()
    {
        var steps = TestPipeline.Instance.Steps;
        Assert.Equal(DefaultNames, steps.Select(s => s.Name));
        var made = new HashSet<PipelineLayer> { L.Raw };
        foreach (var step in steps)
        {
            Assert.All(step.Requires, layer => Assert.True(made.Contains(layer), $"'{step.Name}' requires '{layer}' before it is made"));
            Assert.All(step.Produces, layer => Assert.True(made.Add(layer), $"'{layer}' is made twice"));
        }
        Assert.All(L.Result.Concat(L.Analysed).Append(L.Signature), layer => Assert.Contains(layer, made));
        ReadoutPipelineBuilder.Validate(steps);   // and the builder agrees
    }

    [Fact]
    public void Bench_stages_are_the_step_names_in_order()
    {
        var times = new StageTimes();
        TestPipeline.Instance.Process(Raw(Report), times, TestContext.Current.CancellationToken);
        Assert.Equal(DefaultNames, times.Totals.Select(t => t.Stage));
        // every step makes at least its output; the bytes are this thread's, so none of them is negative
        Assert.All(times.Totals, a => Assert.True(a.Bytes >= 0, a.Stage));
        Assert.True(times.Totals.Sum(a => a.Bytes) > 0);
    }

    [Fact]
    public void An_inserted_step_runs_in_its_place_and_sees_only_what_it_declares()
    {
        var seen = new List<int>();
        var counting = new PipelineStep("analyse: topics", [L.Sentences], [Topics], (d, _) =>
        {
            seen.Add(d.Get(L.Sentences).Count);
            d.Set<IReadOnlyList<string>>(Topics, ["grain"]);
        });
        var pipeline = Defaults().InsertAfter("analyse: sentences", counting).Build();
        Assert.Equal("analyse: topics", pipeline.Steps[2].Name);
        var ct = TestContext.Current.CancellationToken;
        var result = pipeline.Process(Raw(Report), ct);
        Assert.Equal([1], seen);
        Assert.Equal(TestPipeline.Instance.Process(Raw(Report), ct).Interactions.Count, result.Interactions.Count);

        // Clean and Analyse run only the steps they need: the inserted step is not one of the clean stage's
        pipeline.Clean(Raw(Report), ct);
        Assert.Equal([1], seen);

        var sneaky = new PipelineStep("analyse: sneaky", [L.Sentences], [Topics], (d, _) => d.Set<IReadOnlyList<string>>(Topics, [d.Get(L.Frame).ToString()!]));
        var e = Assert.Throws<InvalidOperationException>(() => Defaults().Add(sneaky).Build().Process(Raw(Report), ct));
        Assert.Equal("step 'analyse: sneaky' reads 'frame' but does not require it", e.Message);

        var lazy = new PipelineStep("analyse: lazy", [L.Sentences], [Topics], (_, _) => { });
        var e2 = Assert.Throws<InvalidOperationException>(() => Defaults().Add(lazy).Build().Process(Raw(Report), ct));
        Assert.Equal("step 'analyse: lazy' declares that it produces 'topics' but did not", e2.Message);
    }

    [Fact]
    public void Inserting_after_a_step_that_does_not_exist_is_a_numbered_error()
    {
        var e = Assert.Throws<ReadoutException>(() => Defaults().InsertAfter("analyse: parse", new PipelineStep("x", [L.Clean], [Topics], (_, _) => { })));
        Assert.Equal(ErrorCodes.BadPipeline, e.Code);
        Assert.Contains("there is no step 'analyse: parse'", e.Message, StringComparison.Ordinal);
    }
}
