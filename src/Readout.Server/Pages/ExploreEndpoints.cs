using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Readout.Export;
using Readout.Extract;
using Readout.Store;
using static Readout.Server.Pages.Html;

namespace Readout.Server.Pages;

/// <summary>
/// Seeing the current filter as a whole and taking it away: interactions over time by mode, counts by mode and
/// by country, the map of in-person meetings, and downloads of the filter's records as CSV and JSON Lines.
/// </summary>
internal static class ExploreEndpoints
{
    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/export.csv", (HttpContext context, [AsParameters] ListParameters p, IReadoutStores stores, CancellationToken ct) =>
            Download(context, p, stores, "text/csv; charset=utf-8", "csv", (rows, w) => CsvExporter.Write(rows, w), ct));
        pages.MapGet("/export.jsonl", (HttpContext context, [AsParameters] ListParameters p, IReadoutStores stores, CancellationToken ct) =>
            Download(context, p, stores, "application/x-ndjson; charset=utf-8", "jsonl", (rows, w) => JsonlExporter.Write(rows, w), ct));
        pages.MapGet("/map/land.svg", (WorldMap map, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Text(map.LandSvg, "image/svg+xml; charset=utf-8");
        });
    }

    /// <summary>The query string of the current filter (without the page), with <paramref name="extra"/> added.</summary>
    public static string FilterQuery(ListParameters p, params (string Key, string? Value)[] extra)
    {
        var q = new List<KeyValuePair<string, string>>();
        foreach (var a in p.Actor ?? []) if (!string.IsNullOrWhiteSpace(a)) q.Add(new("actor", a));
        foreach (var c in p.Country ?? []) if (!string.IsNullOrWhiteSpace(c)) q.Add(new("country", c));
        foreach (var (k, v) in new[] { ("from", p.From), ("to", p.To), ("mode", p.Mode), ("status", p.Status), ("min_confidence", p.MinConfidence), ("q", p.Q), ("sort", p.Sort) }.Concat(extra))
            if (!string.IsNullOrEmpty(v)) q.Add(new(k, v!));
        return new QueryBuilder(q).ToString();
    }

    /// <summary>The overview of a filter's records: over time (by month or week), by mode, by country, and the map.</summary>
    public static string Overview(FilterSummary s, ListParameters p, string period, WorldMap map, string basePath = "/")
    {
        if (s.Total == 0) return "";
        var sb = new StringBuilder("""<section class="overview"><h2>Overview of these interactions</h2>""");
        var switchTo = period == "week" ? "month" : "week";
        sb.Append(CultureInfo.InvariantCulture, $"""<div class="panel"><h3>Over time, by {E(period)}</h3><p class="muted">Chart by <a class="period" href="{E(basePath + FilterQuery(p, ("by", switchTo)))}">{E(switchTo)}</a>.</p>{Charts.OverTime(s.Days, period)}""");
        var undated = s.Days.Where(d => d.Date is null || d.Date.StartsWith("--", StringComparison.Ordinal)).Sum(d => d.Count);
        if (undated > 0) sb.Append(CultureInfo.InvariantCulture, $"""<p class="muted">Not charted: {N(undated)} without a full date.</p>""");
        sb.Append("</div>");
        sb.Append("""<div class="panels">""");
        var byMode = s.Modes.Select(m => (ModeLabel(m.Mode), m.Count, (string?)(basePath + FilterQuery(p with { Mode = m.Mode.Wire() })),
            (string?)("m-" + m.Mode.Wire()))).ToList();
        sb.Append(CultureInfo.InvariantCulture,
            $"""<div class="panel by-mode"><h3>By mode</h3>{Charts.Bars("Interactions by mode", byMode)}</div>""");
        var top = s.Countries.Take(15).ToList();
        sb.Append(CultureInfo.InvariantCulture, $"""<div class="panel by-country"><h3>By country{(s.Countries.Count > top.Count ? $" (top {N(top.Count)} of {N(s.Countries.Count)})" : "")}</h3>""");
        sb.Append(Charts.Bars("Interactions by participant country", top.Select(c => (c.Country, c.Count, CountryLink(p, c.Country, basePath), (string?)null)).ToList()));
        sb.Append("</div></div>");
        sb.Append(CultureInfo.InvariantCulture, $"""<div class="panel"><h3>In person, by place</h3>{map.Draw(s.InPerson)}</div>""");
        return sb.Append("</section>").ToString();
    }

    /// <summary>Adds the country to the filter (a second country makes a dyad); null when the filter already has two.</summary>
    private static string? CountryLink(ListParameters p, string country, string basePath)
    {
        var countries = (p.Country ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).ToList();
        if (countries.Contains(country) || countries.Count >= 2) return null;
        return basePath + FilterQuery(p with { Country = [.. countries, country] });
    }

    /// <summary>The links that download the current filter.</summary>
    public static string DownloadLinks(ListParameters p) =>
        $""" · download <a class="download" href="/export.csv{E(FilterQuery(p))}">CSV</a> <a class="download" href="/export.jsonl{E(FilterQuery(p))}">JSON Lines</a>""";

    private static IResult Download(HttpContext context, ListParameters p, IReadoutStores stores, string type, string extension,
        Func<IReadOnlyList<Interaction>, TextWriter, int> write, CancellationToken ct)
    {
        var query = RequestParsing.ToQuery(p with { Page = null, PageSize = null });
        using var store = stores.OpenReader();
        IReadOnlyList<Interaction> rows;
        if (query.Text is null) rows = store.Query(query.Filter);
        else
        {
            // words in the reports: the list query finds the records, page by page, then each is read whole
            var ids = new List<string>();
            for (var offset = 0; ; offset += RequestParsing.MaxPageSize)
            {
                var page = store.ListInteractions(query with { Sort = InteractionSort.DateAscending, Offset = offset, Limit = RequestParsing.MaxPageSize }, ct);
                ids.AddRange(page.Items.Select(i => i.Id));
                if (page.Items.Count < RequestParsing.MaxPageSize) break;
            }
            rows = ids.Select(id => store.Get(id)).OfType<Interaction>().ToList();
        }
        var sb = new StringWriter(new StringBuilder());
        write(rows, sb);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"readout-interactions.{extension}\"";
        return Results.Text(sb.ToString(), type);
    }
}
