using System.Text.RegularExpressions;

namespace Readout.Store;

/// <summary>
/// The words of a full-text query, bounded: each word once (ignoring case), at most
/// <see cref="MaxWords"/> of them, each at most <see cref="MaxWordLength"/> characters. Every word is a
/// phrase the index must intersect, so twenty repetitions of "the" cost twenty scans of its longest list;
/// a query is about something in a few words.
/// </summary>
public static partial class SearchWords
{
    public const int MaxWords = 8;
    public const int MaxWordLength = 64;

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    public static IReadOnlyList<string> Of(string? query)
    {
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Word().Matches(query ?? ""))
        {
            var w = m.Value.Length > MaxWordLength ? m.Value[..MaxWordLength] : m.Value;
            if (!seen.Add(w)) continue;
            words.Add(w);
            if (words.Count == MaxWords) break;
        }
        return words;
    }
}
