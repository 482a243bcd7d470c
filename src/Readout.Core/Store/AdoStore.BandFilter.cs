using System.Data.Common;
using System.Globalization;
using Readout.Fuse;

namespace Readout.Store;

/// <summary>
/// The band keys of the stored reports, held in memory while a write group ingests in bulk, so that finding a report's
/// family asks the database only when two or more of its keys may be stored (<see cref="BandFilter"/>). The candidates
/// are the database's in every case: the filter holds every key of the band table (read whole when it is made) and every
/// key filed since, and it is dropped as soon as another connection has committed anything (SQLite's data version).
/// </summary>
public abstract partial class AdoStore
{
    /// <summary>Family lookups in write groups between two decisions whether to make the filter.</summary>
    private const int BandFilterCheckEvery = 256;

    /// <summary>
    /// The filter is made only once the group has looked up, since the last one was made, at least this share of the
    /// stored reports (1/8): reading every key of a large store costs more than the lookups of a short ingest into it.
    /// </summary>
    private const int BandFilterStoreShare = 8;

    /// <summary>Reports the filter has room for at least (its size, 2 × 16 keys a report: 512 KB).</summary>
    private const int BandFilterMinReports = 8192;

    private BandFilter? _bandFilter;
    private DbTransaction? _versionReadIn;
    private long? _version;
    private long _bandFilterVersion;
    private long _lookupsSinceFilterMade;
    private long _nextBandFilterDecision = BandFilterCheckEvery;

    /// <summary>
    /// A number that changes whenever another connection commits a change to the database, or null where the store
    /// cannot tell (then no filter is kept). SQLite: <c>PRAGMA data_version</c>.
    /// </summary>
    private protected virtual long? OtherWritersVersion(DbTransaction tx) => null;

    /// <summary>
    /// The filter for a family lookup in <paramref name="tx"/>, or null where the database is to be asked: outside a
    /// write group, before the group has looked up enough reports, or where the store cannot see other writers.
    /// </summary>
    private BandFilter? BandFilterFor(DbTransaction tx)
    {
        if (!ReferenceEquals(tx, _groupTx)) return null;
        // read once a transaction: while this one holds the write lock no other connection commits
        if (!ReferenceEquals(tx, _versionReadIn)) (_versionReadIn, _version) = (tx, OtherWritersVersion(tx));
        if (_version is not { } version) return null;
        _lookupsSinceFilterMade++;
        if (_bandFilter is { } kept)
        {
            if (version == _bandFilterVersion && !kept.Full) return kept;
            _bandFilter = null;   // another connection wrote, or more keys came than it was sized for: made again below
        }
        if (_lookupsSinceFilterMade < _nextBandFilterDecision) return null;
        _nextBandFilterDecision = _lookupsSinceFilterMade + BandFilterCheckEvery;
        var stored = Convert.ToInt64(Scalar(tx, "SELECT COALESCE(MAX(id), 0) FROM documents"), CultureInfo.InvariantCulture);
        if (stored > _lookupsSinceFilterMade * BandFilterStoreShare) return null;
        // room for the keys stored and as many again before it is full
        var capacity = 2L * NearDuplicates.Bands * Math.Max(stored, BandFilterMinReports);
        if (capacity > BandFilter.MaxCapacity) return null;
        var filter = new BandFilter(capacity);
        using (var all = Cmd(tx, "SELECT band_key FROM document_bands"))
        using (var r = all.ExecuteReader())
            while (r.Read()) filter.Add(r.GetInt64(0));
        (_lookupsSinceFilterMade, _nextBandFilterDecision) = (0, BandFilterCheckEvery);
        (_bandFilter, _bandFilterVersion) = (filter, version);
        return filter;
    }
}
