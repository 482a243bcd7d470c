using System.Buffers.Binary;
using Readout.Lexicons;

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

    /// <summary>The MinHash signature of a text (all ones when it has fewer than four words).</summary>
    /// <remarks>
    /// The words are those of <see cref="PhraseMatcher{T}.Tokenize"/> that start with a letter or digit, folded
    /// (<see cref="Lexicon.Fold"/>); they are folded into one buffer rather than a string each, since every
    /// report's whole text goes through here.
    /// </remarks>
    public static ulong[] Signature(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new System.Text.StringBuilder(text.Length);
        var words = new List<(int Start, int Length)>();
        for (var token = new PhraseMatcher<object>.TokenBounds(text); token.MoveNext();)
        {
            if (!char.IsLetterOrDigit(text[token.Start])) continue;
            var start = folded.Length;
            Lexicon.FoldInto(text.AsSpan(token.Start, token.End - token.Start), folded);
            words.Add((start, folded.Length - start));
        }
        var chars = folded.ToString();
        var sig = new ulong[Hashes];
        Array.Fill(sig, ulong.MaxValue);
        for (int i = 0; i + 3 < words.Count; i++)
        {
            var shingle = 0xcbf29ce484222325UL;
            for (var w = i + 3; w >= i; w--) shingle = Fnv(chars.AsSpan(words[w].Start, words[w].Length), shingle);
            for (int k = 0; k < Hashes; k++)
            {
                var h = Mix(shingle ^ Seeds[k]);
                if (h < sig[k]) sig[k] = h;
            }
        }
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

    /// <summary>A 64-bit finaliser (splitmix64): good avalanche, so min-hashes behave as independent permutations.</summary>
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30; x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27; x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }
}
