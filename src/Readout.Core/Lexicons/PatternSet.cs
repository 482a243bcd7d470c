using System.Buffers;
using System.Text.RegularExpressions;

namespace Readout.Lexicons;

/// <summary>
/// A list of patterns from a lexicon (cues, rules, topics) with a keyword prefilter: one automaton over the
/// literal openings of every pattern (<see cref="RequiredLiterals"/>) walks a text from one opening to the next,
/// and each opening found marks the patterns it opens. Only those are run, so a sentence without a cue word
/// costs one vectorised search instead of a regex scan per pattern. The answers are exactly the patterns' own:
/// the prefilter only skips what cannot match.
/// </summary>
public sealed class PatternSet<T>
{
    private readonly Entry[] _entries;
    private readonly SearchValues<string>? _any;   // every opening of every pattern that has openings; null when none has
    // the openings by their first character (upper-cased, as ordinal ignore-case compares), each with the patterns
    // it opens: where the walk finds some opening, these say which ones start there
    private readonly Dictionary<char, (string Opening, int[] Entries)[]> _byFirst = [];
    private readonly int[] _alwaysRun;             // the patterns without openings

    private sealed record Entry(Regex Regex, T Item);

    public PatternSet(IEnumerable<(string Pattern, T Item)> patterns, RegexOptions options, TimeSpan? matchTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var entries = new List<Entry>();
        var alwaysRun = new List<int>();
        var opens = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (pattern, item) in patterns)
        {
            var openings = (options & (RegexOptions.IgnorePatternWhitespace | RegexOptions.RightToLeft)) == 0 ? RequiredLiterals.Of(pattern) : null;
            foreach (var opening in openings ?? [])
            {
                if (!opens.TryGetValue(opening, out var which)) opens[opening] = which = [];
                if (which.Count == 0 || which[^1] != entries.Count) which.Add(entries.Count);
            }
            var regex = PrecompiledPatterns.Build(pattern, options, matchTimeout);
            if (openings is null) alwaysRun.Add(entries.Count);
            entries.Add(new Entry(regex, item));
        }
        _entries = [.. entries];
        _alwaysRun = [.. alwaysRun];
        _any = opens.Count > 0 ? SearchValues.Create([.. opens.Keys], StringComparison.OrdinalIgnoreCase) : null;
        foreach (var group in opens.GroupBy(o => char.ToUpperInvariant(o.Key[0])))
            _byFirst[group.Key] = [.. group.Select(o => (o.Key, o.Value.ToArray()))];
    }

    /// <summary>The patterns that may match <paramref name="text"/>, in the list's order, with their items.</summary>
    public List<(Regex Regex, T Item)> Candidates(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Candidates(text, 0, text.Length);
    }

    /// <summary>The patterns that may match within text[start..start+length] (for <c>Regex.Match(text, start, length)</c>).</summary>
    public List<(Regex Regex, T Item)> Candidates(string text, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan(start, length);
        var found = new List<(Regex, T)>();
        if (span.ContainsAny(RequiredLiterals.CaseOutliers))
        {
            foreach (var e in _entries) found.Add((e.Regex, e.Item));
            return found;
        }
        // One walk over the text from one opening to the next, marking the patterns each opens, instead of a scan of
        // the whole text per pattern (a set of 40 topic patterns scanned every statement 40 times).
        var may = _alwaysRun.Length == _entries.Length ? null : new bool[_entries.Length];
        for (var at = _any is null ? -1 : span.IndexOfAny(_any); at >= 0; )
        {
            if (!_byFirst.TryGetValue(char.ToUpperInvariant(span[at]), out var starting))
                Array.Fill(may!, true);   // a case pairing the search knows and the index does not: run them all
            else
                foreach (var (opening, which) in starting)
                    if (span[at..].StartsWith(opening, StringComparison.OrdinalIgnoreCase))
                        foreach (var i in which) may![i] = true;
            var next = span[(at + 1)..].IndexOfAny(_any!);
            at = next < 0 ? -1 : at + 1 + next;
        }
        foreach (var i in _alwaysRun) may?[i] = true;
        for (var i = 0; i < _entries.Length; i++)
            if (may is null || may[i]) found.Add((_entries[i].Regex, _entries[i].Item));
        return found;
    }

    /// <summary>Whether any pattern matches <paramref name="text"/>.</summary>
    public bool IsMatch(string text)
    {
        foreach (var (rx, _) in Candidates(text))
            if (rx.IsMatch(text)) return true;
        return false;
    }

    /// <summary>The first pattern's match in the list's order (for a set of one: its match), or an unsuccessful match.</summary>
    public Match Match(string text)
    {
        foreach (var (rx, _) in Candidates(text))
            if (rx.Match(text) is { Success: true } m) return m;
        return System.Text.RegularExpressions.Match.Empty;
    }
}
