using System.Globalization;
using System.Text;
using Readout.Store;
using static Readout.Server.Pages.Html;

namespace Readout.Server.Pages;

/// <summary>Charts drawn on the server as SVG: no script, no library, nothing fetched.</summary>
internal static class Charts
{
    public static readonly string[] ModeOrder = ["phone", "video", "in_person", "written"];

    /// <summary>Stacked bars: interactions per year, one colour per mode, every year between the first and the last shown.</summary>
    public static string PerYearByMode(IReadOnlyList<YearModeCount> counts)
    {
        var dated = counts.Where(c => c.Year is not null).ToList();
        if (dated.Count == 0) return """<p class="empty">No dated interactions to chart.</p>""";
        var c = CultureInfo.InvariantCulture;
        int first = dated.Min(x => x.Year!.Value), last = dated.Max(x => x.Year!.Value);
        var years = Enumerable.Range(first, last - first + 1).ToList();
        var byYear = dated.GroupBy(x => x.Year!.Value).ToDictionary(g => g.Key, g => g.ToDictionary(x => x.Mode, x => x.Count));
        var max = Math.Max(1, byYear.Values.Max(m => m.Values.Sum()));
        const int width = 760, height = 260, left = 40, right = 10, top = 12, bottom = 40;
        double plotW = width - left - right, plotH = height - top - bottom;
        var slot = plotW / years.Count;
        var barW = Math.Max(2, slot * 0.7);
        var sb = new StringBuilder();
        sb.Append(c, $"""<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="chart-title"><title id="chart-title">Interactions per year by mode</title>""");
        // axis and gridlines at 0, half and the maximum
        foreach (var v in new[] { 0, max / 2, max }.Distinct())
        {
            var y = top + plotH - plotH * v / max;
            sb.Append(c, $"""<line class="grid" x1="{left}" x2="{width - right}" y1="{y:F1}" y2="{y:F1}"/><text class="axis" x="{left - 6}" y="{y + 4:F1}" text-anchor="end">{v}</text>""");
        }
        var labelEvery = (int)Math.Ceiling(years.Count / 16.0);
        for (var i = 0; i < years.Count; i++)
        {
            var year = years[i];
            var x = left + i * slot + (slot - barW) / 2;
            double stacked = 0;
            if (byYear.TryGetValue(year, out var modes))
                foreach (var mode in ModeOrder.Concat(modes.Keys.Except(ModeOrder)))
                {
                    if (!modes.TryGetValue(mode, out var n) || n == 0) continue;
                    var h = plotH * n / max;
                    var y = top + plotH - stacked - h;
                    sb.Append(c, $"""<rect class="bar m-{E(mode)}" x="{x:F1}" y="{y:F1}" width="{barW:F1}" height="{h:F1}"><title>{year}: {n} {E(ModeLabel(mode))}</title></rect>""");
                    stacked += h;
                }
            if (i % labelEvery == 0)
                sb.Append(c, $"""<text class="axis" x="{x + barW / 2:F1}" y="{height - bottom + 16}" text-anchor="middle">{year}</text>""");
        }
        // legend
        var lx = left;
        foreach (var mode in ModeOrder)
        {
            sb.Append(c, $"""<rect class="bar m-{mode}" x="{lx}" y="{height - 14}" width="10" height="10"/><text class="axis" x="{lx + 14}" y="{height - 5}">{E(ModeLabel(mode))}</text>""");
            lx += 110;
        }
        return sb.Append("</svg>").ToString();
    }
}
