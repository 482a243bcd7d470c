using Readout.Fuse;
using Readout.Pipeline;
using Readout.Store;
using Xunit;
using static Readout.Tests.Store.StoreFixtures;

namespace Readout.Tests.Store;

/// <summary>
/// Issue 13: in a write group the family lookup first asks an in-memory filter of the stored band keys, and the database
/// only for a report two or more of whose keys may be stored. The families must be the database's in every case:
/// copies saved after the filter is made, copies of reports another connection stored meanwhile.
/// </summary>
public sealed class Issue13BandFilterTests
{
    /// <summary>Reports enough for a group to make its filter (it decides every 256 lookups).</summary>
    private const int Reports = 900;

    [Fact]
    public void Issue13_a_group_with_its_band_filter_finds_the_same_families_as_reports_saved_one_by_one()
    {
        var reports = Generated(new Random(13));
        var ct = TestContext.Current.CancellationToken;

        using var grouped = TestDb.Create(TestDb.Sqlite);
        using (var store = grouped.Open())
        using (var group = store.BeginWriteGroup())
        {
            foreach (var batch in reports.Chunk(32)) store.SaveDocuments(batch, ct);
            group.Commit();
        }
        using var single = TestDb.Create(TestDb.Sqlite);
        using (var store = single.Open())
            foreach (var report in reports) store.SaveDocument(report, ct);   // no group: no filter, every lookup asks the database

        using var a = grouped.Open();
        using var b = single.Open();
        var families = Families(a);
        Assert.Equal(Families(b), families);
        // every copy joined the report it copies (a third of the reports are copies)
        var inFamilies = families.Where(f => f.Count > 1).Sum(f => f.Count);
        Assert.True(inFamilies >= Reports / 3, $"only {inFamilies} reports in families of copies");
    }

    [Fact]
    public void Issue13_a_copy_of_a_report_another_connection_stored_after_the_filter_was_made_joins_its_family()
    {
        var random = new Random(7);
        var ct = TestContext.Current.CancellationToken;
        using var tmp = TestDb.Create(TestDb.Sqlite);
        using var ingest = tmp.Open();
        using var group = ingest.BeginWriteGroup();
        // unrelated reports: the group makes its filter among them
        foreach (var batch in Enumerable.Range(0, Reports).Select(n => Signed($"u{n}", Unrelated(random))).Chunk(32))
            ingest.SaveDocuments(batch, ct);
        group.Commit();

        var original = Unrelated(random);
        using (var other = tmp.Open()) other.SaveDocument(Signed("original", original), ct);   // another writer, between two commits
        ingest.SaveDocuments([Signed("copy", CopyOf(original, random))], ct);
        group.Commit();

        var family = Assert.Single(ingest.Families(), f => f.Uris.Contains("original.txt"));
        Assert.Equal(["copy.txt", "original.txt"], family.Uris.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Issue13_the_band_filter_never_misses_a_key_it_was_given_and_seldom_claims_one_it_was_not()
    {
        var random = new Random(1);
        const int capacity = 100_000;
        var filter = new BandFilter(capacity);
        var added = Enumerable.Range(0, capacity).Select(_ => random.NextInt64()).ToArray();
        foreach (var k in added) filter.Add(k);
        Assert.All(added, k => Assert.True(filter.MayHold(k)));
        Assert.False(filter.Full);
        var others = Enumerable.Range(0, capacity).Select(_ => random.NextInt64()).Count(filter.MayHold);
        Assert.InRange(others, 1, capacity * 3 / 100);   // about 1.4% at its capacity
        filter.Add(random.NextInt64());
        Assert.True(filter.Full);
    }

    /// <summary>Every third report a copy (similarity about 0.8) of one of the reports before it.</summary>
    private static List<DocumentResult> Generated(Random random)
    {
        var signatures = new List<ulong[]>();
        var reports = new List<DocumentResult>();
        for (var n = 0; n < Reports; n++)
        {
            var sig = n % 3 == 2 ? CopyOf(signatures[random.Next(signatures.Count)], random) : Unrelated(random);
            signatures.Add(sig);
            reports.Add(Signed($"r{n}", sig));
        }
        return reports;
    }

    private static ulong[] Unrelated(Random random) =>
        Enumerable.Range(0, NearDuplicates.Hashes).Select(_ => (ulong)random.NextInt64(1, long.MaxValue)).ToArray();

    /// <summary>The signature with one value in each band changed but a few: a copy sharing those few bands whole.</summary>
    private static ulong[] CopyOf(ulong[] original, Random random)
    {
        var copy = original.ToArray();
        var kept = Enumerable.Range(0, NearDuplicates.Bands).OrderBy(_ => random.Next()).Take(3).ToHashSet();
        for (var band = 0; band < NearDuplicates.Bands; band++)
            if (!kept.Contains(band)) copy[band * NearDuplicates.RowsPerBand] = (ulong)random.NextInt64(1, long.MaxValue);
        Assert.True(NearDuplicates.Similarity(original, copy) >= NearDuplicates.CopyThreshold);
        return copy;
    }

    private static List<List<string>> Families(IReadoutStore store) =>
        [.. store.Families().Select(f => f.Uris.Order(StringComparer.Ordinal).ToList()).OrderBy(f => f[0], StringComparer.Ordinal)];
}
