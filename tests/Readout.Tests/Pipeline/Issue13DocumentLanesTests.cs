using Readout.Documents;
using Readout.Pipeline;
using Xunit;

namespace Readout.Tests.Pipeline;

/// <summary>
/// Issue 13: the document runner keeps its threads from one document to the next (a thread started per
/// document cost more than the pipeline on short wires), without giving up what a thread of its own gave:
/// work never runs on the caller's thread, and a thread whose work was given up on is never used again.
/// </summary>
public sealed class Issue13DocumentLanesTests
{
    private static RawDocument Raw(string origin) => new("https://example.org/r", "x", "text", "h") { Origin = origin };

    [Fact]
    public void Issue13_documents_run_one_after_another_share_one_thread_that_is_not_the_callers()
    {
        var runner = new DocumentRunner(TestPipeline.Instance, TimeSpan.FromSeconds(30), new ErrorLog(Path.GetTempFileName()));
        var caller = Environment.CurrentManagedThreadId;
        var threads = Enumerable.Range(0, 200).Select(n => runner.Run(Raw($"d#L{n}"), _ => Environment.CurrentManagedThreadId)).ToHashSet();
        Assert.Single(threads);
        Assert.DoesNotContain(caller, threads);
    }

    [Fact]
    public void Issue13_a_disposed_runner_ends_its_idle_threads_and_keeps_none_for_documents_run_after()
    {
        var runner = new DocumentRunner(TestPipeline.Instance, TimeSpan.FromSeconds(30), new ErrorLog(Path.GetTempFileName()));
        var kept = runner.Run(Raw("a#L1"), _ => Thread.CurrentThread);
        Assert.True(kept.IsAlive);
        runner.Dispose();
        Assert.True(kept.Join(TimeSpan.FromSeconds(10)), "the idle document thread is still running after Dispose");
        // still usable, but the thread it ran on is not kept
        var after = runner.Run(Raw("b#L2"), _ => Thread.CurrentThread);
        Assert.NotSame(kept, after);
        Assert.True(after.Join(TimeSpan.FromSeconds(10)), "a document run after Dispose left its thread parked");
    }

    [Fact]
    public void Issue13_parallel_callers_use_at_most_a_few_threads_each()
    {
        var runner = new DocumentRunner(TestPipeline.Instance, TimeSpan.FromSeconds(30), new ErrorLog(Path.GetTempFileName()));
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, byte>();
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n =>
            threads.TryAdd(runner.Run(Raw($"d#L{n}"), _ => { Thread.SpinWait(2000); return Environment.CurrentManagedThreadId; }), 0));
        // four callers at once need four lanes; a lane is handed back before its caller takes the next
        Assert.InRange(threads.Count, 1, 2 * Environment.ProcessorCount + 4);
    }

    [Fact]
    public void Issue13_a_thread_whose_work_was_given_up_on_is_not_used_again_and_the_next_document_runs()
    {
        var runner = new DocumentRunner(TestPipeline.Instance, TimeSpan.FromMilliseconds(200), new ErrorLog(Path.GetTempFileName()));
        var first = runner.Run(Raw("a#L1"), _ => Environment.CurrentManagedThreadId);
        using var release = new ManualResetEventSlim();
        var stuck = 0;
        var e = Assert.Throws<ReadoutException>(() => runner.Run(Raw("b#L2"), _ =>
        {
            stuck = Environment.CurrentManagedThreadId;
            release.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);   // ignores its token, as a stuck pattern would
            return 0;
        }));
        Assert.Equal(ErrorCodes.TooSlow, e.Code);
        Assert.Equal("b#L2", e.Document);
        Assert.Equal(first, stuck);
        var next = runner.Run(Raw("c#L3"), _ => Environment.CurrentManagedThreadId);
        Assert.NotEqual(stuck, next);
        release.Set();
    }

    [Fact]
    public void Issue13_an_exception_of_the_work_keeps_its_type_under_the_documents_error()
    {
        var runner = new DocumentRunner(TestPipeline.Instance, TimeSpan.FromSeconds(30), new ErrorLog(Path.GetTempFileName()));
        var e = Assert.Throws<ReadoutException>(() => runner.Run<int>(Raw("d#L4"), _ => throw new FormatException("bad")));
        Assert.Equal(ErrorCodes.Internal, e.Code);
        Assert.IsType<FormatException>(e.InnerException);
        Assert.Equal(7, runner.Run(Raw("d#L5"), _ => 7));   // the lane survives a failing document
    }
}
