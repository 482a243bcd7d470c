using System.Buffers;
using System.Text.RegularExpressions;

namespace Readout.Lexicons;

/// <summary>
/// A list of patterns from a lexicon (cues, rules, topics) with a keyword prefilter: one automaton over the
/// literal openings of every pattern (<see cref="RequiredLiterals"/>) walks a text from one opening to the next,
/// and each opening found marks the patterns it opens. Only those are run, so a sentence without a cue word
/// costs one vectorised search instead of a regex scan per pattern. The walk also notes where each opening starts, and
/// a candidate's matches are found by trying the pattern there only (anchored, \G), since every match of it starts
/// with one of its openings. The answers are exactly the patterns' own: the prefilter only skips what cannot match.
/// </summary>
public sealed class PatternSet<T>
{
    private readonly Entry[] _entries;
    private readonly SearchValues<string>? _any;   // every opening of every pattern that has openings; null when none has
    // the openings by their first character (upper-cased, as ordinal ignore-case compares), each with the patterns
    // it opens: where the walk finds some opening, these say which ones start there
    private readonly Dictionary<char, (string Opening, int[] Entries)[]> _byFirst = [];

    private sealed record Entry(Regex Regex, T Item, Regex? Anchored);

    public PatternSet(IEnumerable<(string Pattern, T Item)> patterns, RegexOptions options, TimeSpan? matchTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var entries = new List<Entry>();
        var opens = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (pattern, item) in patterns)
        {
            var openings = (options & (RegexOptions.IgnorePatternWhitespace | RegexOptions.RightToLeft)) == 0 ? RequiredLiterals.StartsOf(pattern) : null;
            foreach (var opening in openings ?? [])
            {
                if (!opens.TryGetValue(opening, out var which)) opens[opening] = which = [];
                if (which.Count == 0 || which[^1] != entries.Count) which.Add(entries.Count);
            }
            var regex = PrecompiledPatterns.Build(pattern, options, matchTimeout);
            // tried only where one of its openings starts (see Candidate.Matches): the pattern anchored there
            var anchored = openings is null ? null : PrecompiledPatterns.Build(@"\G(?:" + pattern + ")", options, matchTimeout);
            entries.Add(new Entry(regex, item, anchored));
        }
        _entries = [.. entries];
        _any = opens.Count > 0 ? SearchValues.Create([.. opens.Keys], StringComparison.OrdinalIgnoreCase) : null;
        foreach (var group in opens.GroupBy(o => char.ToUpperInvariant(o.Key[0])))
            _byFirst[group.Key] = [.. group.Select(o => (o.Key, o.Value.ToArray()))];
    }

    /// <summary>The patterns that may match <paramref name="text"/>, in the list's order, with their items and where their matches may start.</summary>
    public List<Candidate> Candidates(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Candidates(text, 0, text.Length, positions: true);
    }

    /// <summary>The patterns that may match within text[start..start+length] (for <c>Regex.Match(text, start, length)</c>).</summary>
    public List<Candidate> Candidates(string text, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Candidates(text, start, length, positions: false);
    }

    /// <summary>The mark of a pattern that may match, where its starts are not asked for; never added to.</summary>
    private static readonly List<int> Marked = [];

    private List<Candidate> Candidates(string text, int start, int length, bool positions)
    {
        var span = text.AsSpan(start, length);
        var found = new List<Candidate>();
        if (span.ContainsAny(RequiredLiterals.CaseOutliers))
        {
            // a character the search and the patterns fold differently: every pattern, read the usual way
            foreach (var e in _entries) found.Add(new Candidate(e.Regex, e.Item, null, null));
            return found;
        }
        // One walk over the text from one opening to the next, marking the patterns each opens and where, instead of a
        // scan of the whole text per pattern (a set of 40 topic patterns scanned every statement 40 times).
        // where each pattern with openings may start; a pattern without openings (no Anchored) always runs. The
        // array is made at the first opening found: most sentences hold none of a list's openings
        var all = _any is null;
        List<int>?[]? may = null;
        for (var at = all ? -1 : span.IndexOfAny(_any!); at >= 0; )
        {
            if (!_byFirst.TryGetValue(char.ToUpperInvariant(span[at]), out var starting))
            {
                all = true;   // a case pairing the search knows and the index does not: run them all, the usual way
                break;
            }
            foreach (var (opening, which) in starting)
                if (span[at..].StartsWith(opening, StringComparison.OrdinalIgnoreCase))
                    foreach (var i in which)
                    {
                        // a caller of a range reads no starts: the pattern is only marked (one shared empty list)
                        var starts = (may ??= new List<int>?[_entries.Length])[i] ??= positions ? [] : Marked;
                        if (positions && (starts.Count == 0 || starts[^1] != at)) starts.Add(at);
                    }
            var next = span[(at + 1)..].IndexOfAny(_any!);
            at = next < 0 ? -1 : at + 1 + next;
        }
        for (var i = 0; i < _entries.Length; i++)
        {
            var e = _entries[i];
            if (all || e.Anchored is null) found.Add(new Candidate(e.Regex, e.Item, null, null));
            else if (may?[i] is { } starts) found.Add(new Candidate(e.Regex, e.Item, positions ? e.Anchored : null, positions ? starts : null));
        }
        return found;
    }

    /// <summary>Whether any pattern matches <paramref name="text"/>.</summary>
    public bool IsMatch(string text)
    {
        foreach (var c in Candidates(text))
            if (c.IsMatch(text)) return true;
        return false;
    }

    /// <summary>The first pattern's match in the list's order (for a set of one: its match), or an unsuccessful match.</summary>
    public Match Match(string text)
    {
        foreach (var c in Candidates(text))
            if (c.Regex.Match(text) is { Success: true } m) return m;
        return System.Text.RegularExpressions.Match.Empty;
    }

    /// <summary>
    /// A pattern of the set that may match a text, with its item; where the walk saw where its openings start, its
    /// matches are found by trying it there only (every match of it starts with one of its openings,
    /// <see cref="RequiredLiterals.StartsOf"/>): a cue pattern's own search for a start stopped at most letters of a
    /// sentence. The matches are the pattern's own, as <see cref="Regex.Matches(string)"/> and
    /// <see cref="Regex.IsMatch(string)"/> give them.
    /// </summary>
    public sealed class Candidate
    {
        private readonly Regex? _anchored;
        private readonly List<int>? _starts;

        internal Candidate(Regex regex, T item, Regex? anchored, List<int>? starts)
        {
            Regex = regex;
            Item = item;
            (_anchored, _starts) = anchored is not null && starts is not null ? (anchored, starts) : (null, null);
        }

        public Regex Regex { get; }

        public T Item { get; }

        public void Deconstruct(out Regex regex, out T item) => (regex, item) = (Regex, Item);

        /// <summary>The pattern's matches in the text the candidate was found in, in text order.</summary>
        public IEnumerable<Match> Matches(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            return _anchored is null ? Regex.Matches(text) : WordStartPattern.MatchesAt(_anchored, text, _starts!);
        }

        /// <summary>Whether the pattern matches the text the candidate was found in.</summary>
        public bool IsMatch(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            if (_anchored is null) return Regex.IsMatch(text);
            foreach (var at in _starts!)
                if (_anchored.IsMatch(text, at)) return true;
            return false;
        }
    }
}
