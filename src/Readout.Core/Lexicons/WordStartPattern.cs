using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Readout.Lexicons;

/// <summary>
/// A pattern every match of which begins a word with a letter (each of its alternatives opens with \b and a letter,
/// as "\b(?:in|during)\s+(?&lt;mo&gt;May)" does), found by trying it only where a word begins. Read as written, the
/// matcher looks for its next possible start by the set of letters its alternatives open with; for a large
/// alternation of common words that set is most of the alphabet, so it enters its whole alternation at nearly every
/// letter of the text, inside words too, only to fail at the \b. The figures' period and written-number patterns ran
/// a tenth of the figure step's time that way.
/// </summary>
/// <remarks>
/// The matches are the pattern's own, in the same order and with the same groups: <see cref="Matches"/> tries the
/// pattern anchored (\G) at each position where a letter follows a character that is neither a letter nor a digit, a
/// superset of the places its \b and first letter allow, and goes on from a match's end as
/// <see cref="Regex.Matches(string)"/> does; the pattern reads the text before that position as usual (\b,
/// look-behinds). Where <c>openings</c> are given, a word is tried only if it opens with one of them (compared in
/// invariant lower case): the word lists the code builds the pattern from give them, so that no word is left out.
/// </remarks>
public sealed class WordStartPattern
{
    private readonly Regex _anchored;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>? _openings;
    private readonly int _openingLength;

    /// <param name="anchored">The pattern, opening with \G (tried only where it is asked to start).</param>
    /// <param name="openings">The first letters of every word the pattern can start with, all of one length; null: any word.</param>
    public WordStartPattern(Regex anchored, IEnumerable<string>? openings = null)
    {
        ArgumentNullException.ThrowIfNull(anchored);
        if (anchored.RightToLeft || !anchored.ToString().StartsWith(@"\G", StringComparison.Ordinal))
            throw new ArgumentException("the pattern must open with \\G and read left to right", nameof(anchored));
        _anchored = anchored;
        if (openings is null) return;
        var set = openings.Select(o => o.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        if (set.Count == 0 || set.Select(o => o.Length).Distinct().Count() != 1 || set.Any(o => !o.All(char.IsLetterOrDigit) || !char.IsLetter(o[0])))
            throw new ArgumentException("the openings must open with a letter, hold letters and digits, all of one length", nameof(openings));
        _openingLength = set.First().Length;
        _openings = set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The matches in <paramref name="text"/>, as <see cref="Regex.Matches(string)"/> of the pattern without its \G.</summary>
    public List<Match> Matches(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MatchesAt(_anchored, text, WordStarts(text));
    }

    /// <summary>
    /// The matches of a pattern anchored with \G, tried at <paramref name="starts"/> (ascending) only, as
    /// <see cref="Regex.Matches(string)"/> of the pattern without its \G gives them when every match starts at one of
    /// them: a start inside the last match is passed over, as the matches do not overlap. <see cref="PatternSet{T}"/>
    /// uses it with the places its walk saw a pattern's openings start.
    /// </summary>
    internal static List<Match> MatchesAt(Regex anchored, string text, IEnumerable<int> starts)
    {
        var found = new List<Match>();
        var end = 0;
        foreach (var at in starts)
        {
            if (at < end) continue;
            var m = anchored.Match(text, at);
            if (!m.Success) continue;
            found.Add(m);
            end = m.Index + Math.Max(m.Length, 1);   // an empty match: the next try is one further, as Regex.Matches goes on
        }
        return found;
    }

    /// <summary>Where a letter follows a character that is neither a letter nor a digit, and the word opens with one of the openings.</summary>
    private IEnumerable<int> WordStarts(string text)
    {
        var opening = new char[Math.Max(1, _openingLength)];
        for (var at = 0; at < text.Length; at++)
            if (char.IsLetter(text[at]) && (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && Opens(text, at, opening))
                yield return at;
    }

    private bool Opens(string text, int at, Span<char> opening)
    {
        if (_openings is not { } lookup) return true;
        if (at + _openingLength > text.Length) return false;
        text.AsSpan(at, _openingLength).ToLowerInvariant(opening);
        return lookup.Contains(opening);
    }
}
