using System.Text.RegularExpressions;
using Readout.Documents;
using Readout.Ingest;
using Readout.Lexicons;

namespace Readout.Extract;

/// <summary>
/// A figure a report gives: a number with a unit or a currency ("$172.4 billion", "47.5 percent",
/// "1 million tonnes", "fourteen times", "59 Tomahawk missiles"), what it measures, the period it covers,
/// the change it shows and who gives it.
/// </summary>
/// <param name="Id">"fig-" and 12 hex digits derived from the report's content hash and the figure's start.</param>
/// <param name="Text">The figure as written: "$172.4 billion", "fourteenfold".</param>
/// <param name="Start">Start of <paramref name="Text"/> in the clean text.</param>
/// <param name="End">End of <paramref name="Text"/> in the clean text (half-open).</param>
/// <param name="Value">The number, scale applied: "$172.4 billion" → 172400000000; "47.5 percent" → 47.5.</param>
/// <param name="Unit">"money", "percent", "percentage points", "times" (a multiplier), a physical unit
/// ("tonnes", "barrels") or, for a count, the counted noun phrase ("Tomahawk missiles").</param>
/// <param name="Currency">ISO 4217 code where the text makes it clear ($ and US$ → USD, € and euros → EUR), else null.</param>
/// <param name="Measure">What the figure measures, from the nearby noun phrase ("trade between China and Russia").</param>
/// <param name="PeriodText">The period as written ("in the first 11 months of this year").</param>
/// <param name="PeriodStart">The period's first day (ISO), when the report fixes it; null when its year cannot be known.</param>
/// <param name="PeriodEnd">The period's last day (ISO); for "since 2001", the report's reference day when known.</param>
/// <param name="ChangePercent">The change the figure shows, in percent, negative for a fall ("down 3 percent" → -3).</param>
/// <param name="ChangeDirection">"up" or "down" ("increased to $172.4 billion", "fell 3 percent").</param>
/// <param name="ChangeBasis">"year-on-year", "month-on-month" or "quarter-on-quarter".</param>
/// <param name="Source">Who gives the figure: "according to X", "X said".</param>
/// <param name="SentenceStart">Start of the sentence the figure is in.</param>
/// <param name="SentenceEnd">End of that sentence (half-open).</param>
public sealed record Figure(string Id, string Text, int Start, int End, double Value, string? Unit, string? Currency,
    string? Measure, string? PeriodText, string? PeriodStart, string? PeriodEnd, double? ChangePercent,
    string? ChangeDirection, string? ChangeBasis, string? Source, int SentenceStart, int SentenceEnd);

/// <summary>
/// Finds figures in a report's clean text, sentence by sentence. A number counts only with a unit, a
/// currency, a percent sign, a multiplier ("times", "-fold") or a plural noun it counts; years, dates,
/// ordinals, clock times, durations and numbers inside names ("G20", "COVID-19") are not figures. A
/// percentage that gives the change of another figure in the same sentence ("$172.4 billion ..., a
/// year-on-year rise of 47.5 percent") is attached to that figure rather than reported alone. Periods
/// are resolved against the document's reference frame and never the clock. The words and patterns it reads
/// by are the lexicon's (<see cref="FigureLexicon"/>: figure_words.tsv, figure_patterns.tsv); the code keeps the
/// number grammar, the tables that give a word its value, and what each pattern's match means.
/// </summary>
public sealed partial class FigureExtractor
{
    /// <summary>The words and patterns of figures, compiled once with the lexicon (figure_words.tsv, figure_patterns.tsv).</summary>
    private readonly FigureLexicon _w;

    /// <summary>This extractor's phrase reading, which the attribution finder uses for sources no mention names.</summary>
    private readonly PlainWords _phraseReading;

    /// <summary>Who gives a figure, and the verbs that report one (extract_patterns.tsv), at which a measure read back stops.</summary>
    private readonly AttributionFinder _sources;
    private readonly ExtractLexicon _x;

    public FigureExtractor(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _w = lexicon.Figures;
        _phraseReading = new(WordsBackward, _w.StopWords, _w.Pronouns);
        _sources = new AttributionFinder(lexicon);
        _x = lexicon.Extract;
    }

    private enum Kind { Money, Percent, Points, Multiplier, Physical, Count }

    private sealed class Candidate
    {
        public int Start, End, NumStart, NumEnd;
        public double Value;
        public Kind Kind;
        public string? Unit, Currency;
        public double? ChangePercent;
        public string? Direction, Basis;
        public bool IsChange, Absorbed;
        public Candidate? ChangeFrom;   // the percentage attached to this figure: its subject is this figure's measure too
    }

    private sealed record Period(TextSpan Span, string Text, string? Start, string? End);

