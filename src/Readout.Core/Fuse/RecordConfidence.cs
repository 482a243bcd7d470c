using System.Globalization;
using Readout.Documents;
using Readout.Analyse;
using Readout.Extract;
using Readout.Lexicons;

namespace Readout.Fuse;

/// <summary>
/// How likely a record is to be right (the interaction happened between these principals, on this day, in this
/// mode), from the evidence the record carries: a logistic regression over a few features of that evidence.
/// The weights are data (<c>data/models/confidence.tsv</c>), trained by <c>scripts/train-confidence.py</c> on the
/// records of <c>../shared/corpus/real</c> scored against its gold; the precision at each threshold is in the
/// README. Each record lists its factors, so the figure explains itself.
/// </summary>
public sealed class RecordConfidence
{
    /// <summary>The features in the order the model file lists them; "bias" is the intercept.</summary>
    public static readonly string[] FeatureNames =
    [
        "bias", "sources", "restated", "told_in_title", "told_early", "mode_stated", "day_stated", "exact_day",
        "day_from_publication", "transcript", "known_people", "with_country", "two_sides", "leaders", "multilateral", "conflicts",
    ];

    private static readonly string[] Header = ["feature", "weight"];
    private readonly IReadOnlyDictionary<string, double> _weights;

    private RecordConfidence(IReadOnlyDictionary<string, double> weights) => _weights = weights;

    /// <summary>The model the build embeds.</summary>
    public static RecordConfidence Default { get; } = LoadEmbedded();

    /// <summary>Reads a model file; every feature must be known, and a missing one weighs nothing.</summary>
    public static RecordConfidence Parse(string text, string file)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (line, cells) in TsvTable.Rows(text, file, Header, 2))
        {
            if (!FeatureNames.Contains(cells[0], StringComparer.Ordinal))
                throw new ReadoutException("RO0002", file, $"line {line}: unknown feature '{cells[0]}' (known: {string.Join(", ", FeatureNames)})");
            if (!double.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !double.IsFinite(w))
                throw new ReadoutException("RO0002", file, $"line {line}: weight '{cells[1]}' is not a number");
            weights[cells[0]] = w;
        }
        return new RecordConfidence(weights);
    }

    private static RecordConfidence LoadEmbedded()
    {
        var asm = typeof(RecordConfidence).Assembly;
        using var stream = asm.GetManifestResourceStream("models/confidence.tsv")
            ?? throw new ReadoutException("RO0001", "confidence.tsv", $"the confidence model is not embedded in {asm.GetName().Name}");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "data/models/confidence.tsv");
    }

    /// <summary>The record's confidence (0..1, three decimals) and its factors.</summary>
    public (double Confidence, IReadOnlyList<ConfidenceFactor> Factors) Score(Interaction record)
    {
        var features = Features(record);
        var factors = FeatureNames.Select(n => new ConfidenceFactor(n, features[n], _weights.GetValueOrDefault(n))).ToList();
        var z = factors.Sum(f => f.Value * f.Weight);
        return (Math.Round(1 / (1 + Math.Exp(-z)), 3), factors);
    }

    /// <summary>The features of a fused record, each in 0..1, read from its fields, basis and evidence alone.</summary>
    public static IReadOnlyDictionary<string, double> Features(Interaction r)
    {
        var evidence = r.Sources.SelectMany(s => s.Evidence.Select(e => (Source: s, Span: e))).ToList();
        var told = evidence.Where(e => e.Span.Field == RecordField.Interaction).ToList();
        var people = r.Participants;
        double Share(Func<Actor, bool> test) => people.Count == 0 ? 0 : Math.Round(people.Count(test) / (double)people.Count, 4);
        var families = r.SourceFamilies ?? r.Sources.Count;
        var exact = r.Date is { Length: 10 } d && d[4] == '-';
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["bias"] = 1,
            ["sources"] = Math.Round(Math.Min(families - 1, 3) / 3.0, 4),
            ["restated"] = Math.Round(Math.Min(Math.Max(told.Count - 1, 0), 3) / 3.0, 4),
            ["told_in_title"] = told.Any(e => e.Span.Start == 0 || e.Source.Title is { } t && e.Span.Text == t) ? 1 : 0,
            ["told_early"] = told.Any(e => e.Span.Start < 600) ? 1 : 0,
            ["mode_stated"] = evidence.Any(e => e.Span.Field == RecordField.Mode) ? 1 : 0,
            ["day_stated"] = evidence.Any(e => e.Span.Field == RecordField.Date) ? 1 : 0,
            ["exact_day"] = exact ? 1 : 0,
            ["day_from_publication"] = r.DateBasis.Anchor == DateAnchor.Publication ? 1 : 0,
            ["transcript"] = r.DateBasis.FromTranscript ? 1 : 0,
            ["known_people"] = Share(p => p.KbId is not null),
            ["with_country"] = Share(p => p.Country is not null),
            ["two_sides"] = people.Select(p => p.Country ?? p.Organisation ?? p.Name).Distinct(StringComparer.Ordinal).Count() >= 2 ? 1 : 0,
            ["leaders"] = Share(p => p.Role is Office.HeadOfState or Office.HeadOfGovernment or Office.ForeignMinister),
            ["multilateral"] = people.Count > 2 ? 1 : 0,
            ["conflicts"] = Math.Round(Math.Min(r.Conflicts?.Count ?? 0, 3) / 3.0, 4),
        };
    }
}
