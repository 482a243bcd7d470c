using System.Data.Common;
using System.Globalization;
using Readout.Documents;

namespace Readout.Store;

/// <summary>
/// Fetch evidence and followed feeds (migration 7): the raw response behind each report fetched from the
/// web, the feeds with their schedule and validators, and every feed item seen, written with the same
/// SQL on both backends.
/// </summary>
public abstract partial class AdoStore : IFeedStore
{
    /// <summary>Times are kept as ISO 8601 UTC text, which sorts as it reads on both backends.</summary>
    public static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Called in the write transaction of a new report: keeps its fetch evidence, and marks the feed item it
    /// was fetched for as stored, so the mark and the report commit together.
    /// </summary>
    private void SaveFetch(DbTransaction tx, long documentId, RawDocument raw)
    {
        if (raw.Fetch is not { } f) return;
        using (var ins = Cmd(tx, """
            INSERT INTO document_fetches(document_id, url, final_url, fetched_at, status, content_type, charset, headers, body)
            VALUES (@doc, @url, @final, @at, @status, @type, @charset, @headers, @body)
            ON CONFLICT (document_id) DO NOTHING
            """))
        {
            Add(ins, "doc", documentId);
            Add(ins, "url", f.Url);
            Add(ins, "final", f.FinalUrl);
            Add(ins, "at", Timestamp(f.FetchedAt));
            Add(ins, "status", f.Status);
            Add(ins, "type", f.ContentType);
            Add(ins, "charset", f.Charset);
            Add(ins, "headers", f.Headers);
            Add(ins, "body", f.Body);
            ins.ExecuteNonQuery();
        }
        if (f.FeedItem is { } item)
            UpsertItem(tx, item.FeedUrl, item.ItemKey, f.Url, FeedItemStates.Stored, raw.ContentHash, null);
    }

