using System.Globalization;
using Readout.Export.Contract;
using Readout.Extract;

namespace Readout.Export;

/// <summary>Figures as JSON Lines (<see cref="FigureRecord"/>, each with its source report's uri) and CSV.</summary>
public static class FigureExporter
{
    public static int WriteJsonl(IReadOnlyList<(Figure Figure, string Uri)> figures, TextWriter w)
    {
        foreach (var (f, uri) in figures)
        {
            w.WriteLine(ExportJson.Serialize(FigureRecord.From(f, uri)));
        }
        return figures.Count;
    }

    public static readonly string[] Header =
        ["id", "value", "unit", "currency", "measure", "period_text", "period_start", "period_end", "change_percent", "change_direction", "change_basis", "cited_source", "text", "source", "start", "end"];

    public static int WriteCsv(IReadOnlyList<(Figure Figure, string Uri)> figures, TextWriter w)
    {
        w.WriteLine(string.Join(",", Header));
        foreach (var (f, uri) in figures)
        {
            var cells = new[]
            {
                f.Id, f.Value.ToString("R", CultureInfo.InvariantCulture), f.Unit ?? "", f.Currency ?? "", f.Measure ?? "", f.PeriodText ?? "",
                f.PeriodStart ?? "", f.PeriodEnd ?? "", f.ChangePercent?.ToString(CultureInfo.InvariantCulture) ?? "", f.ChangeDirection ?? "", f.ChangeBasis ?? "",
                f.Source ?? "", f.Text, uri, f.Start.ToString(CultureInfo.InvariantCulture), f.End.ToString(CultureInfo.InvariantCulture),
            };
            w.WriteLine(string.Join(",", cells.Select(CsvExporter.Quote)));
        }
        return figures.Count;
    }
}
