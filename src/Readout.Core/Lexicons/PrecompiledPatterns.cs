using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Readout.Lexicons;

/// <summary>
/// The lexicons' compiled patterns as C# the regex source generator wrote at build time
/// (PrecompiledPatterns.g.cs, [GeneratedRegex]), so that a process does not emit and JIT-compile each pattern's
/// matcher when it starts: with RegexOptions.Compiled that took about 2.7 s of processor time in a cold pass over
/// the Reuters corpus, on a core the documents needed. The generated matchers are the same code the runtime would
/// emit, compiled with the assembly like any other method.
/// </summary>
/// <remarks>
/// The table is data derived from the lexicons: scripts/precompile-patterns.sh regenerates it, and the test
/// Issue13_the_precompiled_patterns_are_the_shipped_pipelines fails when a lexicon changed without it. A pattern
/// the table lacks (an edited lexicon folder, a custom one) is compiled at run time as before: the table changes
/// how fast a pattern starts, never what it matches.
/// </remarks>
public static partial class PrecompiledPatterns
{
    /// <summary>
    /// The pattern <paramref name="pattern"/> with <paramref name="options"/>: the build's generated matcher when
    /// <paramref name="options"/> ask for a compiled one and the table has the same text, options and match
    /// timeout; otherwise a new <see cref="Regex"/>, with <paramref name="matchTimeout"/> or the process's limit. A compiled
    /// pattern's unnamed groups only group (<see cref="RegexOptions.ExplicitCapture"/> is added): the code reads a
    /// lexicon pattern's match by its named groups only, and recording the others was a sixth of the generated
    /// matchers' machine code, which the JIT compiles again, optimised, in every process that runs them.
    /// </summary>
    /// <param name="matchTimeout">The pattern's own limit, or null for the process's (TextLimits.MatchTimeout).</param>
    public static Regex Build(string pattern, RegexOptions options, TimeSpan? matchTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if ((options & RegexOptions.Compiled) != 0)
        {
            options |= RegexOptions.ExplicitCapture;   // see above
            // a generated matcher takes the process's limit when its class is first used; one built before the
            // limit was set, or asked for with a limit of its own, would differ from the pattern built now
            if (Generated.TryGetValue((pattern, options & ~RegexOptions.Compiled), out var make) && make() is var regex
                && regex.MatchTimeout == (matchTimeout ?? ProcessMatchTimeout())) return regex;
        }
        // the limit given, or the one the process's configuration holds now: new Regex(pattern, options) would take the
        // regex library's default, which it reads once, so a host that built a pattern before Readout.Core loaded (and
        // set the limit) would give the patterns built here none
        return new Regex(pattern, options, matchTimeout ?? ProcessMatchTimeout());
    }

    /// <summary>Whether <paramref name="regex"/> is one of the table's generated matchers.</summary>
    public static bool IsPrecompiled(Regex regex)
    {
        ArgumentNullException.ThrowIfNull(regex);
        return regex.GetType() != typeof(Regex) && Generated.ContainsKey((regex.ToString(), regex.Options));
    }

    /// <summary>How many patterns the table holds.</summary>
    public static int Count => Generated.Count;

    private static TimeSpan ProcessMatchTimeout() =>
        AppContext.GetData("REGEX_DEFAULT_MATCH_TIMEOUT") is TimeSpan limit ? limit : Regex.InfiniteMatchTimeout;

    /// <summary>The generated matchers by text and options (without RegexOptions.Compiled, which they do not need).</summary>
    private static readonly FrozenDictionary<(string Pattern, RegexOptions Options), Func<Regex>> Generated = Table().ToFrozenDictionary();
}
