using Readout.Store;
using Xunit;
using static Readout.Tests.Store.StoreFixtures;

namespace Readout.Tests.Store;

/// <summary>The server's cached list totals and dyad summaries: shared by readers, read again once a report is stored.</summary>
public sealed class CountCacheTests
{
    [Fact]
    public void A_cached_total_is_reused_until_a_report_is_stored_and_then_counted_again()
    {
        var ct = TestContext.Current.CancellationToken;
        using var tmp = new TempDb();
        var cache = new CountCache();
        var all = new InteractionQuery(InteractionFilter.All, null, InteractionSort.DateAscending, 0, 10);
        using (var store = new SqliteStore(tmp.Path)) store.SaveDocument(Report("a", Texts[0], Interaction("a-1", "2024-09-04")));
        using (var reader = SqliteStore.OpenReader(tmp.Path, cache))
        {
            Assert.Equal(1, reader.ListInteractions(all, ct).Total);
            Assert.Equal(1, reader.GetDyad("RUS", "TUR", 10, ct).Total);
        }

        using (var store = new SqliteStore(tmp.Path)) store.SaveDocument(Report("b", Texts[1], Interaction("b-1", "2023-01-02")));
        using (var reader = SqliteStore.OpenReader(tmp.Path, cache))
        {
            var page = reader.ListInteractions(all, ct);
            Assert.Equal(2, page.Total);
            Assert.Equal(2, page.Items.Count);
            Assert.Equal(2, reader.GetDyad("RUS", "TUR", 10, ct).Total);
        }
    }

    [Fact]
    public void The_cache_counts_once_per_key_and_version()
    {
        var cache = new CountCache();
        var calls = 0;
        int Count() { calls++; return 7; }
        Assert.Equal(7, cache.GetOrCount("q", 1, Count));
        Assert.Equal(7, cache.GetOrCount("q", 1, Count));
        Assert.Equal(1, calls);
        Assert.Equal(7, cache.GetOrCount("q", 2, Count));
        Assert.Equal(7, cache.GetOrCount("other", 2, Count));
        Assert.Equal(3, calls);
    }
}
