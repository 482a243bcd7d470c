using Readout.Documents;
using Readout.Store;
using Xunit;
using static Readout.Tests.Store.StoreFixtures;

namespace Readout.Tests.Store;

/// <summary>
/// Issue 13: a write group keeps one transaction open across batches, so a bulk ingest commits about once a second
/// instead of once per batch; nothing of it is stored before its commit, and a report that cannot be stored still
/// leaves nothing behind.
/// </summary>
public sealed class Issue13WriteGroupTests
{
    public static TheoryData<string> Backends => TestDb.Backends;

    [Fact]
    public void Issue13_a_write_group_stores_nothing_before_its_commit_and_its_store_reads_what_it_wrote()
    {
        using var tmp = TestDb.Create(TestDb.Sqlite);
        using var store = tmp.Open();
        var ct = TestContext.Current.CancellationToken;
        using (var group = store.BeginWriteGroup())
        {
            store.SaveDocuments([Report("h1", Texts[0], Interaction("i1", "2024-09-01")), Report("h2", Texts[1], Interaction("i2", "2024-09-02"))], ct);
            store.SaveDocument(Report("h3", Texts[2], Interaction("i3", "2024-09-03")), ct);

            Assert.True(store.HasDocument("h1") && store.HasDocument("h3"));   // the group's own reads see its writes
            Assert.Equal(0, tmp.Rows("documents"));                            // another connection sees nothing yet
            group.Commit();
            Assert.Equal(3, tmp.Rows("documents"));
            Assert.Equal((3, 3), store.Counts());

            store.SaveDocuments([Report("h4", Texts[3], Interaction("i4", "2024-09-04"))], ct);
            Assert.True(store.HasDocument("h4"));
        }   // disposed without a commit: h4 is dropped

        Assert.False(store.HasDocument("h4"));
        Assert.Equal(3, tmp.Rows("documents"));
        Assert.Equal(3, tmp.Rows("interactions"));
        using var next = store.BeginWriteGroup();   // the store takes a new group once the last one is disposed
        store.SaveDocuments([Report("h4", Texts[3], Interaction("i4", "2024-09-04"))], ct);
        next.Commit();
        Assert.Equal(4, tmp.Rows("documents"));
    }

    [Theory, MemberData(nameof(Backends))]
    public void Issue13_in_a_write_group_a_report_that_cannot_be_stored_leaves_nothing_and_the_others_are_stored(string backend)
    {
        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        using var group = store.BeginWriteGroup();
        var bad = Report("h2", Texts[1], Interaction("i2", "2024-09-02"), Interaction("", "2024-09-03"));   // an interaction without an id

        var first = store.SaveDocuments([Report("h1", Texts[0], Interaction("i1", "2024-09-01")), bad, Report("h3", Texts[2], Interaction("i3", "2024-09-04"))],
            TestContext.Current.CancellationToken);
        var second = store.SaveDocuments([Report("h4", Texts[3], Interaction("i4", "2024-09-05"))], TestContext.Current.CancellationToken);
        // PostgreSQL, where writers share the database, commits every batch at once
        Assert.Equal(backend == TestDb.Postgres ? 3 : 0, tmp.Rows("documents"));
        group.Commit();

        Assert.Equal([true, false, true, true], first.Concat(second).Select(o => o.Stored));
        Assert.Equal(ErrorCodes.Store, first[1].Error?.Code);
        Assert.Contains("h2", first[1].Error!.Message, StringComparison.Ordinal);
        Assert.False(store.HasDocument("h2"));
        Assert.Equal(3, tmp.Rows("documents"));
        Assert.Equal(3, tmp.Rows("interactions"));   // i2 of the failing report is not there either
    }

