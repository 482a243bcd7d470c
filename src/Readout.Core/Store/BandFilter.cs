namespace Readout.Store;

/// <summary>
/// Which near-duplicate band keys a store may hold: a Bloom filter (16 bits a key, two probes, about 1.4% of absent
/// keys answered "may hold"), never answering "does not hold" for a key added to it. A write group's family lookup asks
/// it before the database (see <c>AdoStore.BandFilterFor</c>): most wires share no band with any stored report, and
/// looking their sixteen keys up in the band table took a fifth of SQLite's time in a Reuters ingest.
/// </summary>
public sealed class BandFilter
{
    /// <summary>Bits of the filter per key it is sized for.</summary>
    private const int BitsPerKey = 16;

    private readonly ulong[] _words;
    private readonly uint _mask;

    /// <param name="capacity">Keys the filter is sized for; past them it reports itself <see cref="Full"/>.</param>
    public BandFilter(long capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, MaxCapacity);
        Capacity = capacity;
        var bits = Math.Max(1UL << 16, System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)(capacity * BitsPerKey)));
        _words = new ulong[bits / 64];
        _mask = (uint)(bits - 1);
    }

    /// <summary>The most keys a filter is made for: 2^27 keys, 256 MB.</summary>
    public const long MaxCapacity = 1L << 27;

    public long Capacity { get; }

    /// <summary>Keys added, counting repeats.</summary>
    public long Count { get; private set; }

    /// <summary>More keys added than the filter was sized for: its answers of "may hold" grow common.</summary>
    public bool Full => Count > Capacity;

    public void Add(long key)
    {
        Count++;
        var h = Mix(key);
        Set((uint)h);
        Set((uint)(h >> 32));
    }

    /// <summary>False only for a key never added.</summary>
    public bool MayHold(long key)
    {
        var h = Mix(key);
        return IsSet((uint)h) && IsSet((uint)(h >> 32));
    }

    // band keys are hashes already; the multiply spreads any that are not over both halves of the word
    private static ulong Mix(long key) => (ulong)key * 0x9E3779B97F4A7C15UL;

    private void Set(uint h)
    {
        var bit = h & _mask;
        _words[bit >> 6] |= 1UL << (int)(bit & 63);
    }

    private bool IsSet(uint h)
    {
        var bit = h & _mask;
        return (_words[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
    }
}
