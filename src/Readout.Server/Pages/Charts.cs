using System.Globalization;
using System.Text;
using Readout.Extract;
using Readout.Store;
using static Readout.Server.Pages.Html;

namespace Readout.Server.Pages;

/// <summary>Charts drawn on the server as SVG: no script, no library, nothing fetched.</summary>
internal static class Charts
{
    /// <summary>The order modes are stacked and listed in: the codes' order (phone, video, in person, in writing).</summary>
    private static readonly InteractionMode[] ModeOrder = Enum.GetValues<InteractionMode>();

    /// <summary>Stacked bars: interactions per year, one colour per mode, every year between the first and the last shown.</summary>
    public static string PerYearByMode(IReadOnlyList<YearModeCount> counts)
    {
        var dated = counts.Where(c => c.Year is not null).ToList();
        if (dated.Count == 0) return """<p class="empty">No dated interactions to chart.</p>""";
        int first = dated.Min(x => x.Year!.Value), last = dated.Max(x => x.Year!.Value);
        var byYear = dated.GroupBy(x => x.Year!.Value).ToDictionary(g => g.Key, g => g.ToDictionary(x => x.Mode, x => x.Count));
        var buckets = Enumerable.Range(first, last - first + 1)
            .Select(y => (Label: y.ToString(CultureInfo.InvariantCulture), Modes: byYear.GetValueOrDefault(y) ?? [])).ToList();
        return StackedByMode(buckets, "Interactions per year by mode", "chart-title");
    }

    /// <summary>The granularities of <see cref="OverTime"/>.</summary>
    public static readonly string[] Periods = ["month", "week"];

    /// <summary>Stacked bars per month (YYYY-MM) or ISO week (YYYY-Www) by mode, every period between the first and the last dated record.</summary>
    public static string OverTime(IReadOnlyList<DayModeCount> days, string period)
    {
        var dated = days.Where(d => d.Date is { Length: 10 } x && x[4] == '-' && DateOnly.TryParseExact(x, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .Select(d => (Day: DateOnly.ParseExact(d.Date!, "yyyy-MM-dd", CultureInfo.InvariantCulture), d.Mode, d.Count)).ToList();
        if (dated.Count == 0) return """<p class="empty">No dated interactions to chart.</p>""";
        var week = period == "week";
        DateOnly Start(DateOnly d) => week ? DateOnly.FromDateTime(ISOWeek.ToDateTime(ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)), DayOfWeek.Monday)) : new DateOnly(d.Year, d.Month, 1);
        string Label(DateOnly d) => week
            ? string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)):00}")
            : d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var counts = dated.GroupBy(x => Start(x.Day)).ToDictionary(g => g.Key, g => g.GroupBy(x => x.Mode).ToDictionary(m => m.Key, m => m.Sum(x => x.Count)));
        var first = counts.Keys.Min();
        var last = counts.Keys.Max();
        var buckets = new List<(string, Dictionary<InteractionMode, int>)>();
        for (var d = first; d <= last; d = week ? d.AddDays(7) : d.AddMonths(1))
        {
            if (buckets.Count >= MaxBars)
                return $"""<p class="empty">{N(MaxBars)} {(week ? "weeks" : "months")} or more: narrow the dates{(week ? " or chart by month" : "")}.</p>""";
            buckets.Add((Label(d), counts.GetValueOrDefault(d) ?? []));
        }
        return StackedByMode(buckets, $"Interactions per {period} by mode", "over-time-title");
    }

    private const int MaxBars = 600;

    /// <summary>Horizontal bars, one per item, with its count; each label links where <paramref name="link"/> says (or is plain text).</summary>
    public static string Bars(string title, IReadOnlyList<(string Label, int Count, string? Link, string? Class)> items)
    {
        if (items.Count == 0) return """<p class="empty">None.</p>""";
        var c = CultureInfo.InvariantCulture;
        const int width = 360, row = 20, labelW = 110;
        var max = Math.Max(1, items.Max(i => i.Count));
        var height = items.Count * row + 4;
        var sb = new StringBuilder();
        sb.Append(c, $"""<svg class="bars" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{E(title)}"><title>{E(title)}</title>""");
        for (var i = 0; i < items.Count; i++)
        {
            var (label, count, link, cls) = items[i];
            var y = i * row + 2;
            var w = Math.Max(1, (width - labelW - 50) * (double)count / max);
            var text = $"""<text class="axis" x="{labelW - 6}" y="{y + 14}" text-anchor="end">{E(label)}</text>""";
            sb.Append(link is null ? text : $"""<a href="{E(link)}">{text}</a>""");
            sb.Append(c, $"""<rect class="bar {E(cls ?? "m-count")}" x="{labelW}" y="{y + 3}" width="{w:F1}" height="{row - 6}"><title>{E(label)}: {count}</title></rect>""");
            sb.Append(c, $"""<text class="axis" x="{labelW + w + 5:F1}" y="{y + 14}">{count}</text>""");
        }
        return sb.Append("</svg>").ToString();
    }

    /// <summary>Stacked bars, one per bucket, one colour per mode, with a legend.</summary>
    private static string StackedByMode(
        IReadOnlyList<(string Label, Dictionary<InteractionMode, int> Modes)> buckets, string title, string titleId)
    {
        var c = CultureInfo.InvariantCulture;
        var max = Math.Max(1, buckets.Max(b => b.Modes.Values.Sum()));
        const int width = 760, height = 260, left = 40, right = 10, top = 12, bottom = 40;
        double plotW = width - left - right, plotH = height - top - bottom;
        var slot = plotW / buckets.Count;
        var barW = Math.Max(1, slot * 0.7);
        var sb = new StringBuilder();
        sb.Append(c, $"""<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="{titleId}"><title id="{titleId}">{E(title)}</title>""");
        // axis and gridlines at 0, half and the maximum
        foreach (var v in new[] { 0, max / 2, max }.Distinct())
        {
            var y = top + plotH - plotH * v / max;
            sb.Append(c, $"""<line class="grid" x1="{left}" x2="{width - right}" y1="{y:F1}" y2="{y:F1}"/><text class="axis" x="{left - 6}" y="{y + 4:F1}" text-anchor="end">{v}</text>""");
        }
        var labelEvery = (int)Math.Ceiling(buckets.Count / 12.0);
        for (var i = 0; i < buckets.Count; i++)
        {
            var (label, modes) = buckets[i];
            var x = left + i * slot + (slot - barW) / 2;
            double stacked = 0;
            foreach (var mode in ModeOrder)
            {
                if (!modes.TryGetValue(mode, out var n) || n == 0) continue;
                var h = plotH * n / max;
                var y = top + plotH - stacked - h;
                sb.Append(c, $"""<rect class="bar m-{E(mode.Wire())}" x="{x:F1}" y="{y:F1}" width="{barW:F1}" height="{h:F1}">""")
                    .Append(c, $"""<title>{E(label)}: {n} {E(ModeLabel(mode))}</title></rect>""");
                stacked += h;
            }
            if (i % labelEvery == 0)
                sb.Append(c, $"""<text class="axis" x="{x + barW / 2:F1}" y="{height - bottom + 16}" text-anchor="middle">{E(label)}</text>""");
        }
        // legend
        var lx = left;
        foreach (var mode in ModeOrder)
        {
            sb.Append(c, $"""<rect class="bar m-{mode.Wire()}" x="{lx}" y="{height - 14}" width="10" height="10"/>""")
                .Append(c, $"""<text class="axis" x="{lx + 14}" y="{height - 5}">{E(ModeLabel(mode))}</text>""");
            lx += 110;
        }
        return sb.Append("</svg>").ToString();
    }
}
