using System.Text.RegularExpressions;
using Readout.Analyse;
using Readout.Ingest;
using Readout.Lexicons;

namespace Readout.Extract;

/// <summary>
/// Which sentences carry speech and whose: a cue that only attributes the sentence ("..., he said."), a paragraph
/// that carries on the speech before it, narration and headlines that are no one's statement. Who a cue names is
/// the <see cref="AttributionFinder"/>'s to say.
/// </summary>
public sealed partial class StatementExtractor
{
    /// <summary>", he said." / ", Putin added," / "according to the customs office." — a cue that only attributes the sentence.</summary>
    private static bool IsAttribution(string sentence, Cue cue)
    {
        // read in place: asked for every cue of every sentence, the two copies were about 1.5% of the pipeline's allocation
        var after = sentence.AsSpan(cue.End).TrimEnd();
        if (cue.Text.Equals("according to", StringComparison.OrdinalIgnoreCase))
            return cue.Start > 0 && (!after.Contains(',') || cue.Start < 3);
        return ShortSubjectAtEnd().IsMatch(sentence.AsSpan(0, cue.Start)) && (after.Length <= 2 || after.StartsWith(','));
    }

    // a shape of text (a comma and up to three words), not words of a language: it stays in the code. Read from the
    // end it anchors on (as EndAnchoredPattern explains): whether it matches is the same in both directions, and read
    // left to right it tried every comma of the text before the cue.
    [GeneratedRegex(@",\s*(?:[\w.'’-]+\s+){1,3}$", RegexOptions.RightToLeft)]
    private static partial Regex ShortSubjectAtEnd();

    /// <summary>A paragraph that opens with no person named, no day and no meeting continues the speech before it.</summary>
    private bool ContinuesSpeech(AnalysedDocument doc, Sentence first) =>
        !doc.Mentions.People.StartingIn(p => p.Span.Start, first.Span.Start, first.Span.End).Any()
        && !doc.Times.StartingIn(t => t.Span.Start, first.Span.Start, first.Span.End).Any(t => t.Kind != TemporalKind.Coarse)
        && !IsNarration(first.Text);

    /// <summary>Sentences that tell what happened (arrivals, meetings, their length) rather than what was said.</summary>
    private bool IsNarration(string sentence) => _x.NarrationVerb.IsMatch(sentence);

    /// <summary>Headlines, bylines and captions end without a full stop; only body sentences carry statements.</summary>
    private static bool IsBodySentence(AnalysedDocument doc, Sentence s)
    {
        var t = s.Text.TrimEnd();
        if (t.Length < 20) return false;
        if (doc.Clean.Title is { } title && t.StartsWith(title, StringComparison.Ordinal)) return false;
        return t[^1] is '.' or '!' or '?' or '"' or '”' or '’' or ')';
    }

    /// <summary>"said Putin", "according to the customs office": only a speech cue names its speaker after it.</summary>
    private List<Speaker>? SpeakerAfter(AnalysedDocument doc, Sentence s, Cue cue) =>
        cue.Class == StatementCueClass.Say ? _who.After(doc, s, cue.End, cue.Text) : null;
}
