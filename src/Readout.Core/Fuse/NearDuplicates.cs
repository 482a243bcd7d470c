using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using Readout.Analyse;

namespace Readout.Fuse;

/// <summary>
/// Near-duplicate detection by MinHash over word 4-shingles of the clean text, with locality-sensitive
/// banding so that a new report is compared only with the few stored reports that share a band — never
/// with all of them. A republished wire story with an edited headline and a paragraph cut keeps most of
/// its shingles, so its estimated Jaccard similarity stays high.
/// </summary>
public static class NearDuplicates
{
    public const int Hashes = 64;
    public const int Bands = 16;
    public const int RowsPerBand = Hashes / Bands;
    /// <summary>Estimated Jaccard similarity from which two reports count as copies of one story.</summary>
    public const double CopyThreshold = 0.6;
    /// <summary>Bands two reports must share to be compared (a copy at the threshold shares two on average; closer copies many more).</summary>
    public const int MinSharedBands = 2;

    private static readonly ulong[] Seeds = Enumerable.Range(0, Hashes).Select(i => Mix((ulong)i * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL)).ToArray();
    private static readonly Vector256<ulong>[] SeedVectors =
        Enumerable.Range(0, Hashes / 4).Select(k => Vector256.Create(Seeds.AsSpan(k * 4, 4))).ToArray();

    /// <summary>The MinHash signature of a text (all ones when it has fewer than four words).</summary>
    public static ulong[] Signature(string text) => Signature(TokenLayer.Of(text));

    /// <summary>The MinHash signature of a document's words, from the token layer the pipeline made once.</summary>
    /// <remarks>The words are the tokens that start with a letter or digit, in their folded form.</remarks>
    public static ulong[] Signature(TokenLayer words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var tokens = words.List;
        var folded = words.Folded;
        var kept = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
            if (char.IsLetterOrDigit(tokens[i].Text[0])) kept.Add(folded[i]);
        // The 64 min-hashes are updated four at a time: the same arithmetic as Mix, lane by lane, so the signature
        // is exactly the scalar one (stored signatures stay comparable) at a fraction of the cost, which was most
        // of this step's time on long reports.
        Span<Vector256<ulong>> mins = stackalloc Vector256<ulong>[Hashes / 4];
        mins.Fill(Vector256<ulong>.AllBitsSet);
        for (int i = 0; i + 3 < kept.Count; i++)
        {
            var shingle = 0xcbf29ce484222325UL;
            for (var w = i + 3; w >= i; w--) shingle = Fnv(kept[w], shingle);
            var x = Vector256.Create(shingle);
            for (int k = 0; k < mins.Length; k++) mins[k] = Vector256.Min(mins[k], Mix(x ^ SeedVectors[k]));
        }
        var sig = new ulong[Hashes];
        for (int k = 0; k < mins.Length; k++) mins[k].CopyTo(sig, k * 4);
        return sig;
    }

    /// <summary>The keys of a signature's bands: two reports sharing any key are compared.</summary>
    public static long[] BandKeys(ulong[] sig)
    {
        var keys = new long[Bands];
        for (int b = 0; b < Bands; b++)
        {
            var h = (ulong)b * 0x100000001B3UL;
            for (int r = 0; r < RowsPerBand; r++) h = Mix(h ^ sig[b * RowsPerBand + r]);
            keys[b] = (long)h;
        }
        return keys;
    }

    public static double Similarity(ulong[] a, ulong[] b)
    {
        var same = 0;
        for (int k = 0; k < Hashes; k++) if (a[k] == b[k] && a[k] != ulong.MaxValue) same++;
        return (double)same / Hashes;
    }

    public static byte[] ToBytes(ulong[] sig)
    {
        var bytes = new byte[Hashes * 8];
        for (int k = 0; k < Hashes; k++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(k * 8), sig[k]);
        return bytes;
    }

    public static ulong[] FromBytes(byte[] bytes)
    {
        var sig = new ulong[Hashes];
        for (int k = 0; k < Hashes; k++) sig[k] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(k * 8));
        return sig;
    }

    private static ulong Fnv(ReadOnlySpan<char> s, ulong h)
    {
        foreach (var ch in s) { h ^= ch; h *= 0x100000001B3UL; }
        h ^= 0xff; h *= 0x100000001B3UL;   // word separator
        return h;
    }

    private static Vector256<ulong> Mix(Vector256<ulong> x)
    {
        x ^= Vector256.ShiftRightLogical(x, 30); x *= Vector256.Create(0xBF58476D1CE4E5B9UL);
        x ^= Vector256.ShiftRightLogical(x, 27); x *= Vector256.Create(0x94D049BB133111EBUL);
        x ^= Vector256.ShiftRightLogical(x, 31);
        return x;
    }

    /// <summary>A 64-bit finaliser (splitmix64): good avalanche, so min-hashes behave as independent permutations.</summary>
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30; x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27; x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }
}
