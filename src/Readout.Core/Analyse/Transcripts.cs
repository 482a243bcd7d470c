using System.Globalization;
using System.Text.RegularExpressions;
using Readout.Documents;
using Readout.Lexicons;

namespace Readout.Analyse;

/// <summary>One turn of a transcript: the label that opens it ("PRESIDENT BIDEN:", "Q"), its text, who speaks.</summary>
/// <param name="IsQuestion">A reporter's question ("Q"): no one's statement and no claim that anything happened.</param>
public sealed record SpeakerTurn(TextSpan Span, TextSpan Label, string LabelText, bool IsQuestion)
{
    /// <summary>The speaker, when the label names someone the mention finder can resolve.</summary>
    public PersonMention? Speaker { get; init; }
}

/// <summary>The turns of a transcript (remarks, press conferences, briefings), in text order; none for other documents.</summary>
public sealed record TranscriptLayer(IReadOnlyList<SpeakerTurn> Turns)
{
    public static TranscriptLayer None { get; } = new([]);

    public bool IsTranscript => Turns.Count > 0;

    /// <summary>The turn a position lies in, or null (before the first turn, or not a transcript).</summary>
    public SpeakerTurn? At(int position)
    {
        SpeakerTurn? found = null;
        foreach (var t in Turns)
        {
            if (t.Span.Start > position) break;
            if (position < t.Span.End) found = t;
        }
        return found;
    }

    /// <summary>The people who speak in the transcript, each once, in order of first turn.</summary>
    public IReadOnlyList<PersonMention> Speakers =>
        Turns.Where(t => t.Speaker is not null).Select(t => t.Speaker!).GroupBy(s => s.Name).Select(g => g.First()).ToList();
}

/// <summary>
/// Finds the speaker turns of a transcript: paragraphs opened by a label in capitals and a colon
/// ("PRESIDENT BIDEN:", "GENERAL SECRETARY TRỌNG: (As interpreted.)", "MS. PSAKI:") or by a reporter's "Q".
/// A document with fewer than two labelled turns is not a transcript. The labels are the lexicon's
/// (<see cref="TranscriptLexicon"/>).
/// </summary>
public sealed class TranscriptReader(TranscriptLexicon lexicon)
{
    public TranscriptLayer Read(string text)
    {
        var starts = new List<(int Start, int LabelEnd, string Label, bool Question)>();
        foreach (Match m in lexicon.Label.Matches(text))
        {
            var label = m.Groups["label"].Value.Trim();
            var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 6 || label.Count(char.IsLetter) < 2 || lexicon.NotSpeakers.Contains(label)) continue;
            starts.Add((m.Index, m.Index + m.Length, label, false));
        }
        foreach (Match m in lexicon.Question.Matches(text)) starts.Add((m.Index, m.Index + 1, "Q", true));
        if (starts.Count(s => !s.Question) < 2) return TranscriptLayer.None;
        starts.Sort((a, b) => a.Start.CompareTo(b.Start));
        var turns = new List<SpeakerTurn>();
        for (int i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Start : text.Length;
            var (start, labelEnd, label, question) = starts[i];
            turns.Add(new SpeakerTurn(new TextSpan(start, end), new TextSpan(start, labelEnd), label, question));
        }
        return new TranscriptLayer(turns);
    }

    /// <summary>A label as a name with its title, for the mention finder: "PRIME MINISTER HUN SEN" → "Prime Minister Hun Sen".</summary>
    public static string AsName(string label) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(label.ToLowerInvariant());
}
