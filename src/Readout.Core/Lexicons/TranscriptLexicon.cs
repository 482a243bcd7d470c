using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Readout.Lexicons;

/// <summary>
/// The speaker labels of transcripts (data/lexicons/transcript_words.tsv and transcript_patterns.tsv, read through
/// <see cref="NamedPatterns"/>), which <see cref="Analyse.TranscriptReader"/> finds the turns of remarks, press
/// conferences and briefings with.
/// </summary>
public sealed class TranscriptLexicon
{
    public const string WordsFile = "transcript_words.tsv";
    public const string PatternsFile = "transcript_patterns.tsv";

    // with case (a label is in capitals), ^ at the start of every line, the same in every culture, and compiled: the
    // reader runs these over every document
    private const RegexOptions Options = RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>Reads and checks both files; <paramref name="read"/> maps a file name to its text.</summary>
    /// <exception cref="Documents.ReadoutException">RO0002 or RO0003 naming the file and line (see <see cref="NamedPatterns"/>).
    /// </exception>
    public static TranscriptLexicon Load(Func<string, string> read) => new(new NamedPatterns(read, WordsFile, PatternsFile, Options));

    // compiled on first use (see NamedPatterns.Deferred), checked at load: loading the lexicons compiles nothing
    private readonly Lazy<Regex> _label, _question;

    private TranscriptLexicon(NamedPatterns p)
    {
        // small patterns: not warmed on a sample (see NamedPatterns.AsCompiled)
        _label = p.Deferred("label", NamedPatterns.AsCompiled, "label");
        _question = p.Deferred("question", NamedPatterns.AsCompiled);
        NotSpeakers = p.Words("not_speakers");
        p.CheckAllUsed();
    }

    internal Regex Label => _label.Value;
    internal Regex Question => _question.Value;

    /// <summary>Labels that name no speaker ("NOTE", "FOR IMMEDIATE RELEASE"), compared with a whole label.</summary>
    internal FrozenSet<string> NotSpeakers { get; }
}
