using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Readout.Lexicons;

/// <summary>
/// The phrases of the lines a reader skips (data/lexicons/junk_lines_words.tsv and junk_lines_patterns.tsv, read
/// through <see cref="NamedPatterns"/>): copyright lines, share and cookie bars, headings of link lists, photo
/// credits. The filter (<see cref="Clean.JunkLineFilter"/>) keeps in its code what tells a line by its shape alone.
/// </summary>
public sealed class JunkLineLexicon
{
    public const string WordsFile = "junk_lines_words.tsv";
    public const string PatternsFile = "junk_lines_patterns.tsv";

    // case-insensitive ("Copyright", "SHARE THIS"), the same in every culture, and compiled: every line of every page
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>Reads and checks both files; <paramref name="read"/> maps a file name to its text.</summary>
    /// <exception cref="Documents.ReadoutException">RO0002 or RO0003 naming the file and line (see <see cref="NamedPatterns"/>).
    /// </exception>
    public static JunkLineLexicon Load(Func<string, string> read) => new(new NamedPatterns(read, WordsFile, PatternsFile, Options));

    // compiled on first use (see NamedPatterns.Deferred), checked at load: loading the lexicons compiles nothing; small
    // patterns, not warmed on a sample (see NamedPatterns.AsCompiled)
    private readonly Lazy<Regex> _copyright, _boilerplate, _listHeader, _photoCredit;
    private readonly Lazy<LiteralSet?> _copyrightOpenings;

    private JunkLineLexicon(NamedPatterns p)
    {
        _copyright = p.Deferred("copyright", NamedPatterns.AsCompiled);
        _boilerplate = p.Deferred("boilerplate", NamedPatterns.AsCompiled);
        _listHeader = p.Deferred("list_header", NamedPatterns.AsCompiled);
        _photoCredit = p.Deferred("photo_credit", NamedPatterns.AsCompiled);
        CreditAgencies = p.Words("credit_agencies");
        p.CheckAllUsed();
        _copyrightOpenings = new(() => RequiredLiterals.Of(Copyright.ToString()) is { } openings
            ? new LiteralSet(openings)
            : null, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    internal Regex Copyright => _copyright.Value;
    internal Regex Boilerplate => _boilerplate.Value;
    internal Regex ListHeader => _listHeader.Value;
    internal Regex PhotoCredit => _photoCredit.Value;

    /// <summary>
    /// What every match of <see cref="Copyright"/> opens with, read from the pattern itself, or null when the pattern
    /// allows none to be named (then it runs on every line). Its branches open with letters as common as "a", "c" and
    /// "r", so without this test the pattern was tried at most positions of every line: a quarter of the junk
    /// filter's time on White House pages.
    /// </summary>
    internal LiteralSet? CopyrightOpenings => _copyrightOpenings.Value;

    /// <summary>The agencies whose name closes a photo credit (the last branch of <see cref="PhotoCredit"/>).</summary>
    internal FrozenSet<string> CreditAgencies { get; }
}
