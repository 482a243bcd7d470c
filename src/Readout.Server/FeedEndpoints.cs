using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Readout.Store;
using static Readout.Server.Pages.Html;

namespace Readout.Server;

/// <summary>The feeds <c>readout watch</c> follows, as the API answers them.</summary>
public sealed record FeedList(int Total, IReadOnlyList<FeedStatus> Items);

/// <summary>The web side of the store: the followed feeds (<c>GET /api/feeds</c>, the page <c>/feeds</c>) and the fetch behind a report (<c>GET /api/sources/{hash}/fetch</c>).</summary>
internal static class FeedEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/feeds", (IReadoutStores stores) => TypedResults.Ok(Read(stores)))
            .WithName("ListFeeds").WithTags("feeds")
            .WithSummary("The feeds readout watch follows: last poll and its outcome, items seen (stored, queued, failed, to try again), last error, next poll")
            .WithDescription("Times are ISO 8601 UTC. `items_seen` counts every item the store remembers for the feed; `consecutive_failures` drives the back-off.")
            .Produces<FeedList>();
        app.MapGet("/feeds", (IReadoutStores stores) => Results.Content(Page(Read(stores)), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapGet("/api/sources/{contentHash}/fetch", (string contentHash, IReadoutStores stores) =>
            {
                using var store = stores.OpenReader();
                var fetch = (store as AdoStore)?.GetFetch(contentHash)
                    ?? throw ApiProblem.NotFound($"no report fetched from the web with content hash '{contentHash}' (a report read from a file has no fetch)");
                return TypedResults.Ok(fetch);
            })
            .WithName("GetSourceFetch").WithTags("sources")
            .WithSummary("How a report fetched from the web was fetched: the address asked for and the one that answered, when, the status, the headers, the character set, and the body exactly as sent (base64), with the feed item it was fetched for")
            .Produces<ErrorBody>(StatusCodes.Status404NotFound);
    }

    private static FeedList Read(IReadoutStores stores)
    {
        using var store = stores.OpenReader();
        var feeds = store is IFeedStore f ? f.ListFeeds() : [];
        return new FeedList(feeds.Count, feeds);
    }

    private static string Page(FeedList feeds)
    {
        var sb = new StringBuilder($"""<p class="count">{N(feeds.Total)} feed{(feeds.Total == 1 ? "" : "s")} followed · <a href="/api/feeds">JSON</a></p>""");
        if (feeds.Total == 0)
            return Layout("Feeds", sb.Append("""<p class="empty">No feeds are followed yet: run <code>readout watch URL...</code> or <code>readout watch --feeds FILE</code>.</p>""").ToString());
        sb.Append("""<table class="feeds"><thead><tr><th>Feed</th><th>Last poll</th><th class="num">Items seen</th><th class="num">Stored</th><th class="num">Failed</th><th>Last error</th><th>Next poll</th></tr></thead><tbody>""");
        foreach (var f in feeds.Items)
        {
            var failing = f.ConsecutiveFailures > 0 ? $""" <span class="failing">({N(f.ConsecutiveFailures)} failed in a row)</span>""" : "";
            sb.Append(CultureInfo.InvariantCulture, $"""<tr class="feed"><td>{E(f.Title ?? f.Url)}<div class="muted"><cite>{E(f.Url)}</cite> · every {E(Every(f.IntervalSeconds))}</div></td>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<td class="when">{E(When(f.LastPoll) ?? "never")}<div class="muted">{E(f.LastStatus ?? "")}</div></td>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<td class="num seen">{N(f.ItemsSeen)}</td><td class="num">{N(f.ItemsStored + f.ItemsQueued)}</td><td class="num">{N(f.ItemsFailed + f.ItemsRetrying)}</td>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<td class="last-error">{(f.LastError is null ? "" : $"<span class=\"error-text\">{E(f.LastError)}</span>")}{failing}</td><td class="when">{E(When(f.NextPoll))}</td></tr>""");
        }
        return Layout("Feeds", sb.Append("</tbody></table>").ToString());
    }

    /// <summary>A stored time (ISO 8601 UTC, to the millisecond) as a person reads it: "2026-01-05 10:00:00 UTC".</summary>
    private static string? When(string? iso) => iso is { Length: >= 19 } ? $"{iso[..10]} {iso[11..19]} UTC" : iso;

    private static string Every(int seconds) => seconds switch
    {
        _ when seconds % 86400 == 0 => $"{seconds / 86400} d",
        _ when seconds % 3600 == 0 => $"{seconds / 3600} h",
        _ when seconds % 60 == 0 => $"{seconds / 60} min",
        _ => $"{seconds} s",
    };
}