    [Fact]
    public void Issue13_a_report_failing_in_a_later_batch_of_a_group_leaves_the_earlier_batches_written_and_nothing_of_itself()
    {
        // batches are written without savepoints; a failure rolls the whole group back and writes its reports again
        using var tmp = TestDb.Create(TestDb.Sqlite);
        using var store = (SqliteStore)tmp.Open();
        var ct = TestContext.Current.CancellationToken;
        var bad = Report("h3", Texts[2], Interaction("i3", "2024-09-03"), Interaction("", "2024-09-04"));   // fails after its report row and i3 are written
        using (var group = store.BeginWriteGroup())
        {
            var first = store.SaveDocuments([Report("h1", Texts[0], Interaction("i1", "2024-09-01")), Report("h2", Texts[1], Interaction("i2", "2024-09-02"))], ct);
            var second = store.SaveDocuments([bad, Report("h4", Texts[3], Interaction("i4", "2024-09-05"))], ct);
            var third = store.SaveDocuments([Report("h1", Texts[0], Interaction("i1", "2024-09-01")), Report("h5", Texts[4], Interaction("i5", "2024-09-06"))], ct);
            group.Commit();

            Assert.Equal([true, true, false, true, false, true], first.Concat(second).Concat(third).Select(o => o.Stored));
            Assert.Equal(ErrorCodes.Store, second[0].Error?.Code);
            Assert.All(first.Concat(third).Append(second[1]), o => Assert.Null(o.Error));
        }

        Assert.Equal(4, tmp.Rows("documents"));
        Assert.Equal(4, tmp.Rows("interactions"));   // i3, written before its report failed, is gone with it
        Assert.False(store.HasDocument("h3"));
        Assert.Equal(0, store.SearchText("exchanged greetings", 0, 10, ct).Total);   // h3's text
        Assert.Equal(1, store.SearchText("grain exports", 0, 10, ct).Total);         // h1, of the batch before the failure
        Assert.Equal(4L, tmp.Rows("documents_fts_docsize"));
        tmp.Scalar("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)");
    }

    [Fact]
    public void Issue13_a_write_group_indexes_for_search_exactly_the_reports_it_commits()
    {
        using var tmp = TestDb.Create(TestDb.Sqlite);
        using var store = (SqliteStore)tmp.Open();
        var ct = TestContext.Current.CancellationToken;
        var bad = Report("h2", Texts[1], Interaction("i2", "2024-09-02"), Interaction("", "2024-09-03"));   // an interaction without an id
        using (var group = store.BeginWriteGroup())
        {
            // the batch is rolled back and written again report by report: h3 takes the row h2 had for a moment
            store.SaveDocuments([Report("h1", Texts[0], Interaction("i1", "2024-09-01")), bad, Report("h3", Texts[2], Interaction("i3", "2024-09-04"))], ct);
            group.Commit();
            store.SaveDocuments([Report("h4", Texts[3], Interaction("i4", "2024-09-05"))], ct);
        }   // disposed without a commit: h4 is dropped, and so is its place in the index

        Assert.Equal(1, store.SearchText("grain exports", 0, 10, ct).Total);        // h1
        Assert.Equal(0, store.SearchText("Black Sea corridor", 0, 10, ct).Total);   // h2, not stored
        Assert.Equal(1, store.SearchText("exchanged greetings", 0, 10, ct).Total);  // h3
        Assert.Equal(0, store.SearchText("personal rapport", 0, 10, ct).Total);     // h4, not committed
        Assert.Equal(2L, tmp.Rows("documents_fts_docsize"));

        using (var group = store.BeginWriteGroup())
        {
            store.SaveDocuments([Report("h4", Texts[3], Interaction("i4", "2024-09-05")), Report("h5", Texts[4], Interaction("i5", "2024-09-06"))], ct);
            store.SaveDocument(Report("h2", Texts[1], Interaction("i2", "2024-09-02")), ct);
            group.Commit();
        }
        Assert.Equal(1, store.SearchText("personal rapport", 0, 10, ct).Total);
        Assert.Equal(1, store.SearchText("Black Sea corridor", 0, 10, ct).Total);
        Assert.Equal(1, store.SearchText("direct flights", 0, 10, ct).Total);
        Assert.Equal(5L, tmp.Rows("documents_fts_docsize"));
        // FTS5's own check that the index holds exactly the rows of its content table, no more and no fewer
        tmp.Scalar("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)");
    }

    [Fact]
    public void Issue13_saving_one_report_in_a_write_group_fails_with_its_error_once()
    {
        using var tmp = TestDb.Create(TestDb.Sqlite);
        using var store = tmp.Open();
        using var group = store.BeginWriteGroup();
        var bad = Report("h2", Texts[1], Interaction("i2", "2024-09-02"), Interaction("", "2024-09-03"));   // an interaction without an id

        var e = Assert.Throws<ReadoutException>(() => store.SaveDocument(bad, TestContext.Current.CancellationToken));

        Assert.Equal(ErrorCodes.Store, e.Code);
        Assert.StartsWith("RO2001 h2.txt: cannot be stored: an interaction has no id", e.Message, StringComparison.Ordinal);
        Assert.False(store.HasDocument("h2"));
    }

    [Fact]
    public void Issue13_only_one_write_group_is_open_at_a_time()
    {
        using var tmp = TestDb.Create(TestDb.Sqlite);
        using var store = tmp.Open();
        using var group = store.BeginWriteGroup();
        Assert.Throws<InvalidOperationException>(() => store.BeginWriteGroup());
    }
}
