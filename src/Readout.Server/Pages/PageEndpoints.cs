using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Readout.Extract;
using Readout.Store;
using static Readout.Server.Pages.Html;

namespace Readout.Server.Pages;

/// <summary>The web UI: server-rendered pages, one stylesheet, no script.</summary>
internal static class PageEndpoints
{
    private const string HtmlType = "text/html; charset=utf-8";

    public static void Map(WebApplication app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/", Timeline);
        pages.MapGet("/interactions/{id}", InteractionPage);
        pages.MapGet("/compare/{a}/{b}", ComparePage);
        pages.MapGet("/dyads/{dyad}", DyadPage);
        pages.MapGet("/actors", ActorsPage);
        pages.MapGet("/actors/{name}", ActorPage);
        pages.MapGet("/search", SearchPage);
        pages.MapGet("/sources", SourcesPage);
        pages.MapGet("/app.css", Stylesheet);
        ExploreEndpoints.Map(pages);
        ReviewPages.Map(pages);
        pages.MapFallback(context => throw ApiProblem.NotFound($"there is no page at {context.Request.Path}"));
    }

    private static IResult Page(string title, string body, string? heading = null) => Results.Content(Layout(title, body, heading), HtmlType);

    public static Task WriteErrorPage(HttpContext context, ApiProblem p)
    {
        context.Response.ContentType = HtmlType;
        var body = $"""<p class="error"><strong>{E(p.Code)}</strong> {E(p.Message)}</p><p><a href="/">Back to the timeline</a></p>""";
        return context.Response.WriteAsync(Layout($"Error {p.Status}", body), context.RequestAborted);
    }

