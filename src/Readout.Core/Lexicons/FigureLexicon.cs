using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Readout.Lexicons;

/// <summary>
/// The figure extractor's language (data/lexicons/figure_words.tsv and figure_patterns.tsv, read through
/// <see cref="NamedPatterns"/>): the words of moves, measures, periods and noun phrases, and the patterns built
/// from them, compiled once per lexicon. The extractor's number grammar (its scale words, currency signs) and its
/// period grammar stay in its code, where each word has its value beside it; the patterns here take the scale words
/// and month names from there as {scales} and {months}.
/// </summary>
public sealed class FigureLexicon
{
    public const string WordsFile = "figure_words.tsv";
    public const string PatternsFile = "figure_patterns.tsv";

    // case-insensitive as every other lexicon pattern (a pattern says (?-i) to turn it off), the same in every
    // culture, and compiled: the figure step runs these on every sentence that has a number
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>Reads and checks both files; <paramref name="read"/> maps a file name to its text.</summary>
    /// <exception cref="Documents.ReadoutException">RO0002 or RO0003 naming the file and line (see <see cref="NamedPatterns"/>).</exception>
    public static FigureLexicon Load(Func<string, string> read) =>
        new(new NamedPatterns(read, WordsFile, PatternsFile, Options, CodeParts));

    /// <summary>The parts of the patterns whose words have values in the extractor's code (see <see cref="NamedPatterns"/>).</summary>
    private static readonly Dictionary<string, string> CodeParts = new(StringComparer.Ordinal) 
    {
        ["scales"] = Extract.FigureExtractor.Scales,
        ["months"] = Extract.FigureExtractor.Mon,
    };

    // compiled and warmed on first use (see NamedPatterns.Deferred), checked at load
    private readonly Lazy<Regex> _changeBefore;
    private readonly Lazy<Regex> _changeAfter;
    private readonly Lazy<Regex> _levelMoveBefore;
    private readonly Lazy<Regex> _basis;
    private readonly Lazy<Regex> _timesComparative;
    private readonly Lazy<Regex> _moveBefore;
    private readonly Lazy<Regex> _leadsTo;
    private readonly Lazy<Regex> _anotherClaim;
    private readonly Lazy<Regex> _orPercent;
    private readonly Lazy<Regex> _suffix;
    private readonly Lazy<Regex> _yuan;
    private readonly Lazy<Regex> _yen;
    private readonly Lazy<Regex> _determinerBefore;
    private readonly Lazy<Regex> _nameBefore;
    private readonly Lazy<Regex> _clockOrAgeAfter;
    private readonly Lazy<Regex> _verbBefore;
    private readonly Lazy<Regex> _clauseBoundary;
    private readonly Lazy<Regex> _articleBefore;
    private readonly Lazy<Regex> _ofAfter;
    private readonly Lazy<Regex> _yearOrMonthStart;
    private readonly Lazy<Regex> _ofBefore;
    private readonly Lazy<Regex> _relative;
    private readonly Lazy<Regex> _leadingGlue;
    private readonly Lazy<Regex> _notANounPhrase;
    private readonly Lazy<Regex> _prepositionBefore;
    private readonly Lazy<Regex> _startsWithPreposition;

    // every pattern above, for StartCompiling
    private readonly List<Lazy<Regex>> _deferred = [];

    private FigureLexicon(NamedPatterns p)
    {
        Lazy<Regex> Deferred(string name, params string[] groups)
        {
            var pattern = p.Deferred(name, Warmed, groups);
            _deferred.Add(pattern);
            return pattern;
        }

        // change
        _changeBefore = Deferred("change_before", "v");
        _changeAfter = Deferred("change_after", "v");
        _levelMoveBefore = Deferred("level_move_before", "v");
        _basis = Deferred("basis");
        _timesComparative = Deferred("times_comparative");
        _moveBefore = Deferred("move_before", "v");
        _leadsTo = Deferred("leads_to");
        _anotherClaim = Deferred("another_claim");
        _orPercent = Deferred("or_percent");
        // what follows a number, and what is not a figure
        _suffix = Deferred("suffix", "h", "scale", "pct", "pts", "cur", "times", "unit");
        _yuan = Deferred("yuan");
        _yen = Deferred("yen");
        _determinerBefore = Deferred("determiner_before");
        _nameBefore = Deferred("name_before");
        _clockOrAgeAfter = Deferred("clock_or_age_after");
        // measure
        _verbBefore = Deferred("verb_before", "v");
        _clauseBoundary = Deferred("clause_boundary");
        _articleBefore = Deferred("article_before");
        _ofAfter = Deferred("of_after");
        _yearOrMonthStart = Deferred("year_or_month_start");
        _ofBefore = Deferred("of_before");
        _relative = Deferred("relative");
        _leadingGlue = Deferred("leading_glue");
        _notANounPhrase = Deferred("not_a_noun_phrase");
        // the prepositions a period takes along (the period grammar itself is the extractor's)
        _prepositionBefore = Deferred("preposition_before");
        _startsWithPreposition = Deferred("starts_with_preposition");
        // words
        var up = p.Words("move_up");
        Down = p.Words("move_down");
        MeasureVerbs = p.Words("measure_verbs");
        MoveWords = MeasureVerbs.Concat(up).Concat(Down).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        StopWords = p.Words("stop_words");
        NpDeterminers = p.Words("np_determiners");
        GenericHeads = p.Words("generic_heads");
        TimeHeads = p.Words("time_heads");
        Pronouns = p.Words("pronouns");
        ScaleWords = p.Words("scale_words");
        TimeUnits = p.Words("time_units");
        IrregularPlurals = p.Words("irregular_plurals");
        NotPlurals = p.Words("not_plurals");
        p.CheckAllUsed();
    }

