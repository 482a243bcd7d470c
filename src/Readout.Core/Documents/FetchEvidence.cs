namespace Readout.Documents;

/// <summary>
/// How a report was fetched from the web, kept in the store beside the report as evidence: the address
/// asked for and the one that answered, when, the status and headers, and the response body exactly as
/// the server sent it (before any character-set decoding).
/// </summary>
/// <param name="Url">The address asked for (the one the user or the feed named).</param>
/// <param name="FinalUrl">The address that answered, after redirects.</param>
/// <param name="FetchedAt">When the response arrived (UTC).</param>
/// <param name="Headers">The response headers, one "Name: value" a line.</param>
/// <param name="Charset">The character set the body was decoded from, and where it was declared.</param>
public sealed record FetchEvidence(
    string Url,
    string FinalUrl,
    DateTimeOffset FetchedAt,
    int Status,
    string? ContentType,
    string Headers,
    string Charset,
    byte[] Body)
{
    /// <summary>The feed item this page was fetched for, if any: stored with the report in one transaction, so a feed item is marked seen exactly when its report is stored.</summary>
    public FeedItemRef? FeedItem { get; init; }
}

/// <summary>A feed and the key of one of its items (the item's id, else its link).</summary>
public sealed record FeedItemRef(string FeedUrl, string ItemKey);
