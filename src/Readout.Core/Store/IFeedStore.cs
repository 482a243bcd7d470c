using System.Globalization;

namespace Readout.Store;

/// <summary>
/// What the store remembers about the feeds Readout follows: each feed's schedule, validators (ETag,
/// Last-Modified) and last poll, and every item it has seen. An item is marked stored in the same
/// transaction as its report (<see cref="IReadoutStore.SaveDocument"/> with a feed item on the report's
/// fetch evidence), so after a crash or a restart an item is either stored and marked, or neither.
/// </summary>
public interface IFeedStore
{
    /// <summary>Adds a feed to follow, or updates its interval; its state is kept.</summary>
    void Subscribe(string url, TimeSpan interval);

    /// <summary>One feed's state, or null when it is not followed.</summary>
    FeedStatus? GetFeed(string url);

    /// <summary>Every followed feed with its last poll, items seen and last error, by address.</summary>
    IReadOnlyList<FeedStatus> ListFeeds();

    /// <summary>Records the end of a poll: validators to send next time (only after every item of the poll was handled), the outcome, and when to poll next.</summary>
    void RecordPoll(FeedPoll poll);

    /// <summary>The items of a feed the store knows, by item key.</summary>
    IReadOnlyDictionary<string, FeedItemState> Items(string feedUrl);

    /// <summary>
    /// Records what became of an item. A stored item stays stored; a queued one is only upgraded to stored;
    /// a retry counts an attempt.
    /// </summary>
    void MarkItem(string feedUrl, string itemKey, string? link, string state, string? contentHash = null, string? error = null);
}

/// <summary>The states of a feed item.</summary>
public static class FeedItemStates
{
    public const string Stored = "stored";   // its report is in the store (or was already: same content)
    public const string Queued = "queued";   // published to the work queue; a worker stores it and marks it stored
    public const string Retry = "retry";     // fetching failed in a way that may pass (timeout, 5xx); tried again on the next polls
    public const string Failed = "failed";   // refused for good (4xx, not text, no text, too many attempts); never fetched again

    /// <summary>Whether an item in this state is done with: it is not fetched again.</summary>
    public static bool IsDone(string state) => state is Stored or Queued or Failed;
}

public sealed record FeedItemState(string State, int Attempts);

/// <summary>The end of one poll of a feed.</summary>
/// <param name="Succeeded">The feed was read (200, or 304 unchanged); false resets nothing but counts a failure for the back-off.</param>
/// <param name="KeepValidators">Keep the stored ETag and Last-Modified (a 304, or a failure) rather than replace them with <paramref name="ETag"/> and <paramref name="LastModified"/>.</param>
public sealed record FeedPoll(
    string Url, DateTimeOffset At, bool Succeeded, string Status, string? Error,
    string? Title, bool KeepValidators, string? ETag, string? LastModified, DateTimeOffset NextPoll);

/// <summary>A followed feed as the API and the web UI show it.</summary>
public sealed record FeedStatus(
    string Url, string? Title, int IntervalSeconds,
    string? LastPoll, string? LastSuccess, string? LastStatus, string? LastError, int ConsecutiveFailures, string? NextPoll,
    int ItemsSeen, int ItemsStored, int ItemsQueued, int ItemsFailed, int ItemsRetrying,
    string? ETag, string? LastModified)
{
    /// <summary>Whether the feed should be polled at <paramref name="now"/> (never polled, or its next poll has come).</summary>
    public bool IsDue(DateTimeOffset now) =>
        NextPoll is null || !DateTimeOffset.TryParse(NextPoll, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var next) || next <= now;
}
