using Readout.Documents;
using Readout.Ingest;
using Readout.Pipeline;
using Readout.Store;
using Readout.Tests.Store;
using Xunit;

namespace Readout.Tests.Pipeline;

/// <summary>
/// Issue 13: a parallel ingest writes its batches into one transaction committed about once a second, and reports a
/// report (counted, shown in the progress) only once its commit is done, so what it counts is what is stored.
/// </summary>
public sealed class Issue13CommitBeforeReportTests : IDisposable
{
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    private static RawDocument Raw(string text, int n) =>
        new("https://example.org/" + n, text, "text", InputReader.Hash(text), Published: "2024-03-05") { Origin = "a.jsonl#L" + n };

    [Fact]
    public void Issue13_each_report_is_reported_once_another_connection_can_read_it()
    {
        var texts = Enumerable.Range(1, 9).Select(n =>
            $"MOSCOW, March {n} (Wire) - Russian President Vladimir Putin held a phone call with Turkish President Recep Tayyip Erdogan on Monday, the Kremlin said. Note {n}.").ToList();
        texts.Add(texts[2]);   // a copy within the run: known, from the group's own uncommitted write
        using var store = new SqliteStore(_db.Path);
        var ingest = new ParallelIngest(store, TestPipeline.Ingest(TimeSpan.FromSeconds(30)))
        {
            BatchSize = 2, CommitAfter = 4, CommitEvery = TimeSpan.FromHours(1),
        };
        var seen = new List<(int Tag, IngestOutcome Outcome, bool Readable)>();

        ingest.Run(texts.Select((t, n) => (new InputItem(Raw(t, n), null), n)), r =>
        {
            using var reader = SqliteStore.OpenReader(_db.Path);
            seen.Add((r.Tag, r.Outcome, reader.HasDocument(InputReader.Hash(texts[r.Tag]))));
        }, TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(0, 10), seen.Select(s => s.Tag));
        Assert.Equal([.. Enumerable.Repeat(IngestOutcome.New, 9), IngestOutcome.Known], seen.Select(s => s.Outcome));
        Assert.All(seen, s => Assert.True(s.Readable, $"report {s.Tag} was reported before its commit"));
    }
}