    /// <summary>
    /// Compiles and warms every pattern now, on the thread pool, rather than on first use: for a caller about to run
    /// documents. Compiling them takes most of a second of processor time, which a document's first figure would
    /// otherwise wait for (and, the patterns being compiled once, every other document thread with it); started while
    /// the rest of the lexicons load, it runs on the core the loading leaves idle. A document that needs a pattern
    /// still being compiled waits for it, as before. A pattern that fails to compile fails where it is used: the
    /// <see cref="Lazy{T}"/> keeps the exception and throws it there, naming the document.
    /// </summary>
    public void StartCompiling()
    {
        foreach (var pattern in _deferred)
            _ = Task.Run(() => pattern.Value);
    }

    /// <summary>
    /// Runs a compiled pattern once on a sample as soon as it is compiled (on its first use), so that the JIT compiles
    /// its matcher on the sample rather than inside a document's first match: compiled patterns skip tiering and are
    /// compiled fully optimised at their first match, which for these took a third of a second, and on a busy
    /// machine such a first match has run past two seconds, which a document's match timeout should not pay for.
    /// </summary>
    private static Regex Warmed(Regex regex)
    {
        // a sentence with a move, a figure, a unit, a period and a clause, so that each pattern's matcher is reached,
        // and its end as a window, as the extractor reads text before a figure
        const string Sample = "Bilateral trade, which the ministry said had grown, rose by about 12.5 percent year-on-year to $240 billion "
            + "and 3 million tonnes of grain in the first 11 months of 2023, the two sides noted; it is expected to reach";
        for (var start = 0; start < Sample.Length; start += 40) _ = regex.IsMatch(Sample, start);
        return regex;
    }

    internal Regex ChangeBefore => _changeBefore.Value;
    internal Regex ChangeAfter => _changeAfter.Value;
    internal Regex LevelMoveBefore => _levelMoveBefore.Value;
    internal Regex Basis => _basis.Value;
    internal Regex TimesComparative => _timesComparative.Value;
    internal Regex MoveBefore => _moveBefore.Value;
    internal Regex LeadsTo => _leadsTo.Value;
    internal Regex AnotherClaim => _anotherClaim.Value;
    internal Regex OrPercent => _orPercent.Value;
    internal Regex Suffix => _suffix.Value;
    internal Regex Yuan => _yuan.Value;
    internal Regex Yen => _yen.Value;
    internal Regex DeterminerBefore => _determinerBefore.Value;
    internal Regex NameBefore => _nameBefore.Value;
    internal Regex ClockOrAgeAfter => _clockOrAgeAfter.Value;
    internal Regex VerbBefore => _verbBefore.Value;
    internal Regex ClauseBoundary => _clauseBoundary.Value;
    internal Regex ArticleBefore => _articleBefore.Value;
    internal Regex OfAfter => _ofAfter.Value;
    internal Regex YearOrMonthStart => _yearOrMonthStart.Value;
    internal Regex OfBefore => _ofBefore.Value;
    internal Regex Relative => _relative.Value;
    internal Regex LeadingGlue => _leadingGlue.Value;
    internal Regex NotANounPhrase => _notANounPhrase.Value;
    internal Regex PrepositionBefore => _prepositionBefore.Value;
    internal Regex StartsWithPreposition => _startsWithPreposition.Value;

    /// <summary>Words of a move down ("fell", "cut"); any other move is up.</summary>
    internal FrozenSet<string> Down { get; }
    internal FrozenSet<string> MeasureVerbs { get; }
    /// <summary>The measure verbs and the words of moves up and down: a measure read forward ends before one.</summary>
    internal FrozenSet<string> MoveWords { get; }
    internal FrozenSet<string> StopWords { get; }
    internal FrozenSet<string> NpDeterminers { get; }
    internal FrozenSet<string> GenericHeads { get; }
    internal FrozenSet<string> TimeHeads { get; }
    internal FrozenSet<string> Pronouns { get; }
    internal FrozenSet<string> ScaleWords { get; }
    internal FrozenSet<string> TimeUnits { get; }
    internal FrozenSet<string> IrregularPlurals { get; }
    internal FrozenSet<string> NotPlurals { get; }
}
