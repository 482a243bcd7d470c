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
    private readonly Lazy<EndAnchoredPattern> _changeBefore;
    private readonly Lazy<Regex> _changeAfter;
    private readonly Lazy<EndAnchoredPattern> _levelMoveBefore;
    private readonly Lazy<Regex> _basis;
    private readonly Lazy<Regex> _timesComparative;
    private readonly Lazy<EndAnchoredPattern> _moveBefore;
    private readonly Lazy<EndAnchoredPattern> _leadsTo;
    private readonly Lazy<Regex> _anotherClaim;
    private readonly Lazy<EndAnchoredPattern> _orPercent;
    private readonly Lazy<Regex> _suffix;
    private readonly Lazy<Regex> _yuan;
    private readonly Lazy<Regex> _yen;
    private readonly Lazy<EndAnchoredPattern> _determinerBefore;
    private readonly Lazy<EndAnchoredPattern> _nameBefore;
    private readonly Lazy<Regex> _clockOrAgeAfter;
    private readonly Lazy<EndAnchoredPattern> _verbBefore;
    private readonly Lazy<Regex> _clauseBoundary;
    private readonly Lazy<EndAnchoredPattern> _articleBefore;
    private readonly Lazy<Regex> _ofAfter;
    private readonly Lazy<Regex> _yearOrMonthStart;
    private readonly Lazy<EndAnchoredPattern> _ofBefore;
    private readonly Lazy<EndAnchoredPattern> _relative;
    private readonly Lazy<Regex> _leadingGlue;
    private readonly Lazy<EndAnchoredPattern> _notANounPhrase;
    private readonly Lazy<EndAnchoredPattern> _prepositionBefore;
    private readonly Lazy<Regex> _startsWithPreposition;

    // every pattern above, for StartCompiling
    private readonly IReadOnlyList<Lazy<Regex>> _deferred;

    private FigureLexicon(NamedPatterns p)
    {
        // change
        _changeBefore = p.DeferredAtEnd("change_before", Warmed, "v");
        _changeAfter = p.Deferred("change_after", Warmed, "v");
        _levelMoveBefore = p.DeferredAtEnd("level_move_before", Warmed, "v");
        _basis = p.Deferred("basis", Warmed);
        _timesComparative = p.Deferred("times_comparative", Warmed);
        _moveBefore = p.DeferredAtEnd("move_before", Warmed, "v");
        _leadsTo = p.DeferredAtEnd("leads_to", Warmed);
        _anotherClaim = p.Deferred("another_claim", Warmed);
        _orPercent = p.DeferredAtEnd("or_percent", Warmed);
        // what follows a number, and what is not a figure
        _suffix = p.Deferred("suffix", Warmed, "h", "scale", "pct", "pts", "cur", "times", "unit");
        _yuan = p.Deferred("yuan", Warmed);
        _yen = p.Deferred("yen", Warmed);
        _determinerBefore = p.DeferredAtEnd("determiner_before", Warmed);
        _nameBefore = p.DeferredAtEnd("name_before", Warmed);
        _clockOrAgeAfter = p.Deferred("clock_or_age_after", Warmed);
        // measure
        _verbBefore = p.DeferredAtEnd("verb_before", Warmed, "v");
        _clauseBoundary = p.Deferred("clause_boundary", Warmed);
        _articleBefore = p.DeferredAtEnd("article_before", Warmed);
        _ofAfter = p.Deferred("of_after", Warmed);
        _yearOrMonthStart = p.Deferred("year_or_month_start", Warmed);
        _ofBefore = p.DeferredAtEnd("of_before", Warmed);
        _relative = p.DeferredAtEnd("relative", Warmed);
        _leadingGlue = p.Deferred("leading_glue", Warmed);
        _notANounPhrase = p.DeferredAtEnd("not_a_noun_phrase", Warmed);
        // the prepositions a period takes along (the period grammar itself is the extractor's)
        _prepositionBefore = p.DeferredAtEnd("preposition_before", Warmed);
        _startsWithPreposition = p.Deferred("starts_with_preposition", Warmed);
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
        _deferred = p.DeferredPatterns;
    }

    /// <summary>Compiles and warms every pattern now, in the background (see <see cref="NamedPatterns.StartCompiling"/>).</summary>
    public void StartCompiling() => NamedPatterns.StartCompiling(_deferred);

    /// <summary>
    /// Each pattern is run on this sample when it is compiled (see <see cref="NamedPatterns.WarmedOn"/>): a sentence with
    /// a move, a figure, a unit, a period and a clause, so that each pattern's matcher is reached, and its end as a
    /// window, as the extractor reads text before a figure.
    /// </summary>
    private static readonly Func<Regex, Regex> Warmed = NamedPatterns.WarmedOn(
        "Bilateral trade, which the ministry said had grown, rose by about 12.5 percent year-on-year to $240 billion "
        + "and 3 million tonnes of grain in the first 11 months of 2023, the two sides noted; it is expected to reach");

    internal EndAnchoredPattern ChangeBefore => _changeBefore.Value;
    internal Regex ChangeAfter => _changeAfter.Value;
    internal EndAnchoredPattern LevelMoveBefore => _levelMoveBefore.Value;
    internal Regex Basis => _basis.Value;
    internal Regex TimesComparative => _timesComparative.Value;
    internal EndAnchoredPattern MoveBefore => _moveBefore.Value;
    internal EndAnchoredPattern LeadsTo => _leadsTo.Value;
    internal Regex AnotherClaim => _anotherClaim.Value;
    internal EndAnchoredPattern OrPercent => _orPercent.Value;
    internal Regex Suffix => _suffix.Value;
    internal Regex Yuan => _yuan.Value;
    internal Regex Yen => _yen.Value;
    internal EndAnchoredPattern DeterminerBefore => _determinerBefore.Value;
    internal EndAnchoredPattern NameBefore => _nameBefore.Value;
    internal Regex ClockOrAgeAfter => _clockOrAgeAfter.Value;
    internal EndAnchoredPattern VerbBefore => _verbBefore.Value;
    internal Regex ClauseBoundary => _clauseBoundary.Value;
    internal EndAnchoredPattern ArticleBefore => _articleBefore.Value;
    internal Regex OfAfter => _ofAfter.Value;
    internal Regex YearOrMonthStart => _yearOrMonthStart.Value;
    internal EndAnchoredPattern OfBefore => _ofBefore.Value;
    internal EndAnchoredPattern Relative => _relative.Value;
    internal Regex LeadingGlue => _leadingGlue.Value;
    internal EndAnchoredPattern NotANounPhrase => _notANounPhrase.Value;
    internal EndAnchoredPattern PrepositionBefore => _prepositionBefore.Value;
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
