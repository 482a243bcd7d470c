using System.Collections.Frozen;

namespace Readout.Lexicons;

/// <summary>
/// The word lists of the analyse stage (data/lexicons/analyse_words.tsv, read through <see cref="NamedPatterns"/> as a
/// words file without patterns): the abbreviations the sentence splitter reads a period after
/// (<see cref="Analyse.SentenceSplitter"/>), the particles and suffixes of names (<see cref="Analyse.NameGrammar"/>,
/// <see cref="PeopleIndex"/>), the words a surname cannot be told from and the connectors of a title phrase. Each set
/// compares its words as its reader did, which its comment says.
/// </summary>
public sealed class AnalyseLexicon
{
    public const string WordsFile = "analyse_words.tsv";

    /// <summary>
    /// Reads and checks the words file; <paramref name="read"/> maps a file name to its text. The short month names
    /// come from <paramref name="dates"/>, where each month name is written once.
    /// </summary>
    /// <exception cref="Documents.ReadoutException">RO0002 or RO0003 naming the file and line (see <see cref="NamedPatterns"/>).
    /// </exception>
    public static AnalyseLexicon Load(Func<string, string> read, DateLexicon dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        return new(new NamedPatterns(read, WordsFile), dates);
    }

    private AnalyseLexicon(NamedPatterns p, DateLexicon dates)
    {
        Abbreviations = p.Words("abbreviated_titles").Concat(dates.ShortMonths).Concat(p.Words("abbreviations"))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        var (particles, suffixes) = (p.Words("name_particles"), p.Words("name_suffixes"));
        NameParticles = particles.Concat(p.Words("name_grammar_particles")).ToFrozenSet(StringComparer.Ordinal);
        NameSuffixes = suffixes.Concat(p.Words("name_grammar_suffixes")).ToFrozenSet(StringComparer.Ordinal);
        IndexParticles = particles.Concat(suffixes).Concat(p.Words("people_index_suffixes")).Select(Lexicon.Fold)
            .ToFrozenSet(StringComparer.Ordinal);
        SurnameCommonWords = p.Words("surname_common_words");
        TitleConnectors = p.WordsWithCase("title_connectors");
        p.CheckAllUsed();
    }

    /// <summary>
    /// Words a period ends without ending the sentence ("Mr", "Sept", "Corp"), without their period, compared without
    /// regard to case: the lists abbreviated_titles and abbreviations and the short month names of dates_words.tsv.
    /// </summary>
    public FrozenSet<string> Abbreviations { get; }

    /// <summary>
    /// Lower-case particles between the words of a name in running text ("da", "bin", "della"), compared with case:
    /// the lists name_particles and name_grammar_particles (<see cref="Analyse.NameGrammar"/>).
    /// </summary>
    public FrozenSet<string> NameParticles { get; }

    /// <summary>
    /// Suffixes and regnal numbers after a name in running text ("Jr", "III"), compared with case: the lists name_suffixes
    /// and name_grammar_suffixes (<see cref="Analyse.NameGrammar"/>).
    /// </summary>
    public FrozenSet<string> NameSuffixes { get; }

    /// <summary>
    /// The folded words of a knowledge-base name that name no one ("bin", "de", "jr", "iii"), compared with the name's folded
    /// words: the lists name_particles, name_suffixes and people_index_suffixes, folded (<see cref="PeopleIndex"/>).
    /// </summary>
    public FrozenSet<string> IndexParticles { get; }

    /// <summary>
    /// Words a family name may also be ("He" of "He Lifeng", "So"), compared without regard to case: a later mention by
    /// such a name is not tied back to the person (the list surname_common_words).
    /// </summary>
    public FrozenSet<string> SurnameCommonWords { get; }

    /// <summary>
    /// Lower-case words inside a title phrase ("of", "the", "and"), compared with case (the list title_connectors): read by
    /// <see cref="Analyse.TitleReader"/>, and by the extract stage's clause reader among its title modifiers.
    /// </summary>
    public FrozenSet<string> TitleConnectors { get; }
}
