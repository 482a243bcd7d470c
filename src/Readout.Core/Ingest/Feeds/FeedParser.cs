using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using Readout.Documents;
using Readout.Ingest.Fetch;

namespace Readout.Ingest.Feeds;

/// <summary>One entry of a feed: its key (what makes it the same item in the next poll), its page and what the feed says of it.</summary>
/// <param name="Key">The item's id (RSS guid, Atom id), else its link.</param>
/// <param name="Link">The item's page (absolute), or null when the feed carries the whole text.</param>
/// <param name="Html">The item's content or summary as the feed gives it (used when there is no link).</param>
/// <param name="Published">The item's date as YYYY-MM-DD, or null.</param>
public sealed record FeedEntry(string Key, string? Link, string? Title, string? Published, string? Html);

public sealed record ParsedFeed(string? Title, IReadOnlyList<FeedEntry> Entries);

/// <summary>
/// Reads RSS 2.0 and Atom 1.0 feeds with System.ServiceModel.Syndication. The XML is read in the
/// encoding it declares (legacy code pages included), without DTDs or external entities, and dates that
/// are not RFC 822 or RFC 3339 (common in the wild) are read leniently rather than failing the feed.
/// </summary>
public static class FeedParser
{
    /// <exception cref="ReadoutException">RO1108 when the body is not well-formed RSS 2.0 or Atom 1.0.</exception>
    public static ParsedFeed Parse(byte[] body, string feedUrl)
    {
        ArgumentNullException.ThrowIfNull(body);
        CharsetDecoder.Resolve("utf-8");   // makes sure the legacy code pages are registered for the XML reader
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1_000_000,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        SyndicationFeed feed;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body, writable: false), settings);
            reader.MoveToContent();
            SyndicationFeedFormatter formatter = reader.LocalName switch
            {
                "rss" => new Rss20FeedFormatter { DateTimeParser = LenientDate },
                "feed" => new Atom10FeedFormatter { DateTimeParser = LenientDate },
                var other => throw new ReadoutException(ErrorCodes.BadFeed, feedUrl,
                    $"is XML with a <{other}> root, not an RSS 2.0 (<rss>) or Atom 1.0 (<feed>) feed"),
            };
            if (!formatter.CanRead(reader))
                throw new ReadoutException(ErrorCodes.BadFeed, feedUrl, $"has a <{reader.Name}> root in namespace '{reader.NamespaceURI}', which is not RSS 2.0 or Atom 1.0");
            formatter.ReadFrom(reader);
            feed = formatter.Feed;
        }
        catch (XmlException e)
        {
            throw new ReadoutException(ErrorCodes.BadFeed, feedUrl, $"is not a well-formed feed (line {e.LineNumber}, position {e.LinePosition}: {e.Message})", e);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new ReadoutException(ErrorCodes.BadFeed, feedUrl, "cannot be read as RSS 2.0 or Atom 1.0: " + e.Message, e);
        }
        var baseUri = new Uri(feedUrl);
        var entries = new List<FeedEntry>();
        foreach (var item in feed.Items)
            if (ToEntry(item, baseUri) is { } entry) entries.Add(entry);
        return new ParsedFeed(feed.Title?.Text, entries);
    }

    private static FeedEntry? ToEntry(SyndicationItem item, Uri baseUri)
    {
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri ?? item.Links.FirstOrDefault()?.Uri;
        if (link is null && Uri.TryCreate(item.Id, UriKind.Absolute, out var idUri) && idUri.Scheme is "http" or "https") link = idUri;
        var absolute = link is null ? null : link.IsAbsoluteUri ? link : new Uri(item.BaseUri ?? baseUri, link);
        var html = (item.Content as TextSyndicationContent)?.Text ?? item.Summary?.Text;
        var key = !string.IsNullOrWhiteSpace(item.Id) ? item.Id.Trim() : absolute?.AbsoluteUri;
        if (key is null && !string.IsNullOrWhiteSpace(html)) key = "sha256:" + InputReader.Hash((item.Title?.Text ?? "") + "\n" + html);
        if (key is null) return null;   // an item with neither id, link nor text has nothing to read
        var date = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
        return new FeedEntry(key, absolute?.AbsoluteUri, item.Title?.Text?.Trim(),
            date == default ? null : date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), html);
    }

    private static readonly string[] DateFormats =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd",
    ];

    /// <summary>RFC 822 with its zone names, RFC 3339, and the usual near misses; a date that cannot be read leaves the item undated rather than failing the feed.</summary>
    private static bool LenientDate(XmlDateTimeData data, out DateTimeOffset value)
    {
        var s = data.DateTimeString?.Trim() ?? "";
        foreach (var (zone, offset) in Zones)
            if (s.EndsWith(" " + zone, StringComparison.OrdinalIgnoreCase)) { s = s[..^zone.Length] + offset; break; }
        if (DateTimeOffset.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out value)
            || DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out value))
            return true;
        value = default;
        return true;
    }

    private static readonly (string Zone, string Offset)[] Zones =
    [
        ("GMT", "+00:00"), ("UT", "+00:00"), ("UTC", "+00:00"), ("Z", "+00:00"), ("EST", "-05:00"), ("EDT", "-04:00"),
        ("CST", "-06:00"), ("CDT", "-05:00"), ("MST", "-07:00"), ("MDT", "-06:00"), ("PST", "-08:00"), ("PDT", "-07:00"),
        ("MSK", "+03:00"),
    ];
}
