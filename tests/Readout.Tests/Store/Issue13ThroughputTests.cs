using static Readout.Tests.TestPipeline;
using Readout.Documents;
using Readout.Extract;
using Readout.Fuse;
using Readout.Ingest;
using Readout.Pipeline;
using Readout.Store;
using Xunit;
using static Readout.Tests.Store.StoreFixtures;

namespace Readout.Tests.Store;

/// <summary>
/// Issue 13: batched writes, incremental fusion and parallel ingest give the records one-by-one ingest gives,
/// and a report that cannot be stored still leaves nothing half-written.
/// </summary>
public sealed class Issue13ThroughputTests
{
    private static string Json(IEnumerable<Interaction> records) =>
        string.Join("\n", records.Select(RecordJson.Serialize).Order(StringComparer.Ordinal));

    public static TheoryData<string> Backends => TestDb.Backends;

    [Theory, MemberData(nameof(Backends))]
    public void Issue13_a_batch_with_a_report_that_cannot_be_stored_stores_the_others_and_nothing_of_that_one(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        var good1 = Report("h1", Texts[0], Interaction("i1", "2024-09-01"));
        var bad = Report("h2", Texts[1], Interaction("i2", "2024-09-02"), Interaction("", "2024-09-03"));   // an interaction without an id
        var good2 = Report("h3", Texts[2], Interaction("i3", "2024-09-04"));

        var outcomes = store.SaveDocuments([good1, bad, good2], TestContext.Current.CancellationToken);

        Assert.Equal(3, outcomes.Count);
        Assert.True(outcomes[0].Stored && outcomes[0].Error is null);
        Assert.False(outcomes[1].Stored);
        Assert.Equal(ErrorCodes.Store, outcomes[1].Error?.Code);
        Assert.True(outcomes[2].Stored && outcomes[2].Error is null);
        Assert.True(store.HasDocument("h1") && store.HasDocument("h3"));
        Assert.False(store.HasDocument("h2"));
        Assert.Equal(2, tmp.Rows("interactions"));   // i2 of the failing report is not there either
        Assert.Equal((2, 2), store.Counts());
    }

    [Theory, MemberData(nameof(Backends))]
    public void Issue13_a_batch_stores_what_saving_one_by_one_stores_and_a_copy_within_it_is_already_known(string backend)
    {
        var reports = BlockReports();
        using var one = TestDb.Create(backend);
        using var batch = TestDb.Create(backend);
        using var a = one.Open();
        using var b = batch.Open();
        foreach (var r in reports) a.SaveDocument(r, TestContext.Current.CancellationToken);
        var outcomes = b.SaveDocuments([.. reports, reports[0]], TestContext.Current.CancellationToken);

        Assert.All(outcomes.Take(reports.Count), o => Assert.True(o.Stored));
        Assert.False(outcomes[^1].Stored);   // the same content twice in one batch: the second is already known
        Assert.Null(outcomes[^1].Error);
        Assert.Equal(Json(a.Query(InteractionFilter.All)), Json(b.Query(InteractionFilter.All)));
    }

    [Fact]
    public void Issue13_saving_reports_one_at_a_time_fuses_a_block_as_fusing_all_its_members_at_once_does()
    {
        // the store re-fuses only the parts of a block a new report joins; the result must be fusion of the whole block
        var reports = BlockReports();
        using var tmp = new TempDb();
        using var store = new SqliteStore(tmp.Path);
        foreach (var r in reports) store.SaveDocument(r, TestContext.Current.CancellationToken);
        var members = reports.SelectMany(r => r.Interactions).ToList();
        var whole = FusionEngine.FuseBlock(members, h => h).Select(f => f.Record).ToList();

        Assert.True(whole.Count >= 6, $"the block has records of several days, plans and partial days ({whole.Count})");
        Assert.Equal(Json(whole), Json(store.Query(InteractionFilter.All)));
    }

    [Fact]
    public void Issue13_fusing_each_part_of_a_block_alone_gives_the_records_of_fusing_the_block_whole()
    {
        var random = new Random(13);
        string[] dates = ["2024-03-15", "2023-03-15", "2024-03-16", "--03-15", "--03-16", "2024-03", "2024", "2024-04-15"];
        for (var trial = 0; trial < 300; trial++)
        {
            var members = new List<Interaction>();
            var count = random.Next(1, 12);
            for (var n = 0; n < count; n++)
            {
                var date = random.Next(8) == 0 ? null : dates[random.Next(dates.Length)];
                var i = Interaction($"i{trial}-{n}", date!, mode: random.Next(2) == 0 ? InteractionMode.Phone : InteractionMode.Video,
                    status: random.Next(4) == 0 ? InteractionStatus.Planned : InteractionStatus.Happened, hash: "h" + random.Next(5), uri: $"u{random.Next(5)}.txt");
                if (date is { Length: 10 } && random.Next(3) == 0) i = i with { DateCertainty = "inferred" };
                members.Add(i);
            }
            var whole = FusionEngine.FuseBlock(members, h => h).Select(f => f.Record);
            var byPart = members.GroupBy(m => FusionEngine.FusionPart(m.Status.Wire(), m.Date))
                .SelectMany(g => FusionEngine.FuseBlock(g.ToList(), h => h)).Select(f => f.Record);
            Assert.Equal(Json(whole), Json(byPart));
        }
    }

