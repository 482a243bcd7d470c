using System.Collections.Frozen;

namespace Readout.Lexicons;

/// <summary>
/// The word lists of the analyse stage (data/lexicons/analyse_words.tsv, read through <see cref="NamedPatterns"/> as a
/// words file without patterns): the abbreviations the sentence splitter reads a period after
/// (<see cref="Analyse.SentenceSplitter"/>). Each set compares its words as its reader did, which its comment says.
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
        p.CheckAllUsed();
    }

    /// <summary>
    /// Words a period ends without ending the sentence ("Mr", "Sept", "Corp"), without their period, compared without
    /// regard to case: the lists abbreviated_titles and abbreviations and the short month names of dates_words.tsv.
    /// </summary>
    public FrozenSet<string> Abbreviations { get; }
}
