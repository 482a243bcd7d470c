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

    private FigureLexicon(NamedPatterns p)
    {
        // change
        ChangeBefore = p.Pattern("change_before", "v");
        ChangeAfter = p.Pattern("change_after", "v");
        LevelMoveBefore = p.Pattern("level_move_before", "v");
        Basis = p.Pattern("basis");
        TimesComparative = p.Pattern("times_comparative");
        MoveBefore = p.Pattern("move_before", "v");
        LeadsTo = p.Pattern("leads_to");
        AnotherClaim = p.Pattern("another_claim");
        OrPercent = p.Pattern("or_percent");
        // what follows a number, and what is not a figure
        Suffix = p.Pattern("suffix", "h", "scale", "pct", "pts", "cur", "times", "unit");
        Yuan = p.Pattern("yuan");
        Yen = p.Pattern("yen");
        DeterminerBefore = p.Pattern("determiner_before");
        NameBefore = p.Pattern("name_before");
        ClockOrAgeAfter = p.Pattern("clock_or_age_after");
        // measure
        VerbBefore = p.Pattern("verb_before", "v");
        ClauseBoundary = p.Pattern("clause_boundary");
        ArticleBefore = p.Pattern("article_before");
        OfAfter = p.Pattern("of_after");
        YearOrMonthStart = p.Pattern("year_or_month_start");
        OfBefore = p.Pattern("of_before");
        Relative = p.Pattern("relative");
        LeadingGlue = p.Pattern("leading_glue");
        NotANounPhrase = p.Pattern("not_a_noun_phrase");
        // the prepositions a period takes along (the period grammar itself is the extractor's)
        PrepositionBefore = p.Pattern("preposition_before");
        StartsWithPreposition = p.Pattern("starts_with_preposition");
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
        foreach (var regex in new[]
        {
            ChangeBefore, ChangeAfter, LevelMoveBefore, Basis, TimesComparative, MoveBefore, LeadsTo, AnotherClaim, OrPercent,
            Suffix, Yuan, Yen, DeterminerBefore, NameBefore, ClockOrAgeAfter, VerbBefore, ClauseBoundary, ArticleBefore, OfAfter,
            YearOrMonthStart, OfBefore, Relative, LeadingGlue, NotANounPhrase, PrepositionBefore, StartsWithPreposition,
        })
            Warm(regex);
    }

    /// <summary>
    /// Runs a compiled pattern once, here, so that the JIT compiles its matcher when the lexicon loads rather than on
    /// the first document: compiled patterns skip tiering and are compiled fully optimised at their first match, which
    /// for these took a third of a second, and on a busy machine such a first match has run past two seconds
    /// (Pipeline.TextLimits), which a document's match timeout and time budget should not pay for.
    /// </summary>
    private static void Warm(Regex regex)
    {
        // a sentence with a move, a figure, a unit, a period and a clause, so that each pattern's matcher is reached,
        // and its end as a window, as the extractor reads text before a figure
        const string Sample = "Bilateral trade, which the ministry said had grown, rose by about 12.5 percent year-on-year to $240 billion "
            + "and 3 million tonnes of grain in the first 11 months of 2023, the two sides noted; it is expected to reach";
        for (var start = 0; start < Sample.Length; start += 40) _ = regex.IsMatch(Sample, start);
    }

    internal Regex ChangeBefore { get; }
    internal Regex ChangeAfter { get; }
    internal Regex LevelMoveBefore { get; }
    internal Regex Basis { get; }
    internal Regex TimesComparative { get; }
    internal Regex MoveBefore { get; }
    internal Regex LeadsTo { get; }
    internal Regex AnotherClaim { get; }
    internal Regex OrPercent { get; }
    internal Regex Suffix { get; }
    internal Regex Yuan { get; }
    internal Regex Yen { get; }
    internal Regex DeterminerBefore { get; }
    internal Regex NameBefore { get; }
    internal Regex ClockOrAgeAfter { get; }
    internal Regex VerbBefore { get; }
    internal Regex ClauseBoundary { get; }
    internal Regex ArticleBefore { get; }
    internal Regex OfAfter { get; }
    internal Regex YearOrMonthStart { get; }
    internal Regex OfBefore { get; }
    internal Regex Relative { get; }
    internal Regex LeadingGlue { get; }
    internal Regex NotANounPhrase { get; }
    internal Regex PrepositionBefore { get; }
    internal Regex StartsWithPreposition { get; }

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
