using System.Diagnostics;
using Readout.Documents;
using Readout.Extract;
using Readout.Ingest;
using Xunit;

namespace Readout.Tests.Extract;

/// <summary>
/// Issue 12: a page with no sentence stops (the fuzzer's: one report repeated 2,272 times on a single 553 KB line)
/// took 43 s of processor time in the interaction step, whose clause reading is quadratic in a sentence's length.
/// A "sentence" longer than <see cref="ExtractLimits.MaxSentenceLength"/> is not read for claims, as it is not
/// read for statements.
/// </summary>
public sealed class LongSentenceTests
{
    [Fact]
    public void Issue12_a_run_on_line_of_half_a_megabyte_is_read_in_seconds_and_claims_nothing()
    {
        const string clause = "President Biden met with President Macron of France in Paris on Monday, and they discussed Ukraine; ";
        var text = "Readout of a meeting\n\n" + string.Concat(Enumerable.Repeat(clause, 500_000 / clause.Length)) + "end.";
        var raw = new RawDocument("run-on.txt", text, "text", InputReader.Hash(text), Published: "2023-05-02");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = TestPipeline.Instance.Process(raw, TestContext.Current.CancellationToken);
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Assert.Empty(result.Interactions);
        // processor time, not the wall clock: generous for a loaded machine; before the bound this took minutes
        Assert.True(used < TimeSpan.FromSeconds(20), $"took {used.TotalSeconds:F1} s of processor time");
    }

    [Fact]
    public void A_sentence_just_under_the_bound_is_still_read()
    {
        var filler = string.Concat(Enumerable.Repeat("and the weather was mild ", 40));
        var sentence = "President Joe Biden met with President Emmanuel Macron of France in Paris on Monday " + filler.TrimEnd() + ".";
        Assert.True(sentence.Length < ExtractLimits.MaxSentenceLength);
        var raw = new RawDocument("near-bound.txt", sentence, "text", InputReader.Hash(sentence), Published: "2023-05-02");
        var result = TestPipeline.Instance.Process(raw, TestContext.Current.CancellationToken);
        Assert.Single(result.Interactions);
    }
}
