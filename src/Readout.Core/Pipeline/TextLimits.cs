using System.Runtime.CompilerServices;

namespace Readout.Pipeline;

/// <summary>
/// The bounds on work over report text. Every regular expression in Readout runs with a match timeout:
/// set here once for the process, before any pattern is built (a module initializer runs before any
/// code of this assembly), so the ~100 patterns over report text, and any added later, cannot run
/// unbounded. A pattern that runs past it fails its document with RO1010, never the batch.
/// </summary>
public static class TextLimits
{
    /// <summary>
    /// How long one match of one pattern may run: linear patterns take milliseconds even on megabytes, but the
    /// clock is the wall's, and on a busy machine the first match of a pattern (compiled then) took over 2 s.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The default time budget of one document through clean, analyse and extract.</summary>
    public static readonly TimeSpan DocumentBudget = TimeSpan.FromSeconds(60);

    /// <summary>Call first thing in a program: makes sure the process-wide pattern timeout is set before any pattern of another assembly is built.</summary>
    public static void Apply() => SetRegexTimeout();

#pragma warning disable CA2255 // a library module initializer is intended here: the timeout must precede every pattern
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void SetRegexTimeout()
    {
        if (AppContext.GetData("REGEX_DEFAULT_MATCH_TIMEOUT") is not TimeSpan)
            AppContext.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", MatchTimeout);
    }
}