    private static IResult Stylesheet()
    {
        using var stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream("wwwroot/app.css")
            ?? throw new InvalidOperationException("the stylesheet wwwroot/app.css is not embedded in Readout.Server");
        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), "text/css; charset=utf-8");
    }

    // ---- timeline ----

    private static IResult Timeline([AsParameters] ListParameters p, string? by, IReadoutStores stores, WorldMap map, CancellationToken ct)
    {
        var query = RequestParsing.ToQuery(p);
        var period = RequestParsing.Period(by);
        using var store = stores.OpenReader();
        var page = store.ListInteractions(query, ct);
        var summary = page.Total == 0 ? null : store.Summarise(query, ct);
        var f = query.Filter;
        var countries = f.Countries.Concat(["", ""]).Take(2).ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""
            <form class="filters" action="/" method="get">
              <label>Actor <input name="actor" value="{E(f.Actors.Count > 0 ? f.Actors[0] : null)}" placeholder="e.g. Putin"></label>
              <label>Country <input name="country" value="{E(countries[0])}" placeholder="ISO3, e.g. CHN" size="5" maxlength="3"></label>
              <label>and country <input name="country" value="{E(countries[1])}" placeholder="e.g. RUS" size="5" maxlength="3"></label>
              <label>From <input name="from" value="{E(f.From)}" placeholder="YYYY[-MM[-DD]]" size="10"></label>
              <label>To <input name="to" value="{E(f.To)}" placeholder="YYYY[-MM[-DD]]" size="10"></label>
              <label>Mode <select name="mode">{Options(["", .. RequestParsing.Modes], f.Mode ?? "", m => m == "" ? "any" : ModeLabel(m))}</select></label>
              <label>Status <select name="status">{Options(RequestParsing.Statuses, f.Status ?? "all", s => s)}</select></label>
              <label>Confidence at least <input name="min_confidence" value="{E(p.MinConfidence)}" placeholder="0–1, e.g. 0.8" size="6" inputmode="decimal"></label>
              <label>Text <input name="q" value="{E(query.Text)}" placeholder="words in the reports"></label>
              <label>Order <select name="sort">{Options(InteractionSort.All, query.Sort, s => s switch { "date" => "oldest first", "-date" => "newest first", _ => "most sources" })}</select></label>
              <button type="submit">Filter</button>
            </form>
            """);
        var found = page.Total == 1 ? "1 interaction" : $"{N(page.Total)} interactions";
        sb.Append(CultureInfo.InvariantCulture, $"""<p class="count">{found}""");
        if (f.Countries.Count == 2)
            sb.Append(CultureInfo.InvariantCulture, $""" · <a class="dyad-link" href="/dyads/{E(U(f.Countries[0]))}-{E(U(f.Countries[1]))}{E(ExploreEndpoints.FilterQuery(p with { Country = null }))}">{E(f.Countries[0])}–{E(f.Countries[1])} dashboard</a>""");
        if (page.Total > 0) sb.Append(ExploreEndpoints.DownloadLinks(p));
        sb.Append("</p>");
        sb.Append(SummaryTable(page.Items, "No interactions match these filters."));
        sb.Append(Pager(page, p));
        if (summary is not null) sb.Append(ExploreEndpoints.Overview(summary, p, period, map));
        return Page("Timeline", sb.ToString(), "Interactions");
    }

    private static string Options(IEnumerable<string> values, string selected, Func<string, string> label) =>
        string.Concat(values.Select(v => $"""<option value="{E(v)}"{(v == selected ? " selected" : "")}>{E(label(v))}</option>"""));

    private static string Pager<T>(Page<T> page, ListParameters p)
    {
        if (page.Total <= page.Limit) return "";
        var number = page.Offset / page.Limit + 1;
        var pages = (page.Total + page.Limit - 1) / page.Limit;
        string Link(int n, string text) =>
            $"""<a href="/{E(ExploreEndpoints.FilterQuery(p, ("page", N(n)), ("page_size", p.PageSize is { } size ? N(size) : null)))}">{text}</a>""";
        var sb = new StringBuilder("""<nav class="pager">""");
        if (number > 1) sb.Append(Link(number - 1, "← newer page"));
        sb.Append(CultureInfo.InvariantCulture, $""" <span>page {N(number)} of {N(pages)}</span> """);
        if (number < pages) sb.Append(Link(number + 1, "next page →"));
        return sb.Append("</nav>").ToString();
    }

    // ---- one interaction ----

    private static readonly (string Field, string Label)[] FieldRows =
        [("status", "Status"), ("mode", "Mode"), ("date", "Date"), ("participants", "Participants"), ("location.city", "City"), ("location.venue", "Venue"), ("attendees", "Attendees")];

    private static IResult InteractionPage(string id, HttpContext context, ReadoutServerOptions options, IReadoutStores stores, CancellationToken ct)
    {
        using var store = stores.OpenReader();
        var r = ApiEndpoints.Resolve(store, id);
        var statements = store.Statements(r.Id);
        var others = store.SamePrincipals(r.Id, 20, ct);
        var sb = new StringBuilder();
        var names = string.Join(" – ", r.Participants.Select(a => a.Name));
        sb.Append(CultureInfo.InvariantCulture, $"""<p class="lede">{ModeIcon(r.Mode)} {E(ModeLabel(r.Mode))} · {E(r.Date ?? "undated")} · {E(r.Status)} · {N(r.Sources.Count)} sources""");
        if (r.SourceFamilies is { } fam) sb.Append(CultureInfo.InvariantCulture, $" ({N(fam)} independent)");
        var countries = r.Participants.Select(a => a.Country).Where(c => !string.IsNullOrEmpty(c)).Distinct().ToList();
        if (countries.Count == 2)
            sb.Append(CultureInfo.InvariantCulture, $""" · <a href="/dyads/{E(U(countries[0]!))}-{E(U(countries[1]!))}">{E(countries[0])}–{E(countries[1])} dashboard</a>""");
        sb.Append(CultureInfo.InvariantCulture, $"""</p><p class="record-id">record <code>{E(r.Id)}</code> · <a href="/api/interactions/{E(U(r.Id))}">JSON</a></p>""");

        if (r.Review?.Status == Reviews.ReviewStatus.Rejected)
            sb.Append("""<p class="error rejected">A reviewer rejected this record: it is left out of lists and exports (see the review below).</p>""");
        sb.Append(FieldsTable(r));
        sb.Append(Conflicts(r));
        sb.Append(ReviewPages.Section(r, ReviewPages.Reviewer(context, options), options));
        sb.Append(Sources(r, store));
        sb.Append(Statements(r, statements));

        sb.Append("""<section class="compare"><h2>Compare with another interaction of the same pair</h2>""");
        if (others.Count == 0) sb.Append("""<p class="empty">No other interaction of these principals is stored.</p>""");
        else
        {
            sb.Append("<ul>");
            foreach (var o in others)
                sb.Append(CultureInfo.InvariantCulture, $"""<li><a class="compare-link" href="/compare/{E(U(r.Id))}/{E(U(o.Id))}">compare with {E(o.Date ?? "undated")} ({E(ModeLabel(o.Mode))})</a></li>""");
            sb.Append("</ul>");
        }
        sb.Append("</section>");
        return Page($"{names} {r.Date}", sb.ToString(), names);
    }

    private static string FieldsTable(Interaction r)
    {
        var provenance = r.Provenance ?? [];
        string Value(string field) => field switch
        {
            "status" => E(r.Status),
            "mode" => $"{ModeIcon(r.Mode)} {E(ModeLabel(r.Mode))}",
            "date" => $"{E(r.Date ?? "unknown")}<div class=\"basis\">{E(r.DateBasis)}{(r.DateCertainty is { } dc ? $" ({E(dc)})" : "")}</div>",
            "participants" => string.Join("<br>", r.Participants.Select(a => ActorLink(a) + (a.Role is null ? "" : $" <span class=\"role\">{E(a.Role)}</span>"))),
            "location.city" => E(r.Location?.City is null ? "not stated" : string.Join(", ", new[] { r.Location.City, r.Location.Country }.Where(x => x is not null))),
            "location.venue" => E(r.Location?.Venue ?? "not stated"),
            "attendees" => r.Attendees.Count == 0 ? "none named" : string.Join("<br>", r.Attendees.Select(a => ActorLink(a) + (a.Role is null ? "" : $" <span class=\"role\">{E(a.Role)}</span>"))),
            _ => "",
        };
        string Said(string field)
        {
            var supports = provenance.Where(x => x.Field == field).ToList();
            var spans = r.Sources.Count(s => s.Evidence.Any(e => Section(e.Field) == Section(field)));
            if (supports.Count == 0)
                return spans == 0 ? """<span class="muted">no evidence span</span>""" : $"""<span class="muted">evidence in {N(spans)} source(s), highlighted below</span>""";
            return "<ul class=\"provenance\">" + string.Concat(supports.Select(s =>
                $"""<li><q>{E(s.Value)}</q> — {string.Join(", ", s.Sources.Select(SourceLink))}</li>""")) + "</ul>";
        }
        var sb = new StringBuilder("""<section class="fields"><h2>Fields and where they come from</h2><table class="fields"><thead><tr><th>Field</th><th>Value</th><th>Said by</th></tr></thead><tbody>""");
        var set = r.Review?.FieldsSet ?? [];
        foreach (var (field, label) in FieldRows)
        {
            var byPerson = set.Contains(field) || (field == "location.city" && set.Contains("location.country"));
            var mark = byPerson ? $""" <span class="by-reviewer" title="set by a reviewer; the machine read: {E(r.Review!.Machine.FirstOrDefault(m => m.Field == field)?.Value ?? "nothing")}">set by a reviewer</span>""" : "";
            sb.Append(CultureInfo.InvariantCulture, $"""<tr data-field="{E(field)}"{(byPerson ? " class=\"reviewed\"" : "")}><th scope="row">{E(label)}</th><td>{Value(field)}{mark}</td><td>{Said(field)}</td></tr>""");
        }
        return sb.Append("</tbody></table></section>").ToString();
    }

    private static string Conflicts(Interaction r)
    {
        var conflicts = r.Conflicts ?? [];
        if (conflicts.Count == 0) return """<section class="conflicts none"><h2>Conflicts</h2><p>The sources agree on every field.</p></section>""";
        var sb = new StringBuilder("""<section class="conflicts"><h2>Conflicts</h2><p>The sources disagree; every value is kept:</p><ul>""");
        foreach (var c in conflicts)
            sb.Append(CultureInfo.InvariantCulture, $"""<li class="conflict"><strong>{E(c.Field)}</strong>: {string.Join("; ", c.Values.Select(v => $"<q>{E(v.Value)}</q> ({string.Join(", ", v.Sources.Select(SourceLink))})"))}</li>""");
        return sb.Append("</ul></section>").ToString();
    }

    /// <summary>Statements grouped by side (the speaker's country) and, within a side, by topic.</summary>
    private static string Statements(Interaction r, IReadOnlyList<Statement> statements)
    {
        var sb = new StringBuilder("""<section class="statements"><h2>What each side said</h2>""");
        if (statements.Count == 0) return sb.Append("""<p class="empty">No statements were read from these reports.</p></section>""").ToString();
        var principalCountries = r.Participants.Select(a => a.Country).Where(c => c is not null).ToList();
        string Side(Statement s)
        {
            var countries = s.Speakers.Select(x => x.Country).Where(c => c is not null).Distinct().ToList();
            return countries.Count == 1 ? countries[0]! : countries.Count > 1 ? "both sides" : "unattributed";
        }
        var sides = statements.GroupBy(Side)
            .OrderBy(g => principalCountries.IndexOf(g.Key) is var i && i >= 0 ? i : principalCountries.Count + (g.Key == "both sides" ? 0 : 1))
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        sb.Append("""<div class="sides">""");
        foreach (var side in sides)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<div class="side"><h3>{E(side.Key)}</h3>""");
            var byTopic = side.SelectMany(s => (s.Topics.Count == 0 ? ["general"] : s.Topics).Select(t => (Topic: t, Statement: s)))
                .GroupBy(x => x.Topic).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
            var first = true;
            foreach (var topic in byTopic)
            {
                // one topic open per side keeps the page short; the others open with a click, without script
                sb.Append(CultureInfo.InvariantCulture, $"""<details class="topic"{(first ? " open" : "")}><summary>{E(topic.Key)} <span class="muted">({N(topic.Count())})</span></summary><ul>""");
                first = false;
                foreach (var (_, s) in topic)
                {
                    var who = string.Join(", ", s.Speakers.Select(x => x.Name));
                    var code = s.Plover.Event is { } ev ? $""" <span class="code">{E(ev)}</span>""" : "";
                    sb.Append(CultureInfo.InvariantCulture, $"""<li><span class="speaker">{E(who)}</span> <span class="cue">{E(s.Cue)}</span>{code}: <q>{E(s.Text)}</q></li>""");
                }
                sb.Append("</ul></details>");
            }
            sb.Append("</div>");
        }
        return sb.Append("</div></section>").ToString();
    }

    private static string Sources(Interaction r, IStoreQueries store)
    {
        var sb = new StringBuilder($"""<section class="sources"><h2>Sources ({N(r.Sources.Count)})</h2><p class="legend">Evidence: """);
        foreach (var section in new[] { "participants", "attendees", "date", "mode", "location", "interaction" })
            sb.Append(CultureInfo.InvariantCulture, $"""<mark class="ev ev-{section}">{E(section)}</mark> """);
        sb.Append("</p>");
        var n = 0;
        foreach (var s in r.Sources)
        {
            n++;
            sb.Append(CultureInfo.InvariantCulture, $"""<article class="source" id="source-{N(n)}"><h3>{E(s.Title ?? s.Uri)}</h3><p class="meta">{SourceLink(s.Uri)}""");
            if (s.Published is not null) sb.Append(CultureInfo.InvariantCulture, $" · published {E(s.Published)}");
            sb.Append(CultureInfo.InvariantCulture, $" · content {E(s.ContentHash[..Math.Min(12, s.ContentHash.Length)])}");
            if (s.Family is { } f && f != s.ContentHash) sb.Append(CultureInfo.InvariantCulture, $" · copy of family {E(f[..Math.Min(12, f.Length)])}");
            sb.Append("</p>");
            var text = store.GetCleanText(s.ContentHash);
            sb.Append(text is null
                ? """<p class="empty">The text of this report is not stored.</p>"""
                : $"""<div class="source-text">{Highlight(text, s.Evidence)}</div>""");
            sb.Append("</article>");
        }
        return sb.Append("</section>").ToString();
    }

    /// <summary>
    /// The report's text with each evidence span marked. Spans may overlap (the interaction sentence holds
    /// the participants' names), so the text is cut at every span boundary and each piece is marked with
    /// the classes of all spans covering it. Every piece is escaped.
    /// </summary>
    internal static string Highlight(string text, IReadOnlyList<EvidenceSpan> evidence)
    {
        var spans = evidence.Select(e => (Start: Math.Clamp(e.Start, 0, text.Length), End: Math.Clamp(e.End, 0, text.Length), e.Field))
            .Where(e => e.End > e.Start).ToList();
        var cuts = spans.SelectMany(s => new[] { s.Start, s.End }).Append(0).Append(text.Length).Distinct().Order().ToList();
        var sb = new StringBuilder();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            int from = cuts[i], to = cuts[i + 1];
            var piece = E(text[from..to]);
            var covering = spans.Where(s => s.Start <= from && s.End >= to).ToList();
            if (covering.Count == 0) { sb.Append(piece); continue; }
            var sections = covering.Select(s => Section(s.Field)).Distinct().Order(StringComparer.Ordinal).ToList();
            var fields = covering.Select(s => s.Field).Distinct().Order(StringComparer.Ordinal);
            sb.Append(CultureInfo.InvariantCulture, $"""<mark class="ev {string.Join(" ", sections.Select(x => "ev-" + x))}" title="{E(string.Join(", ", fields))}">{piece}</mark>""");
        }
        return sb.ToString();
    }

    /// <summary>The section an evidence field belongs to ("location.city" → location), as <c>readout show</c> groups them.</summary>
    internal static string Section(string field)
    {
        var f = field.Trim().ToLowerInvariant();
        var cut = f.IndexOfAny(['.', '[']);
        return (cut < 0 ? f : f[..cut]) switch
        {
            "participant" or "participants" => "participants",
            "attendee" or "attendees" => "attendees",
            "date" => "date",
            "location" or "city" or "venue" => "location",
            "mode" => "mode",
            "status" => "status",
            "interaction" => "interaction",
            _ => "other",
        };
    }

    // ---- compare ----

    private static IResult ComparePage(string a, string b, IReadoutStores stores)
    {
        using var store = stores.OpenReader();
        var ra = ApiEndpoints.Resolve(store, a);
        var rb = ApiEndpoints.Resolve(store, b);
        var sa = store.Statements(ra.Id);
        var sb2 = store.Statements(rb.Id);
        string Title(Interaction r) => $"{r.Date ?? "undated"} {ModeLabel(r.Mode)}";
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""<p class="lede">A: {InteractionLink(ra.Id, E(Title(ra)))} ({N(sa.Count)} statements) · B: {InteractionLink(rb.Id, E(Title(rb)))} ({N(sb2.Count)} statements)</p>""");
        var ta = sa.SelectMany(s => s.Topics).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var tb = sb2.SelectMany(s => s.Topics).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        sb.Append("""<section><h2>Topics</h2><table class="compare"><thead><tr><th>Topic</th><th class="num">A</th><th class="num">B</th><th></th></tr></thead><tbody>""");
        foreach (var t in ta.Keys.Union(tb.Keys).OrderByDescending(t => ta.GetValueOrDefault(t) + tb.GetValueOrDefault(t)).ThenBy(t => t, StringComparer.Ordinal))
        {
            int x = ta.GetValueOrDefault(t), y = tb.GetValueOrDefault(t);
            sb.Append(CultureInfo.InvariantCulture, $"""<tr><td>{E(t)}</td><td class="num">{N(x)}</td><td class="num">{N(y)}</td><td>{(x > 0 && y > 0 ? "both" : x > 0 ? "only A" : "only B")}</td></tr>""");
        }
        sb.Append("</tbody></table></section>");
        sb.Append("""<section><h2>By speaker</h2>""");
        foreach (var speaker in sa.Concat(sb2).SelectMany(s => s.Speakers.Select(x => x.Name)).Distinct().Order(StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<h3>{E(speaker)}</h3><div class="sides">""");
            foreach (var (label, list) in new[] { ("A", sa), ("B", sb2) })
            {
                sb.Append(CultureInfo.InvariantCulture, $"""<div class="side"><h4>{label}</h4><ul>""");
                foreach (var s in list.Where(s => s.Speakers.Any(x => x.Name == speaker)))
                    sb.Append(CultureInfo.InvariantCulture, $"""<li><span class="muted">{E(string.Join(", ", s.Topics))}</span> <q>{E(s.Text)}</q></li>""");
                sb.Append("</ul></div>");
            }
            sb.Append("</div>");
        }
        sb.Append("</section>");
        return Page("Compare", sb.ToString(), "Compare two interactions");
    }

    // ---- dyad ----

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
              <label>Mode <select name="mode">{Options(["", .. RequestParsing.Modes], f.Mode ?? "", m => m == "" ? "any" : ModeLabel(m))}</select></label>
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
            sb.Append(CultureInfo.InvariantCulture, $"""<tr><td>{E(r.Kind)}</td><td>{E(r.Role ?? "—")}</td><td>{E(r.Country ?? "—")}</td><td>{E(r.First ?? "—")}</td><td>{E(r.Last ?? "—")}</td><td class="num">{N(r.Interactions)}</td></tr>""");
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
