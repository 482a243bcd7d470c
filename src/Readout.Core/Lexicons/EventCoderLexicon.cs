using System.Text.RegularExpressions;

namespace Readout.Lexicons;

/// <summary>
/// The grammar words of the sentence event coder (data/lexicons/event_coder_words.tsv and event_coder_patterns.tsv,
/// read through <see cref="NamedPatterns"/>): determiners, passive auxiliaries, pronouns, and what may stand between
/// an agent word and the country word that qualifies it. <see cref="Code.SentenceEventCoder"/> takes them when it is
/// built; its verb phrases, agent words and cues are event_verbs.tsv, agents.tsv and words.tsv.
/// </summary>
public sealed class EventCoderLexicon
{
    public const string WordsFile = "event_coder_words.tsv";
    public const string PatternsFile = "event_coder_patterns.tsv";

    // case-insensitive as every other lexicon pattern (two are read with case, below), the same in every culture, and
    // compiled: the coder runs these around every event verb
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;
    private const RegexOptions WithCase = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>Reads and checks both files; <paramref name="read"/> maps a file name to its text.</summary>
    /// <exception cref="Documents.ReadoutException">RO0002 or RO0003 naming the file and line (see <see cref="NamedPatterns"/>).
    /// </exception>
    public static EventCoderLexicon Load(Func<string, string> read) => new(new NamedPatterns(read, WordsFile, PatternsFile, Options));

    // compiled on first use (see NamedPatterns.Deferred), checked at load: loading the lexicons compiles nothing
    private readonly Lazy<Regex> _determinerBefore, _passiveBefore, _pronoun, _byAfter, _modifierGap, _ofInCountry;
    private readonly Lazy<Regex> _mutualGroup, _toBefore, _toBeforeWithCase;

    private EventCoderLexicon(NamedPatterns p)
    {
        // small patterns: not warmed on a sample (see NamedPatterns.AsCompiled)
        _determinerBefore = p.Deferred("determiner_before", NamedPatterns.AsCompiled);
        _passiveBefore = p.Deferred("passive_before", NamedPatterns.AsCompiled);
        _pronoun = p.Deferred("pronoun", NamedPatterns.AsCompiled);
        _byAfter = p.Deferred("by_after", NamedPatterns.AsCompiled);
        // an adjective between a country word and its agent is a word in lower case: a capital starts a name
        _modifierGap = p.Deferred("modifier_gap", WithCase, NamedPatterns.AsCompiled);
        _ofInCountry = p.Deferred("of_in_country", NamedPatterns.AsCompiled);
        _mutualGroup = p.Deferred("mutual_group", NamedPatterns.AsCompiled);
        _toBefore = p.Deferred("to_before", NamedPatterns.AsCompiled);
        // the "to" after an appeal's addressee has been read in lower case only
        _toBeforeWithCase = p.Deferred("to_before", WithCase, NamedPatterns.AsCompiled);
        p.CheckAllUsed();
    }

    internal Regex DeterminerBefore => _determinerBefore.Value;
    internal Regex PassiveBefore => _passiveBefore.Value;
    internal Regex Pronoun => _pronoun.Value;
    internal Regex ByAfter => _byAfter.Value;
    internal Regex ModifierGap => _modifierGap.Value;
    internal Regex OfInCountry => _ofInCountry.Value;
    internal Regex MutualGroup => _mutualGroup.Value;
    internal Regex ToBefore => _toBefore.Value;
    internal Regex ToBeforeWithCase => _toBeforeWithCase.Value;
}