    /// <summary>The fetch evidence of a stored report (null for a report read from a file).</summary>
    public FetchEvidence? GetFetch(string contentHash)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return Run(() =>
        {
            using var cmd = Cmd(null, """
                SELECT f.url, f.final_url, f.fetched_at, f.status, f.content_type, f.headers, f.charset, f.body
                FROM document_fetches f JOIN documents d ON d.id = f.document_id WHERE d.content_hash = @h
                """);
            Add(cmd, "h", contentHash);
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            return new FetchEvidence(r.GetString(0), r.GetString(1),
                DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetString(5), r.IsDBNull(6) ? "" : r.GetString(6), (byte[])r.GetValue(7));
        }, CancellationToken.None);
    }

    public void Subscribe(string url, TimeSpan interval)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        Run(() =>
        {
            using var cmd = Cmd(null, """
                INSERT INTO feeds(url, interval_s, failures) VALUES (@url, @interval, 0)
                ON CONFLICT (url) DO UPDATE SET interval_s = excluded.interval_s
                """);
            Add(cmd, "url", url);
            Add(cmd, "interval", (int)Math.Max(1, interval.TotalSeconds));
            return cmd.ExecuteNonQuery();
        }, CancellationToken.None);
    }

    private const string FeedColumns = """
        f.url, f.title, f.interval_s, f.last_poll, f.last_success, f.last_status, f.last_error, f.failures, f.next_poll,
        (SELECT COUNT(*) FROM feed_items i WHERE i.feed_url = f.url AND i.state = 'stored'),
        (SELECT COUNT(*) FROM feed_items i WHERE i.feed_url = f.url AND i.state = 'queued'),
        (SELECT COUNT(*) FROM feed_items i WHERE i.feed_url = f.url AND i.state = 'failed'),
        (SELECT COUNT(*) FROM feed_items i WHERE i.feed_url = f.url AND i.state = 'retry'),
        f.etag, f.last_modified
        FROM feeds f
        """;

    public FeedStatus? GetFeed(string url) => ReadFeeds("WHERE f.url = @url", url).FirstOrDefault();

    public IReadOnlyList<FeedStatus> ListFeeds() => ReadFeeds("ORDER BY f.url", null);

    private List<FeedStatus> ReadFeeds(string where, string? url)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return Run(() =>
        {
            using var cmd = Cmd(null, $"SELECT {FeedColumns} {where}");
            if (url is not null) Add(cmd, "url", url);
            var list = new List<FeedStatus>();
            using var r = cmd.ExecuteReader();
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            int I(int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);
            while (r.Read())
            {
                int stored = I(9), queued = I(10), failed = I(11), retrying = I(12);
                list.Add(new FeedStatus(r.GetString(0), S(1), I(2), S(3), S(4), S(5), S(6), I(7), S(8),
                    stored + queued + failed + retrying, stored, queued, failed, retrying, S(13), S(14)));
            }
            return list;
        }, CancellationToken.None);
    }

    public void RecordPoll(FeedPoll poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        Run(() =>
        {
            // validators change only with a complete successful read; a failure keeps the last success and counts
            using var cmd = Cmd(null, poll.Succeeded
                ? """
                  UPDATE feeds SET last_poll = @at, last_success = @at, last_status = @status, last_error = NULL, failures = 0,
                      next_poll = @next, title = COALESCE(@title, title),
                      etag = CASE WHEN @keep = 1 THEN etag ELSE @etag END,
                      last_modified = CASE WHEN @keep = 1 THEN last_modified ELSE @lm END
                  WHERE url = @url
                  """
                : """
                  UPDATE feeds SET last_poll = @at, last_status = @status, last_error = @error, failures = failures + 1, next_poll = @next
                  WHERE url = @url
                  """);
            Add(cmd, "url", poll.Url);
            Add(cmd, "at", Timestamp(poll.At));
            Add(cmd, "status", poll.Status);
            Add(cmd, "next", Timestamp(poll.NextPoll));
            if (poll.Succeeded)
            {
                Add(cmd, "title", poll.Title);
                Add(cmd, "keep", poll.KeepValidators ? 1 : 0);
                Add(cmd, "etag", poll.ETag);
                Add(cmd, "lm", poll.LastModified);
            }
            else Add(cmd, "error", poll.Error);
            return cmd.ExecuteNonQuery();
        }, CancellationToken.None);
    }

    public IReadOnlyDictionary<string, FeedItemState> Items(string feedUrl)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return Run(() =>
        {
            using var cmd = Cmd(null, "SELECT item_key, state, attempts FROM feed_items WHERE feed_url = @url");
            Add(cmd, "url", feedUrl);
            var items = new Dictionary<string, FeedItemState>(StringComparer.Ordinal);
            using var r = cmd.ExecuteReader();
            while (r.Read()) items[r.GetString(0)] = new FeedItemState(r.GetString(1), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture));
            return (IReadOnlyDictionary<string, FeedItemState>)items;
        }, CancellationToken.None);
    }

    public void MarkItem(string feedUrl, string itemKey, string? link, string state, string? contentHash = null, string? error = null)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        Run(() =>
        {
            UpsertItem(null, feedUrl, itemKey, link, state, contentHash, error);
            return true;
        }, CancellationToken.None);
    }

    private void UpsertItem(DbTransaction? tx, string feedUrl, string itemKey, string? link, string state, string? contentHash, string? error)
    {
        // stored is final; queued only becomes stored; retry and failed count the attempt
        using var cmd = Cmd(tx, """
            INSERT INTO feed_items(feed_url, item_key, link, state, attempts, content_hash, error, first_seen, done_at)
            VALUES (@feed, @key, @link, @state, 1, @hash, @error, @now, @now)
            ON CONFLICT (feed_url, item_key) DO UPDATE SET
                state = excluded.state, content_hash = COALESCE(excluded.content_hash, feed_items.content_hash),
                error = excluded.error, done_at = excluded.done_at, attempts = feed_items.attempts + 1
            WHERE feed_items.state <> 'stored' AND (feed_items.state <> 'queued' OR excluded.state = 'stored')
            """);
        Add(cmd, "feed", feedUrl);
        Add(cmd, "key", itemKey);
        Add(cmd, "link", link);
        Add(cmd, "state", state);
        Add(cmd, "hash", contentHash);
        Add(cmd, "error", error);
        Add(cmd, "now", Timestamp(DateTimeOffset.UtcNow));
        cmd.ExecuteNonQuery();
    }
}
