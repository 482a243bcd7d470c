using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Readout.Lexicons;

/// <summary>
/// The language of the interaction, statement and attribution readers (data/lexicons/extract_words.tsv and
/// extract_patterns.tsv, read through <see cref="NamedPatterns"/>): negations, appeals, greetings, pronouns, the
/// words of place, of groups and of clauses, the verbs that report a figure. The shared word lists are lent to the
/// patterns as {speech_USE} and {role_USE} (speech_verbs.tsv, role_words.tsv, each use as its reader read it), so a
/// speech verb or a role word is still written once. Shapes of text (white space, punctuation, capitalised names)
/// stay in the readers' code.
/// </summary>
public sealed class ExtractLexicon
{
    public const string WordsFile = "extract_words.tsv";
    public const string PatternsFile = "extract_patterns.tsv";

    // case-insensitive as every other lexicon pattern (a pattern says (?-i) to turn it off), the same in every
    // culture, and compiled: the statement and attribution readers run these on every sentence that has a cue
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>Reads and checks both files; <paramref name="read"/> maps a file name to its text.</summary>
    /// <exception cref="Documents.ReadoutException">
    /// RO0002 or RO0003 naming the file and line (see <see cref="NamedPatterns"/>).
    /// </exception>
    /// <param name="analyse">The analyse stage's words: its title connectors are title modifiers of the clause reader too.</param>
    public static ExtractLexicon Load(Func<string, string> read, SharedWords speechVerbs, SharedWords roleWords, AnalyseLexicon analyse)
    {
        ArgumentNullException.ThrowIfNull(analyse);
        return new(new NamedPatterns(read, WordsFile, PatternsFile, Options, SharedParts(speechVerbs, roleWords)), analyse);
    }

