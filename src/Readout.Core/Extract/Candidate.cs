using Readout.Analyse;
using Readout.Documents;

namespace Readout.Extract;

/// <summary>Everything the extractor needs about one analysed document.</summary>
public sealed record AnalysedDocument(CleanDocument Clean, IReadOnlyList<Sentence> Sentences, MentionLayer Mentions,
    IReadOnlyList<TemporalExpression> Times, ReferenceFrame Frame)
{
    /// <summary>The speaker turns when the document is a transcript (remarks, a press conference, a briefing).</summary>
    public TranscriptLayer Transcript { get; init; } = TranscriptLayer.None;

    /// <summary>The state (ISO3) or organisation whose site published the report (see publishers.tsv), null when unknown.</summary>
    public string? Publisher { get; init; }
}

/// <summary>How a candidate's day was reached, best first.</summary>
internal enum DaySource { OwnClause, Sentence, Inherited, Publication, None }

/// <summary>One clause's claim that an interaction took (or will take) place, before merging.</summary>
internal sealed class Candidate
{
    public required Sentence Sentence { get; init; }
    public required TextSpan Cue { get; init; }
    /// <summary>The mode the cue names; null when it says only that they met or talked (a cue of mode "any").</summary>
    public required InteractionMode? Mode { get; init; }
    public required int Strength { get; init; }
    public required List<PersonMention> Participants { get; init; }
    public TemporalExpression? Time { get; init; }
    public ResolvedDate? Date { get; init; }
    public DaySource DaySource { get; init; } = DaySource.None;
    public bool DateInherited => DaySource is DaySource.Inherited or DaySource.Publication;
    public bool Planned { get; init; }
    public PlaceMention? Venue { get; init; }
    public PlaceMention? City { get; init; }
    /// <summary>The headline: it names the interaction but says nothing of its day.</summary>
    public bool InTitle { get; init; }
    /// <summary>Both a subject and an object were read from the clause (not guessed from the sentence).</summary>
    public bool Structured { get; init; }
    /// <summary>The principals are only "they": the story's pair by the weakest reference, not named in the clause.</summary>
    public bool ByReference { get; init; }
    /// <summary>May this candidate stand for an interaction of its own, or only add to one named elsewhere.</summary>
    public bool CanFound => !ByReference || (DaySource == DaySource.OwnClause && Strength >= 2);
    /// <summary>Officials present whom the clause itself names (the other speakers of a transcript).</summary>
    public List<PersonMention> Attendees { get; init; } = [];
    public string Key => string.Join("|", Participants.Select(p => p.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal));
    public IEnumerable<string> Names => Participants.Select(p => p.Name);
}
