using System.Buffers;
using System.Text.RegularExpressions;

namespace Readout.Lexicons;

/// <summary>
/// A list of patterns from a lexicon (cues, rules, topics) with a keyword prefilter: one automaton over the
/// literal openings of every pattern (<see cref="RequiredLiterals"/>) tells in one pass over a text whether
/// any pattern can match at all, and a small automaton per pattern which ones can. Only those are run, so a
/// sentence without a cue word costs one vectorised search instead of a regex scan per pattern. The
/// answers are exactly the patterns' own: the prefilter only skips what cannot match.
/// </summary>
public sealed class PatternSet<T>
{
    private readonly Entry[] _entries;
    private readonly SearchValues<string>? _any;   // null when some pattern has no openings: it must always run

    private sealed record Entry(Regex Regex, T Item, SearchValues<string>? Openings);

    public PatternSet(IEnumerable<(string Pattern, T Item)> patterns, RegexOptions options, TimeSpan? matchTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var entries = new List<Entry>();
        var all = new List<string>();
        var everyOneHasOpenings = true;
        foreach (var (pattern, item) in patterns)
        {
            var openings = (options & (RegexOptions.IgnorePatternWhitespace | RegexOptions.RightToLeft)) == 0 ? RequiredLiterals.Of(pattern) : null;
            if (openings is null) everyOneHasOpenings = false;
            else all.AddRange(openings);
            entries.Add(new Entry(matchTimeout is { } limit ? new Regex(pattern, options, limit) : new Regex(pattern, options), item,
                openings is null ? null : SearchValues.Create(openings.ToArray(), StringComparison.OrdinalIgnoreCase)));
        }
        _entries = [.. entries];
        _any = everyOneHasOpenings && all.Count > 0 ? SearchValues.Create(all.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), StringComparison.OrdinalIgnoreCase) : null;
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
        var outlier = span.ContainsAny(RequiredLiterals.CaseOutliers);
        if (!outlier && _any is not null && !span.ContainsAny(_any)) return found;
        foreach (var e in _entries)
            if (outlier || e.Openings is null || span.ContainsAny(e.Openings)) found.Add((e.Regex, e.Item));
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