    /// <summary>The figures of one analysed report, in text order.</summary>
    public IReadOnlyList<Figure> Extract(AnalysedDocument doc, CancellationToken ct = default)
    {
        var text = doc.Clean.Text;
        var frameYear = doc.Frame.Date?.Year ?? doc.Frame.Year;
        var frameDay = doc.Frame.Date;
        var yuanOrYen = YuanOrYen(text);
        var result = new List<Figure>();

        foreach (var s in doc.Sentences)
        {
            ct.ThrowIfCancellationRequested();
            var sText = s.Text;
            var cands = FindCandidates(doc, s, yuanOrYen);
            if (cands.Count == 0) continue;
            var basisSpans = _w.Basis.Matches(sText).Select(m => (Span: new TextSpan(s.Span.Start + m.Index, s.Span.Start + m.Index + m.Length), Text: m.Value)).ToList();
            var periods = FindPeriods(sText, s.Span.Start, basisSpans.Select(b => b.Span).ToList(), frameYear, frameDay);
            // a number inside a period ("the first 11 months") is part of the period
            cands.RemoveAll(c => periods.Any(p => p.Span.Overlaps(new TextSpan(c.NumStart, c.NumEnd))));
            if (cands.Count == 0) continue;

            // a level reached by a move: "increased to $172.4 billion"
            foreach (var c in cands.Where(c => c.Kind is not (Kind.Percent or Kind.Points)))
            {
                // the window before the figure, read in place (most windows are turned away by their last word)
                var (from, length) = Before(s, c.Start);
                if (_w.LevelMoveBefore.Match(text, from, length) is { Success: true } lm) c.Direction = Direction(lm.Groups["v"].Value);
                else if (_w.MoveBefore.Match(text, from, length) is { Success: true } cm)
                    c.Direction = Direction(cm.Groups["v"].Value);
            }

            // change: percentages that say how much something moved
            foreach (var c in cands.Where(c => c.Kind is Kind.Percent or Kind.Points))
            {
                var (from, length) = Before(s, c.Start);
                var mb = _w.ChangeBefore.Match(text, from, length);
                // the move after the percentage is read only where none comes before it
                string? dir = mb.Success ? Direction(mb.Groups["v"].Value)
                    : _w.ChangeAfter.Match(text, c.End, Math.Min(s.Span.End, c.End + 120) - c.End) is { Success: true } ma ? Direction(ma.Groups["v"].Value)
                    : null;
                // "increased by $3.4 billion, or 8 percent": the same move in percent
                if (dir is null && cands.LastOrDefault(t => t.End <= c.Start) is { Direction: { } prevDir, Kind: not (Kind.Percent or Kind.Points) } prevFig
                    && _w.OrPercent.IsMatch(text[prevFig.End..c.Start]))
                    dir = prevDir;
                if (dir is null)
                {
                    if (_w.LevelMoveBefore.Match(text, from, length) is { Success: true } lm) c.Direction = Direction(lm.Groups["v"].Value);
                    continue;
                }
                c.IsChange = true;
                c.Direction = dir;
                c.Basis = NearestBasis(basisSpans, c);
                if (c.Kind == Kind.Percent) c.ChangePercent = dir == "down" ? -c.Value : c.Value;
            }
            var masks = periods.Select(p => p.Span).Concat(basisSpans.Select(b => b.Span)).ToList();
            foreach (var p in cands.Where(c => c.IsChange && c.Kind == Kind.Percent))
            {
                // the figure just before ("$172.4 billion ..., a year-on-year rise of 47.5 percent") or the one the
                // change leads to ("up 33 percent to $67.4 million"), with nothing between that starts another claim
                var prev = cands.LastOrDefault(t => t.End <= p.Start);
                var next = cands.FirstOrDefault(t => t.Start >= p.End);
                Candidate? target = null;
                if (prev is { Kind: Kind.Money or Kind.Physical or Kind.Count, ChangePercent: null } && ChangeFollows(text, prev.End, p.Start, masks))
                    target = prev;
                else if (next is { Kind: Kind.Money or Kind.Physical or Kind.Count, ChangePercent: null } && _w.LeadsTo.IsMatch(Unmasked(text, p.End, next.Start, masks)))
                    target = next;
                if (target is null) continue;
                target.ChangePercent = p.ChangePercent;
                target.Direction = p.Direction;
                target.Basis = p.Basis;
                target.ChangeFrom = p;
                p.Absorbed = true;
            }

            foreach (var c in cands.Where(c => !c.Absorbed))
            {
                // the nearest period not separated from the figure by another figure ("$776 million, up 12 percent from $693 million last year")
                var period = periods.Where(p => !p.Span.Overlaps(new TextSpan(c.Start, c.End)))
                    .Where(p => !cands.Any(o => o != c && (o.Start >= Math.Min(p.Span.End, c.End) && o.End <= Math.Max(p.Span.Start, c.Start))))
                    .OrderBy(p => Distance(p.Span, new TextSpan(c.Start, c.End))).FirstOrDefault();
                var measure = Measure(doc, s, c, masks, cands) ?? (c.ChangeFrom is { } from ? Measure(doc, s, from, masks, cands) : null);
                var source = _sources.FigureSource(doc, s, new TextSpan(c.Start, c.End), _phraseReading);
                var id = "fig-" + InputReader.Hash($"{doc.Clean.Raw.ContentHash}|{c.Start}")[..12];
                result.Add(new Figure(id, text[c.Start..c.End], c.Start, c.End, c.Value, c.Unit, c.Currency, measure,
                    period?.Text, period?.Start, period?.End, c.ChangePercent, c.Direction, c.Basis, source, s.Span.Start, s.Span.End));
            }
        }
        return result;
    }
}
