using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Readout.Extract;
using Readout.Store;
using static Readout.Server.Pages.Html;

namespace Readout.Server.Pages;

/// <summary>The web UI: server-rendered pages, one stylesheet, no script.</summary>
internal static partial class PageEndpoints
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
              <label>Mode <select name="mode">{ModeOptions(f.Mode)}</select></label>
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

    /// <summary>The filters' mode choices: any, then each mode by its string, named as the pages name it.</summary>
    private static string ModeOptions(string? selected) =>
        Options(["", .. RequestParsing.Modes], selected ?? "", m => m == "" ? "any" : ModeLabel(Codes.Mode.Parse(m)));

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
}
