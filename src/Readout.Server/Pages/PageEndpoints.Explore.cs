using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Readout.Extract;
using Readout.Store;
using static Readout.Server.Pages.Html;

namespace Readout.Server.Pages;

/// <summary>The exploring pages: a dyad, the actors and one actor, full-text search and the list of sources.</summary>
internal static partial class PageEndpoints
{
    private static IResult DyadPage(string dyad, [AsParameters] ListParameters filters, IReadoutStores stores, CancellationToken ct)
    {
        var (a, b) = RequestParsing.Dyad(dyad);
        // the dyad's own filters: dates, mode and status (the countries are the dyad's)
        var p = filters with { Country = [a, b], Actor = null, Q = null, Sort = null, Page = null, PageSize = RequestParsing.MaxPageSize };
        var query = RequestParsing.ToQuery(p);
        using var store = stores.OpenReader();
        var d = store.GetDyad(a, b, 1, ct);
        var summary = store.Summarise(query, ct);
        var timeline = store.ListInteractions(query, ct);
        var f = query.Filter;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""
            <form class="filters dyad-filters" action="/dyads/{E(U(a))}-{E(U(b))}" method="get">
              <label>From <input name="from" value="{E(f.From)}" placeholder="YYYY[-MM[-DD]]" size="10"></label>
              <label>To <input name="to" value="{E(f.To)}" placeholder="YYYY[-MM[-DD]]" size="10"></label>
              <label>Mode <select name="mode">{ModeOptions(f.Mode)}</select></label>
              <label>Status <select name="status">{Options(RequestParsing.Statuses, f.Status ?? "all", s => s)}</select></label>
              <label>Confidence at least <input name="min_confidence" value="{E(p.MinConfidence)}" placeholder="0–1, e.g. 0.8" size="6" inputmode="decimal"></label>
              <button type="submit">Filter</button>
            </form>
            """);
        var dated = summary.Days.Where(x => x.Date is { Length: 10 } && !x.Date.StartsWith("--", StringComparison.Ordinal)).Select(x => x.Date!).ToList();
        sb.Append(CultureInfo.InvariantCulture, $"""<p class="lede">{N(summary.Total)} interactions""");
        if (summary.Total != d.Total) sb.Append(CultureInfo.InvariantCulture, $" of {N(d.Total)}");
        if (dated.Count > 0) sb.Append(CultureInfo.InvariantCulture, $" · first {E(dated.Min(StringComparer.Ordinal))} · last {E(dated.Max(StringComparer.Ordinal))}");
        sb.Append(CultureInfo.InvariantCulture, $""" · <a href="/{E(ExploreEndpoints.FilterQuery(p with { PageSize = null }))}">in the timeline</a>{ExploreEndpoints.DownloadLinks(p with { PageSize = null })}</p>""");
        var perYear = summary.Days.Select(x => (Year: x.Date is { Length: >= 4 } y && !y.StartsWith("--", StringComparison.Ordinal) ? int.Parse(y[..4], System.Globalization.CultureInfo.InvariantCulture) : (int?)null, x.Mode, x.Count))
            .GroupBy(x => (x.Year, x.Mode)).Select(g => new YearModeCount(g.Key.Year, g.Key.Mode, g.Sum(x => x.Count))).ToList();
        sb.Append(CultureInfo.InvariantCulture, $"""<section><h2>Interactions per year, by mode</h2>{Charts.PerYearByMode(perYear)}""");
        var undated = perYear.Where(x => x.Year is null).Sum(x => x.Count);
        if (undated > 0) sb.Append(CultureInfo.InvariantCulture, $"""<p class="muted">Not charted: {N(undated)} without a known year.</p>""");
        sb.Append("</section>");

        sb.Append("""<section><h2>Topics over time</h2><p class="muted">Of all the pair's records.</p>""");
        if (d.TopicsPerYear.Count == 0) sb.Append("""<p class="empty">No statements with topics.</p>""");
        else
        {
            var years = d.TopicsPerYear.Select(x => x.Year).Distinct().OrderBy(y => y ?? int.MaxValue).ToList();
            var topics = d.TopicsPerYear.GroupBy(x => x.Topic).OrderByDescending(g => g.Sum(x => x.Count)).ThenBy(g => g.Key, StringComparer.Ordinal).Take(12).ToList();
            sb.Append("""<table class="topics"><thead><tr><th>Topic</th>""");
            foreach (var y in years) sb.Append(CultureInfo.InvariantCulture, $"""<th class="num">{(y is null ? "no year" : N(y.Value))}</th>""");
            sb.Append("</tr></thead><tbody>");
            foreach (var t in topics)
            {
                var max = Math.Max(1, t.Max(x => x.Count));
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(t.Key)}</td>");
                foreach (var y in years)
                {
                    var n = t.FirstOrDefault(x => x.Year == y)?.Count ?? 0;
                    var level = n == 0 ? 0 : 1 + 3 * n / (max + 1);
                    sb.Append(CultureInfo.InvariantCulture, $"""<td class="num heat-{N(level)}">{(n == 0 ? "" : N(n))}</td>""");
                }
                sb.Append("</tr>");
            }
            sb.Append("</tbody></table>");
        }
        sb.Append("</section>");
        sb.Append(CultureInfo.InvariantCulture, $"""<section><h2>Timeline</h2>{SummaryTable(timeline.Items)}""");
        if (timeline.Total > timeline.Items.Count) sb.Append(CultureInfo.InvariantCulture, $"""<p class="muted">The latest {N(timeline.Items.Count)} of {N(timeline.Total)}; <a href="/{E(ExploreEndpoints.FilterQuery(p with { PageSize = null }))}">see all</a>.</p>""");
        sb.Append("</section>");
        return Page($"{a}–{b}", sb.ToString(), $"{a} – {b}");
    }

    // ---- actors ----

    private static IResult ActorsPage(string? q, IReadoutStores stores, CancellationToken ct)
    {
        using var store = stores.OpenReader();
        var actors = ActorSearch.Find(store, q ?? "", 200, a => Readout.Pipeline.ReadoutPipeline.CreateDefault().Lexicon.PeopleIndex.NamesFor(a), ct);
        var sb = new StringBuilder($"""<form class="filters" action="/actors" method="get"><label>Name <input name="q" value="{E(q)}" placeholder="e.g. Xi"></label><button type="submit">Find</button></form>""");
        if (actors.Count == 0) sb.Append("""<p class="empty">No actor matches.</p>""");
        else
        {
            sb.Append("""<table><thead><tr><th>Actor</th><th class="num">Interactions</th></tr></thead><tbody>""");
            foreach (var a in actors) sb.Append(CultureInfo.InvariantCulture, $"""<tr><td>{ActorLink(new Actor(a.Name, a.Country, null))}</td><td class="num">{N(a.Interactions)}</td></tr>""");
            sb.Append("</tbody></table>");
        }
        return Page("Actors", sb.ToString());
    }

    private static IResult ActorPage(string name, IReadoutStores stores, CancellationToken ct)
    {
        using var store = stores.OpenReader();
        var a = store.GetActor(name, 200, ct) ?? throw ApiProblem.NotFound($"no actor named '{name}'");
        var sb = new StringBuilder("""<section><h2>Roles over time</h2><table class="roles"><thead><tr><th>As</th><th>Role</th><th>Country</th><th>From</th><th>To</th><th class="num">Interactions</th></tr></thead><tbody>""");
        foreach (var r in a.Roles)
            sb.Append(CultureInfo.InvariantCulture, $"""<tr><td>{E(r.Kind.Wire())}</td><td>{E(r.Role?.Wire() ?? "—")}</td>""")
                .Append(CultureInfo.InvariantCulture, $"""<td>{E(r.Country ?? "—")}</td><td>{E(r.First ?? "—")}</td>""")
                .Append(CultureInfo.InvariantCulture, $"""<td>{E(r.Last ?? "—")}</td><td class="num">{N(r.Interactions)}</td></tr>""");
        sb.Append("</tbody></table></section>");
        sb.Append("""<section><h2>Counterparts</h2>""");
        if (a.Counterparts.Count == 0) sb.Append("""<p class="empty">None.</p>""");
        else
        {
            var own = a.Roles.Select(r => r.Country).FirstOrDefault(c => c is not null);
            sb.Append("""<table><thead><tr><th>Counterpart</th><th class="num">Interactions</th><th></th></tr></thead><tbody>""");
            foreach (var c in a.Counterparts)
            {
                var dyad = own is not null && c.Country is not null && c.Country != own
                    ? $"""<a href="/dyads/{E(U(own))}-{E(U(c.Country))}">{E(own)}–{E(c.Country)}</a>""" : "";
                sb.Append(CultureInfo.InvariantCulture, $"""<tr><td>{ActorLink(new Actor(c.Name, c.Country, null))}</td><td class="num">{N(c.Interactions)}</td><td>{dyad}</td></tr>""");
            }
            sb.Append("</tbody></table>");
        }
        sb.Append("</section>");
        sb.Append(CultureInfo.InvariantCulture, $"""<section><h2>Interactions ({N(a.InteractionCount)})</h2>{SummaryTable(a.Interactions)}</section>""");
        return Page(a.Name, sb.ToString());
    }

    // ---- search and sources ----

    private static IResult SearchPage(string? q, int? page, IReadoutStores stores, CancellationToken ct)
    {
        var sb = new StringBuilder($"""<form class="filters" action="/search" method="get"><label>Words <input type="search" name="q" value="{E(q)}"></label><button type="submit">Search</button></form>""");
        if (string.IsNullOrWhiteSpace(q)) return Page("Search", sb.Append("""<p class="empty">Type words to find in the reports.</p>""").ToString());
        var (offset, limit) = RequestParsing.Paging(page, 20);
        using var store = stores.OpenReader();
        var hits = store.SearchText(q, offset, limit, ct);
        sb.Append(CultureInfo.InvariantCulture, $"""<p class="count">{N(hits.Total)} reports</p><ol class="hits">""");
        foreach (var h in hits.Items)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<li><h3>{E(h.Title ?? h.Uri)}</h3><p class="meta">{SourceLink(h.Uri)}{(h.Published is null ? "" : " · " + E(h.Published))}</p><p class="snippet">{MarkMatches(h.Snippet)}</p>""");
            if (h.Records.Count > 0) sb.Append("<p>Records: " + string.Join(", ", h.Records.Select(r => InteractionLink(r, $"<code>{E(r)}</code>"))) + "</p>");
            sb.Append("</li>");
        }
        sb.Append("</ol>");
        var number = offset / limit + 1;
        if (hits.Total > offset + limit) sb.Append(CultureInfo.InvariantCulture, $"""<nav class="pager"><a href="/search?q={E(U(q))}&amp;page={N(number + 1)}">next page →</a></nav>""");
        return Page($"Search: {q}", sb.ToString(), "Search");
    }

    private static IResult SourcesPage(int? page, IReadoutStores stores, CancellationToken ct)
    {
        var (offset, limit) = RequestParsing.Paging(page, 100);
        using var store = stores.OpenReader();
        var sources = store.ListSources(offset, limit, ct);
        var sb = new StringBuilder($"""<p class="count">{N(sources.Total)} reports</p><table><thead><tr><th>Report</th><th>Published</th><th>Family</th><th class="num">Records</th></tr></thead><tbody>""");
        foreach (var s in sources.Items)
        {
            var family = s.Family is null || s.Family == s.ContentHash ? "own" : "copy of " + s.Family[..Math.Min(12, s.Family.Length)];
            sb.Append(CultureInfo.InvariantCulture, $"""<tr><td>{E(s.Title ?? s.Uri)}<div class="muted">{SourceLink(s.Uri)}</div></td><td>{E(s.Published ?? "")}</td><td>{E(family)}</td><td class="num">{N(s.Records)}</td></tr>""");
        }
        sb.Append("</tbody></table>");
        var number = offset / limit + 1;
        if (sources.Total > offset + limit) sb.Append(CultureInfo.InvariantCulture, $"""<nav class="pager"><a href="/sources?page={N(number + 1)}">next page →</a></nav>""");
        return Page("Sources", sb.ToString());
    }
}