    [Fact]
    public void Issue13_parallel_ingest_stores_the_records_of_sequential_ingest_and_reports_in_input_order()
    {
        var reader = new InputReader();
        var failures = new List<InputFailure>();
        var docs = reader.Expand([Shared("corpus", "seeds"), Shared("corpus", "dev")], failures)
            .SelectMany(f => reader.ReadAll(f)).Where(i => i.Document is not null).Select(i => i.Document!).ToList();
        Assert.True(docs.Count >= 10, "the seeds and dev reports are there");
        var runner = new DocumentRunner(Instance, TextLimits.DocumentBudget, ErrorLog.Default());
        var ct = TestContext.Current.CancellationToken;

        using var seqDb = new TempDb();
        using var seq = new SqliteStore(seqDb.Path);
        foreach (var d in docs) seq.SaveDocument(runner.Process(d, ct), ct);

        // a read error and a repeated report in the middle; a small batch so that several batches are written
        var unreadable = new ReadoutException(ErrorCodes.Empty, "empty.txt", "the input is empty");
        var items = docs.Take(4).Select(d => new InputItem(d, null)).Append(new InputItem(null, unreadable))
            .Concat(docs.Skip(4).Select(d => new InputItem(d, null))).Append(new InputItem(docs[1], null)).ToList();
        using var parDb = new TempDb();
        using var par = new SqliteStore(parDb.Path);
        var outcomes = new List<(int Tag, IngestOutcome Outcome)>();
        new ParallelIngest(par, new IngestService(runner)) { BatchSize = 3, Workers = 2, InFlight = 8 }
            .Run(items.Select((item, n) => (item, n)), r => outcomes.Add((r.Tag, r.Outcome)), ct);

        Assert.Equal(Enumerable.Range(0, items.Count), outcomes.Select(o => o.Tag));
        Assert.Equal(IngestOutcome.Failed, outcomes[4].Outcome);
        Assert.Equal(IngestOutcome.Known, outcomes[^1].Outcome);
        Assert.Equal(docs.Count, outcomes.Count(o => o.Outcome == IngestOutcome.New));
        Assert.Equal(Json(seq.Query(InteractionFilter.All)), Json(par.Query(InteractionFilter.All)));

        // again over the same store: everything is already known, nothing is processed
        var again = new List<IngestOutcome>();
        new ParallelIngest(par, new IngestService(runner)).Run(docs.Select((d, n) => (new InputItem(d, null), n)), r => again.Add(r.Outcome), ct);
        Assert.All(again, o => Assert.Equal(IngestOutcome.Known, o));
    }

    [Fact]
    public void Issue13_the_ingest_reader_s_lookup_sees_what_is_committed_beside_an_open_write_group()
    {
        using var db = new TempDb();
        using IReadoutStore store = new SqliteStore(db.Path);
        var ct = TestContext.Current.CancellationToken;
        using var lookup = store.OpenLookup();
        Assert.NotNull(lookup);
        using (var group = store.BeginWriteGroup())
        {
            store.SaveDocuments([Report("h1", Texts[0], Interaction("i1", "2024-09-01"))], ct);
            // the writer sees its open group; the lookup, on a connection of its own, reads beside it without waiting
            Assert.True(store.HasDocument("h1"));
            Assert.False(lookup.HasDocument("h1"));
            group.Commit();
        }
        Assert.True(lookup.HasDocument("h1"));
        Assert.False(lookup.HasDocument("h2"));

        // none where another connection cannot see the data, nor for a store that only reads
        using IReadoutStore memory = new SqliteStore(":memory:");
        Assert.Null(memory.OpenLookup());
        using IReadoutStore readOnly = SqliteStore.OpenReader(db.Path);
        Assert.Null(readOnly.OpenLookup());
    }

    /// <summary>Reports of one block (the same two principals) on several days, with plans, partial and undated days.</summary>
    private static List<DocumentResult> BlockReports()
    {
        string?[] dates = ["2024-09-01", "2024-09-02", "--09-01", "2024-09-01", null, "2023-09-01", "--09-02", "2024-10-05", "2024-09-01"];
        // texts that share no four words, so that every report is a family of its own
        return dates.Select((d, n) => Report($"b{n}", string.Join(" ", Enumerable.Range(0, 40).Select(k => $"w{n}x{k}")),
            Interaction($"x{n}", d!, mode: n % 3 == 0 ? InteractionMode.Video : InteractionMode.Phone, status: n % 4 == 3 ? InteractionStatus.Planned : InteractionStatus.Happened))).ToList();
    }
}