    /// <summary>
    /// The parts the code lends the patterns (see <see cref="NamedPatterns"/>): {speech_USE} and {role_USE}, the words of a
    /// use of speech_verbs.tsv or role_words.tsv, each written as its reader wrote it before the lists were shared (a gap
    /// of any white space after "said on", titles in title case), so that every pattern reads exactly its own words.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SharedParts(SharedWords speechVerbs, SharedWords roleWords)
    {
        ArgumentNullException.ThrowIfNull(speechVerbs);
        ArgumentNullException.ThrowIfNull(roleWords);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["speech_clause"] = speechVerbs.Alternation(SpeechUse.Clause),
            ["speech_closing"] = speechVerbs.Alternation(SpeechUse.Closing),
            ["speech_said_on"] = speechVerbs.Alternation(SpeechUse.SaidOn, gap: @"\s+"),
            ["speech_institution"] = speechVerbs.Alternation(SpeechUse.Institution),
            ["speech_readout_opening"] = speechVerbs.Alternation(SpeechUse.ReadoutOpening),
            ["role_joiner"] = roleWords.Alternation(RoleUse.Joiner),
            ["role_demonym_office"] = roleWords.Alternation(RoleUse.DemonymOffice),
            ["role_bare_title"] = roleWords.Alternation(RoleUse.BareTitle, titleCase: true),
            ["role_name_title"] = roleWords.Alternation(RoleUse.NameTitle, titleCase: true),
        };
    }

    // compiled and warmed on first use (see NamedPatterns.Deferred), checked at load
    private readonly Lazy<Regex> _greeting, _infinitiveAfter, _pronoun, _firstPerson, _pastVerb, _virtual, _spokeCue,
        _meetCue, _locativeAfter, _institutionVerbAfter;
    private readonly Lazy<Regex> _clauseBoundary, _subordinateOpener, _frontedOpener, _joiner;
    private readonly Lazy<Regex> _stateGroup, _personGroup, _speakerPronoun, _demonymSide, _roleReference, _bareTitle,
        _stateVoice;
    private readonly Lazy<Regex> _accordingTo, _dataFrom, _leadingThe, _trailingData, _reportVerb, _capitalisedName;
    private readonly Lazy<Regex> _readoutOpening, _narrationVerb, _clauseSeparator, _andThat, _greetedPerson,
        _congratulation, _negation, _futureMarker, _hypothetical, _commitment, _obligation, _sharedSubject;
    // matched from their end (see EndAnchoredPattern)
    private readonly Lazy<EndAnchoredPattern> _negatedBefore, _denialBefore, _appealBefore, _openingDate,
        _earlierReference, _saidOn, _locativeBefore, _joinerOnly, _closing, _titleBeforeName, _joinedByTitle,
        _personAfterPreposition, _placeAfterPreposition, _itWas, _institutionVoice, _adverbEnd,
        _pronounName, _greetingCue;

    /// <summary>Compiles and warms every pattern now, in the background (see <see cref="NamedPatterns.StartCompiling"/>).</summary>
    public void StartCompiling() => NamedPatterns.StartCompiling(_deferred);

    // every pattern above, for StartCompiling
    private readonly IReadOnlyList<Lazy<Regex>> _deferred;

    private ExtractLexicon(NamedPatterns p, AnalyseLexicon analyse)
    {
        // interactions
        _negatedBefore = p.DeferredAtEnd("negated_before", Warmed);
        _denialBefore = p.DeferredAtEnd("denial_before", Warmed);
        _appealBefore = p.DeferredAtEnd("appeal_before", Warmed);
        _greeting = p.Deferred("greeting", Warmed);
        _infinitiveAfter = p.Deferred("infinitive_after", Warmed);
        _pronoun = p.Deferred("pronoun", Warmed);
        _firstPerson = p.Deferred("first_person", Warmed);
        _openingDate = p.DeferredAtEnd("opening_date", Warmed);
        _earlierReference = p.DeferredAtEnd("earlier_reference", Warmed);
        _saidOn = p.DeferredAtEnd("said_on", Warmed);
        _pastVerb = p.Deferred("past_verb", Warmed);
        _virtual = p.Deferred("virtual", Warmed);
        _spokeCue = p.Deferred("spoke_cue", Warmed);
        _meetCue = p.Deferred("meet_cue", Warmed);
        _locativeBefore = p.DeferredAtEnd("locative_before", Warmed);
        _locativeAfter = p.Deferred("locative_after", Warmed);
        _institutionVerbAfter = p.Deferred("institution_verb_after", Warmed);
        // clauses
        _clauseBoundary = p.Deferred("clause_boundary", Warmed);
        _subordinateOpener = p.Deferred("subordinate_opener", Warmed, "w");
        _frontedOpener = p.Deferred("fronted_opener", Warmed, "w");
        _joiner = p.Deferred("joiner", Warmed);
        _joinerOnly = p.DeferredAtEnd("joiner_only", Warmed);
        // attribution: who said it
        _stateGroup = p.Deferred("state_group", Warmed, "who");
        _personGroup = p.Deferred("person_group", Warmed, "who");
        _speakerPronoun = p.Deferred("speaker_pronoun", Warmed);
        _demonymSide = p.Deferred("demonym_side", Warmed, "dem");
        _roleReference = p.Deferred("role_reference", Warmed, "dem", "role");
        _bareTitle = p.Deferred("bare_title", Warmed, "t");
        _closing = p.DeferredAtEnd("closing", Warmed, "who");
        _titleBeforeName = p.DeferredAtEnd("title_before_name", Warmed);
        _joinedByTitle = p.DeferredAtEnd("joined_by_title", Warmed);
        _personAfterPreposition = p.DeferredAtEnd("person_after_preposition", Warmed);
        _placeAfterPreposition = p.DeferredAtEnd("place_after_preposition", Warmed);
        _stateVoice = p.Deferred("state_voice", Warmed);
        _itWas = p.DeferredAtEnd("it_was", Warmed);
        _institutionVoice = p.DeferredAtEnd("institution_voice", Warmed);
        // attribution: who gives a figure
        _accordingTo = p.Deferred("according_to", Warmed, "src");
        _dataFrom = p.Deferred("data_from", Warmed);
        _leadingThe = p.Deferred("leading_the", Warmed);
        _trailingData = p.Deferred("trailing_data", Warmed);
        _reportVerb = p.Deferred("report_verb", Warmed, "v");
        _adverbEnd = p.DeferredAtEnd("adverb_end", Warmed);
        _capitalisedName = p.Deferred("capitalised_name", Warmed, "n");
        _pronounName = p.DeferredAtEnd("pronoun_name", Warmed);
        // statements
        _readoutOpening = p.Deferred("readout_opening", Warmed);
        _narrationVerb = p.Deferred("narration_verb", Warmed);
        _clauseSeparator = p.Deferred("clause_separator", Warmed);
        _andThat = p.Deferred("and_that", Warmed);
        _greetingCue = p.DeferredAtEnd("greeting_cue", Warmed);
        _greetedPerson = p.Deferred("greeted_person", Warmed);
        _congratulation = p.Deferred("congratulation", Warmed);
        _negation = p.Deferred("negation", Warmed);
        _futureMarker = p.Deferred("future_marker", Warmed);
        _hypothetical = p.Deferred("hypothetical", Warmed);
        _commitment = p.Deferred("commitment", Warmed);
        _obligation = p.Deferred("obligation", Warmed, "subj");
        _sharedSubject = p.Deferred("shared_subject", Warmed);
        // the openings of the words every obligation ends with, looked for before the pattern runs (none: it always runs)
        ObligationWords = RequiredLiterals.Of(p.Text("obligation_words")) is { } openings
            ? new LiteralSet(openings) : null;
        // words the code compares as its readers did: with case (an ordinal set), each caller lowering its word if it did
        ThirdPerson = p.WordsWithCase("third_person");
        DataNouns = p.WordsWithCase("data_nouns");
        ObjectOpeners = p.Words("object_openers");
        WholePartyOpeners = p.Words("whole_party_openers");
        ListContinuers = p.WordsWithCase("list_continuers");
        TitleModifiers = p.Words("title_modifiers").Concat(analyse.TitleConnectors).ToFrozenSet(StringComparer.Ordinal);
        TitlePrepositions = p.WordsWithCase("title_prepositions");
        DirectObjectWords = p.WordsWithCase("direct_object_words");
        SubjectPrepositions = p.WordsWithCase("subject_prepositions");
        ArgumentFillers = p.WordsWithCase("argument_fillers");
        ConditionalOpeners = p.WordsWithCase("conditional_openers");
        DatingOpeners = p.WordsWithCase("dating_openers");
        NameConnectors = p.WordsWithCase("name_connectors");
        p.CheckAllUsed();
        _deferred = p.DeferredPatterns;
    }

    /// <summary>Each pattern is run on this sample when it is compiled (see <see cref="NamedPatterns.WarmedOn"/>).</summary>
    private static readonly Func<Regex, Regex> Warmed = NamedPatterns.WarmedOn(
        "After talks in Geneva on Monday, President Xi Jinping said the two sides would not meet again, "
        + "according to data from the customs office; trade had grown, he told reporters.");

    // ---- interactions -----------------------------------------------------------------------------------
    internal EndAnchoredPattern NegatedBefore => _negatedBefore.Value;
    internal EndAnchoredPattern DenialBefore => _denialBefore.Value;
    internal EndAnchoredPattern AppealBefore => _appealBefore.Value;
    internal Regex Greeting => _greeting.Value;
    internal Regex InfinitiveAfter => _infinitiveAfter.Value;
    internal Regex Pronoun => _pronoun.Value;
    internal Regex FirstPerson => _firstPerson.Value;
    internal EndAnchoredPattern OpeningDate => _openingDate.Value;
    internal EndAnchoredPattern EarlierReference => _earlierReference.Value;
    internal EndAnchoredPattern SaidOn => _saidOn.Value;
    internal Regex PastVerb => _pastVerb.Value;
    internal Regex Virtual => _virtual.Value;
    internal Regex SpokeCue => _spokeCue.Value;
    internal Regex MeetCue => _meetCue.Value;
    internal EndAnchoredPattern LocativeBefore => _locativeBefore.Value;
    internal Regex LocativeAfter => _locativeAfter.Value;
    internal Regex InstitutionVerbAfter => _institutionVerbAfter.Value;

    // ---- clauses ----------------------------------------------------------------------------------------
    internal Regex ClauseBoundary => _clauseBoundary.Value;
    internal Regex SubordinateOpener => _subordinateOpener.Value;
    internal Regex FrontedOpener => _frontedOpener.Value;
    internal Regex Joiner => _joiner.Value;
    internal EndAnchoredPattern JoinerOnly => _joinerOnly.Value;

    // ---- attribution ------------------------------------------------------------------------------------
    internal Regex StateGroup => _stateGroup.Value;
    internal Regex PersonGroup => _personGroup.Value;
    internal Regex SpeakerPronoun => _speakerPronoun.Value;
    internal Regex DemonymSide => _demonymSide.Value;
    internal Regex RoleReference => _roleReference.Value;
    internal Regex BareTitle => _bareTitle.Value;
    internal EndAnchoredPattern Closing => _closing.Value;
    internal EndAnchoredPattern TitleBeforeName => _titleBeforeName.Value;
    internal EndAnchoredPattern JoinedByTitle => _joinedByTitle.Value;
    internal EndAnchoredPattern PersonAfterPreposition => _personAfterPreposition.Value;
    internal EndAnchoredPattern PlaceAfterPreposition => _placeAfterPreposition.Value;
    internal Regex StateVoice => _stateVoice.Value;
    internal EndAnchoredPattern ItWas => _itWas.Value;
    internal EndAnchoredPattern InstitutionVoice => _institutionVoice.Value;
    internal Regex AccordingTo => _accordingTo.Value;
    internal Regex DataFrom => _dataFrom.Value;
    internal Regex LeadingThe => _leadingThe.Value;
    internal Regex TrailingData => _trailingData.Value;
    /// <summary>The verbs that report a figure; a noun phrase read back from a figure stops at one too.</summary>
    internal Regex ReportVerb => _reportVerb.Value;
    internal EndAnchoredPattern AdverbEnd => _adverbEnd.Value;
    internal Regex CapitalisedName => _capitalisedName.Value;
    internal EndAnchoredPattern PronounName => _pronounName.Value;

    // ---- statements -------------------------------------------------------------------------------------
    internal Regex ReadoutOpening => _readoutOpening.Value;
    internal Regex NarrationVerb => _narrationVerb.Value;
    internal Regex ClauseSeparator => _clauseSeparator.Value;
    internal Regex AndThat => _andThat.Value;
    internal EndAnchoredPattern GreetingCue => _greetingCue.Value;
    internal Regex GreetedPerson => _greetedPerson.Value;
    internal Regex Congratulation => _congratulation.Value;
    internal Regex Negation => _negation.Value;
    internal Regex FutureMarker => _futureMarker.Value;
    internal Regex Hypothetical => _hypothetical.Value;
    internal Regex Commitment => _commitment.Value;
    internal Regex Obligation => _obligation.Value;
    internal Regex SharedSubject => _sharedSubject.Value;

    /// <summary>The words every match of <see cref="Obligation"/> ends with; null when they cannot be read from the pattern.</summary>
    internal LiteralSet? ObligationWords { get; }

    /// <summary>"he", "she", compared with case.</summary>
    internal FrozenSet<string> ThirdPerson { get; }

    /// <summary>"data", "figures"...: compared with case.</summary>
    internal FrozenSet<string> DataNouns { get; }

    // ---- clauses and arguments (ClauseReader, InteractionExtractor) ------------------------------------------
    /// <summary>"with", "between", "hosted"...: before a group after the predicate, its object; without regard to case.</summary>
    internal FrozenSet<string> ObjectOpeners { get; }

    /// <summary>The words before an object that names every party of the meeting ("between"): extract_words.tsv.</summary>
    internal FrozenSet<string> WholePartyOpeners { get; }

    /// <summary>"of", "and", "today"...: after the last name of a list, not the verb of a new clause; with case.</summary>
    internal FrozenSet<string> ListContinuers { get; }

    /// <summary>
    /// "incoming", "former", "and"...: lower-case words of a title phrase before a name; with case. The list title_modifiers
    /// and the analyse stage's title connectors (<see cref="AnalyseLexicon.TitleConnectors"/>).
    /// </summary>
    internal FrozenSet<string> TitleModifiers { get; }

    /// <summary>"to", "of", "for", "on", "in": the prepositions among <see cref="TitleModifiers"/>; with case.</summary>
    internal FrozenSet<string> TitlePrepositions { get; }

    /// <summary>"by", "back", "counterpart"...: what may stand between a verb and its direct object; with case.</summary>
    internal FrozenSet<string> DirectObjectWords { get; }

    /// <summary>"by", "of", "with"...: before a group, make it a preposition's object, not the subject; with case.</summary>
    internal FrozenSet<string> SubjectPrepositions { get; }

    /// <summary>"the", "today", "Mr"...: skipped between a predicate and its argument; with case.</summary>
    internal FrozenSet<string> ArgumentFillers { get; }

    /// <summary>"if", "unless", "whether": a clause they open states a condition, not a claim; with case.</summary>
    internal FrozenSet<string> ConditionalOpeners { get; }

    /// <summary>"when", "where", "while", "as": a clause they open is dated by the clause it qualifies; with case.</summary>
    internal FrozenSet<string> DatingOpeners { get; }

    // ---- attribution: who gives a figure ----------------------------------------------------------------------
    /// <summary>"of", "and", "&amp;"...: inside an organisation's name, never at its ends; with case.</summary>
    internal FrozenSet<string> NameConnectors { get; }
}
