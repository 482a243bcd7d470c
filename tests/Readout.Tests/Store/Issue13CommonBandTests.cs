using Readout.Fuse;
using Readout.Pipeline;
using Xunit;
using static Readout.Tests.Store.StoreFixtures;

namespace Readout.Tests.Store;

/// <summary>
/// Issue 13: a near-duplicate band common to hundreds of reports (boilerplate) is no longer read whole for every
/// report, yet a copy that shares only that band and one other, or only two such bands, is still found.
/// </summary>
public sealed class Issue13CommonBandTests
{
    public static TheoryData<string> Backends => TestDb.Backends;

    /// <summary>More reports under one band than the store reads of a report's lists at first (512 rows).</summary>
    private const int Crowd = 600;

    [Theory, MemberData(nameof(Backends))]
    public void Issue13_a_copy_sharing_one_common_band_and_one_other_joins_the_family(string backend) =>
        CopyIsFound(backend, commonBands: 1, sharedBand: 5);

    [Theory, MemberData(nameof(Backends))]
    public void Issue13_a_copy_sharing_only_two_common_bands_joins_the_family(string backend) =>
        CopyIsFound(backend, commonBands: 2, sharedBand: null);

    /// <summary>
    /// <see cref="Crowd"/> unrelated reports share the first <paramref name="commonBands"/> bands; a copy of the last report
    /// shares those bands with it, <paramref name="sharedBand"/> whole, and three of the four values of every other
    /// band (similarity 0.78, above the copy threshold), so only the bands named make it a candidate.
    /// </summary>
    private static void CopyIsFound(string backend, int commonBands, int? sharedBand)
    {
        var random = new Random(13);
        ulong Value() => (ulong)random.NextInt64(1, long.MaxValue);
        var boilerplate = Enumerable.Range(0, commonBands * NearDuplicates.RowsPerBand).Select(_ => Value()).ToArray();
        ulong[] Signature()
        {
            var sig = Enumerable.Range(0, NearDuplicates.Hashes).Select(_ => Value()).ToArray();
            boilerplate.CopyTo(sig, 0);
            return sig;
        }

        var last = Signature();
        var copy = last.ToArray();
        for (var band = commonBands; band < NearDuplicates.Bands; band++)
            if (band != sharedBand) copy[band * NearDuplicates.RowsPerBand] = Value();
        Assert.True(NearDuplicates.Similarity(last, copy) >= NearDuplicates.CopyThreshold);
        var keys = NearDuplicates.BandKeys(last).Intersect(NearDuplicates.BandKeys(copy)).Count();
        Assert.Equal(commonBands + (sharedBand is null ? 0 : 1), keys);

        using var tmp = TestDb.Create(backend);
        using var store = tmp.Open();
        var crowd = Enumerable.Range(0, Crowd).Select(n => Signed($"crowd{n}", Signature())).ToList();
        foreach (var batch in crowd.Chunk(50)) store.SaveDocuments(batch);
        store.SaveDocument(Signed("copy", copy));
        store.SaveDocument(Signed("last", last));

        var family = Assert.Single(store.Families(), f => f.Uris.Contains("last.txt"));
        Assert.Equal(["copy.txt", "last.txt"], family.Uris.Order(StringComparer.Ordinal));
        Assert.Equal(Crowd + 1, store.Families().Count);
    }
}
