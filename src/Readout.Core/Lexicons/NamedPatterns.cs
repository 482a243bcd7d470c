using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using Readout.Documents;

namespace Readout.Lexicons;

/// <summary>
/// A step's word lists and regular expressions read from two lexicon files, so that the language they know is
/// data with a version rather than literals in the code: a words file ("list", "words": one row per list, its
/// words separated by '|') and a patterns file ("name", "pattern"), where {name} in a pattern stands for a list
/// (its words as an alternation, in order, a space in a phrase matching any white space) or for a pattern of an
/// earlier row (its text as written). A list used by several patterns is so written once.
/// </summary>
/// <remarks>
/// Everything is checked when the lexicons are loaded, never on a document, and each failure names the file and
/// line: RO0002 for a file that does not read (a name given twice, a word that is not one, a pattern .NET cannot
/// parse), RO0003 for one that does not fit the code (a name the step asks for and the file lacks, a group of its
/// pattern the step reads, a {name} that names nothing, a row nothing uses). The step takes each list and pattern
/// once, in its constructor's place, and calls <see cref="CheckAllUsed"/> last.
/// </remarks>
public sealed partial class NamedPatterns
{
    private readonly string _wordsFile;
    private readonly string? _patternsFile;
    /// <summary>The file a pattern's failure names: the patterns file, or the words file of a words file alone.</summary>
    private string PatternsFile => _patternsFile ?? _wordsFile;
    private readonly RegexOptions _options;
    private readonly Dictionary<string, (int Line, string[] Words)> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Line, string Text)> _patterns = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly List<Lazy<Regex>> _deferred = [];
    private readonly IReadOnlyDictionary<string, string> _codeParts;

    [GeneratedRegex(@"\{(?<name>[a-z][a-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    // letters, apostrophes, hyphens and ampersands ("Procter & Gamble"), phrases with single spaces: anything else
    // would be regex syntax, which a list would escape where a pattern uses it, and which a set lookup never matches
    [GeneratedRegex(@"^[\p{L}'’&\-]+(?: [\p{L}'’&\-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainWord();

    /// <param name="read">Maps a file name to its text (the loader's, which puts the files in the lexicon version).</param>
    /// <param name="codeParts">
    /// Parts of patterns that the code owns, by name, which a pattern uses as {name} too: alternations whose words
    /// have values in the code's own tables (a scale word and its power of ten), so that a word is added in one place.
    /// </param>
    /// <param name="options">
    /// The options of every pattern. Their match timeout is the process's (Pipeline.TextLimits.MatchTimeout, set
    /// before any pattern is built), as for every other lexicon pattern: a pattern that runs past it fails its
    /// document with RO1010, never the batch.
    /// </param>
    /// <param name="patternsFile">The patterns file, or null for a step that reads word lists alone (see the other constructor).</param>
    public NamedPatterns(Func<string, string> read, string wordsFile, string? patternsFile, RegexOptions options,
        IReadOnlyDictionary<string, string>? codeParts = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        _wordsFile = wordsFile;
        _patternsFile = patternsFile;
        _options = options;
        _codeParts = codeParts ?? new Dictionary<string, string>();
        foreach (var (line, cells) in TsvTable.Rows(read(wordsFile), wordsFile, ["list", "words"], 2))
        {
            var words = cells[1].Split('|');
            foreach (var w in words.Where(w => !PlainWord().IsMatch(w)))
                Fail("RO0002", wordsFile, line,
                    $"'{w}' of list {cells[0]} is not a word or phrase (letters, apostrophes, hyphens, ampersands and single spaces)");
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var w in words.Where(w => !seen.Add(w)))
                Fail("RO0002", wordsFile, line, $"list {cells[0]} has '{w}' twice");
            if (!Name().IsMatch(cells[0])) Fail("RO0002", wordsFile, line, $"'{cells[0]}' is not a name (a-z, 0-9 and _)");
            if (_lists.TryGetValue(cells[0], out var first))
                Fail("RO0002", wordsFile, line, $"list {cells[0]} is given twice (first on line {first.Line})");
            if (_codeParts.ContainsKey(cells[0]))
                Fail("RO0002", wordsFile, line, $"{cells[0]} is also a part the code gives: {{{cells[0]}}} would name both");
            _lists[cells[0]] = (line, words);
        }
        if (patternsFile is null) return;
        foreach (var (line, cells) in TsvTable.Rows(read(patternsFile), patternsFile, ["name", "pattern"], 2))
        {
            var name = cells[0];
            if (!Name().IsMatch(name)) Fail("RO0002", patternsFile, line, $"'{name}' is not a name (a-z, 0-9 and _)");
            if (_patterns.TryGetValue(name, out var first))
                Fail("RO0002", patternsFile, line, $"pattern {name} is given twice (first on line {first.Line})");
            if (_lists.ContainsKey(name) || _codeParts.ContainsKey(name))
                Fail("RO0002", patternsFile, line, $"{name} is also a list of {wordsFile} or a part the code gives: {{{name}}} would name both");
            if (cells[1].Length == 0) Fail("RO0002", patternsFile, line, $"pattern {name} is empty");
            var text = Reference().Replace(cells[1], m => Expand(m.Groups["name"].Value, line));
            try
            {
                // parsed here so that a bad row is named by its line; only the patterns the step takes are compiled
                _ = new Regex(text, options & ~RegexOptions.Compiled);
            }
            catch (ArgumentException e)
            {
                Fail("RO0002", patternsFile, line, $"pattern {name} is not a valid regular expression ({e.Message})", e);
            }
            _patterns[name] = (line, text);
        }
    }

    /// <summary>
    /// A words file without a patterns file: for a step that reads word lists only and no pattern (the analyse stage's
    /// <see cref="AnalyseLexicon"/>). Its lists are read and checked as above; a pattern asked of it is RO0003.
    /// </summary>
    public NamedPatterns(Func<string, string> read, string wordsFile) : this(read, wordsFile, null, RegexOptions.None)
    {
    }

    /// <summary>The words of a list, compared without regard to case (frozen: a step looks words up on every sentence).</summary>
    public FrozenSet<string> Words(string list)
    {
        if (!_lists.TryGetValue(list, out var row)) Fail("RO0003", _wordsFile, 0, $"has no list {list}, which the code reads");
        _used.Add(list);
        return row.Words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The words of a list compared with case (an ordinal set), for a reader that compares them as written.</summary>
    public FrozenSet<string> WordsWithCase(string list) => Words(list).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A pattern, compiled, with the named groups the step reads from its matches.</summary>
    public Regex Pattern(string name, params string[] groups) => Checked(name, groups, _options);

    /// <summary>
    /// A pattern as <see cref="Pattern(string, string[])"/> gives it, built with options of its own rather than the
    /// instance's: a file whose patterns mostly share options may hold one that the step runs case-sensitively, or
    /// without backtracking (which also refuses some constructs: that fails here, naming the line, as RO0002).
    /// </summary>
    public Regex Pattern(string name, RegexOptions options, params string[] groups) => Checked(name, groups, options);

    /// <summary>
    /// A pattern checked now as <see cref="Pattern"/> checks it, and compiled by <paramref name="build"/> on its first
    /// use: compiling is most of the cost of loading, which a command that only reads the lexicons' version or a
    /// store should not pay.
    /// </summary>
    public Lazy<Regex> Deferred(string name, Func<Regex, Regex> build, params string[] groups) =>
        Deferred(name, _options, build, groups);

    /// <summary>A pattern as <see cref="Deferred(string, Func{Regex, Regex}, string[])"/> gives it, with options of its own.</summary>
    public Lazy<Regex> Deferred(string name, RegexOptions options, Func<Regex, Regex> build, params string[] groups)
    {
        var text = Checked(name, groups, options & ~RegexOptions.Compiled).ToString();
        var pattern = new Lazy<Regex>(() => build(PrecompiledPatterns.Build(text, options)), LazyThreadSafetyMode.ExecutionAndPublication);
        _deferred.Add(pattern);
        return pattern;
    }

    /// <summary>
    /// A pattern that ends at its input's end, deferred as <see cref="Deferred(string, Func{Regex, Regex}, string[])"/>
    /// and matched from that end (see <see cref="EndAnchoredPattern"/>). RO0003 when the row does not end with $ or
    /// uses a construct whose matches depend on the direction of reading (an atomic group, \G, a backreference or a
    /// conditional): the code expects a window pattern there.
    /// </summary>
    public Lazy<EndAnchoredPattern> DeferredAtEnd(string name, Func<Regex, Regex> build, params string[] groups)
    {
        if (_patterns.TryGetValue(name, out var row) && ReadInOneDirection(row.Text) is { } why)
            Fail("RO0003", PatternsFile, row.Line, $"pattern {name} is matched from its end, which it cannot be: {why}");
        var forward = Deferred(name, _options, build, groups);
        var backward = Deferred(name, _options | RegexOptions.RightToLeft, build, groups);
        return new Lazy<EndAnchoredPattern>(() => new EndAnchoredPattern(forward.Value, backward.Value), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Why a pattern cannot be matched from its end, or null (see <see cref="DeferredAtEnd"/>).</summary>
    private static string? ReadInOneDirection(string text)
    {
        var trailingBackslashes = text.Length - 1 - text.AsSpan(0, Math.Max(0, text.Length - 1)).TrimEnd('\\').Length;
        if (!text.EndsWith('$') || trailingBackslashes % 2 == 1) return "it does not end with $";
        if (text.Contains("(?>", StringComparison.Ordinal)) return "it has an atomic group (?>...)";
        if (text.Contains(@"\G", StringComparison.Ordinal)) return @"it has \G";
        if (text.Contains("(?(", StringComparison.Ordinal)) return "it has a conditional (?(...)";
        if (BackReference().IsMatch(text)) return "it has a backreference";
        return null;
    }

    [GeneratedRegex(@"(?<!\\)(?:\\\\)*\\(?:k<|[1-9])", RegexOptions.CultureInvariant)]
    private static partial Regex BackReference();

    /// <summary>
    /// The build of <see cref="Deferred(string, Func{Regex, Regex}, string[])"/> for large patterns: runs the compiled
    /// pattern on <paramref name="sample"/> from every 40th character as soon as it is compiled (on its first use), so that
    /// the JIT compiles its matcher there rather than inside a document's first match. Compiled patterns skip tiering and
    /// are compiled fully optimised at their first match, which for the figure patterns took a third of a second, and on a
    /// busy machine such a first match has run past two seconds, which a document's match timeout should not pay for.
    /// The shipped patterns' matchers are generated at build time (<see cref="PrecompiledPatterns"/>) and, in the
    /// launcher's ReadyToRun build, already compiled: warming them costs little; a pattern the table lacks still needs it.
    /// The sample should reach every pattern's matcher: a sentence of the language the step reads.
    /// </summary>
    public static Func<Regex, Regex> WarmedOn(string sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return regex =>
        {
            for (var start = 0; start < sample.Length; start += 40) _ = regex.IsMatch(sample, start);
            return regex;
        };
    }

    /// <summary>
    /// The build of <see cref="Deferred(string, Func{Regex, Regex}, string[])"/> for small patterns: the pattern as
    /// compiled. Their first match compiles little, so they are not warmed on a sample (see <see cref="WarmedOn"/>).
    /// </summary>
    public static Regex AsCompiled(Regex regex) => regex;

    /// <summary>Every pattern <see cref="Deferred(string, RegexOptions, Func{Regex, Regex}, string[])"/> gave, for <see cref="StartCompiling"/>.</summary>
    public IReadOnlyList<Lazy<Regex>> DeferredPatterns => _deferred;

    /// <summary>
    /// Compiles deferred patterns now, on the thread pool, rather than on first use: for a caller about to run
    /// documents, so that compiling (most of a second of processor time for the figure and extract patterns)
    /// runs on a core the loading of the other lexicons leaves idle instead of inside the first documents, where
    /// every document thread waits for the pattern another is compiling. A document that needs a pattern still being
    /// compiled waits for it, as before. A pattern that fails to compile fails where it is used: the
    /// <see cref="Lazy{T}"/> keeps the exception and throws it there, naming the document.
    /// </summary>
    public static void StartCompiling(IEnumerable<Lazy<Regex>> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        foreach (var pattern in patterns)
            _ = Task.Run(() => pattern.Value);
    }

    /// <summary>
    /// A pattern's text, checked as <see cref="Pattern"/> checks it but not compiled: for code that reads the pattern
    /// itself rather than matching it (the openings of a prefilter, <see cref="RequiredLiterals"/>).
    /// </summary>
    public string Text(string name) => Checked(name, [], _options & ~RegexOptions.Compiled).ToString();

    private Regex Checked(string name, string[] groups, RegexOptions options)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (!_patterns.TryGetValue(name, out var row))
            Fail("RO0003", PatternsFile, 0, $"has no pattern {name}, which the code reads");
        _used.Add(name);
        Regex regex;
        try
        {
            regex = PrecompiledPatterns.Build(row.Text, options);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // the load parsed the row with the file's options; the step's own may refuse it (no backtracking: no lookaround)
            Fail("RO0002", PatternsFile, row.Line,
                $"pattern {name} is not a valid regular expression with options {options} ({e.Message})", e);
            throw;   // not reached: Fail does not return
        }
        foreach (var g in groups.Where(g => regex.GroupNumberFromName(g) < 0))
            Fail("RO0003", PatternsFile, row.Line, $"pattern {name} has no group (?<{g}>...), which the code reads");
        return regex;
    }

    /// <summary>Fails for a list or pattern that neither the step nor another pattern uses: a name mistyped on one side.</summary>
    public void CheckAllUsed()
    {
        foreach (var (name, row) in _lists.Where(l => !_used.Contains(l.Key)).OrderBy(l => l.Value.Line))
            Fail("RO0003", _wordsFile, row.Line, $"list {name} is used by no pattern and not by the code");
        foreach (var (name, row) in _patterns.Where(p => !_used.Contains(p.Key)).OrderBy(p => p.Value.Line))
            Fail("RO0003", PatternsFile, row.Line, $"pattern {name} is used by no other pattern and not by the code");
    }

    /// <summary>The text {name} stands for on a line of the patterns file.</summary>
    private string Expand(string name, int line)
    {
        _used.Add(name);
        if (_patterns.TryGetValue(name, out var pattern)) return pattern.Text;
        if (_codeParts.TryGetValue(name, out var part)) return part;
        if (!_lists.TryGetValue(name, out var list))
            Fail("RO0003", PatternsFile, line,
                $"{{{name}}} is neither a list of {_wordsFile}, nor a part the code gives, nor a pattern of a line above");
        var sb = new StringBuilder();
        foreach (var word in list.Words)
        {
            if (sb.Length > 0) sb.Append('|');
            sb.AppendJoin(@"\s+", word.Split(' ').Select(Regex.Escape));
        }
        return sb.ToString();
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string code, string file, int line, string message, Exception? inner = null) =>
        throw new ReadoutException(code, file, line > 0 ? $"line {line} {message}" : message, inner);
}
