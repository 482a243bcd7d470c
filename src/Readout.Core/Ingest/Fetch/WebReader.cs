using Readout.Documents;

namespace Readout.Ingest.Fetch;

/// <summary>
/// Turns a web address into a raw document, as <see cref="InputReader"/> turns a file into one: fetched
/// with <see cref="PageFetcher"/>, refused unless it is a page or text, decoded from the character set
/// it declares, and carrying its <see cref="FetchEvidence"/> (address, time, headers, body as sent) for
/// the store to keep beside the report.
/// </summary>
public sealed class WebReader(PageFetcher fetcher)
{
    private static readonly string[] HtmlTypes = ["text/html", "application/xhtml+xml"];
    private static readonly string[] FeedTypes = ["application/rss+xml", "application/atom+xml", "application/rdf+xml"];
    private static readonly string[] SniffTypes = ["application/octet-stream", "binary/octet-stream", "application/unknown"];

    /// <summary>Fetches and reads one page. <paramref name="item"/> names the feed item it was fetched for, if any.</summary>
    /// <exception cref="ReadoutException">Any fetch error (RO1101–RO1105, RO1005), RO1106 when it is not a page or
    /// text, RO1107/RO1004 when it cannot be decoded, RO1002 when it is empty.</exception>
    public async Task<RawDocument> ReadAsync(string url, CancellationToken ct, FeedItemRef? item = null, string? title = null, string? published = null)
    {
        var response = await fetcher.FetchAsync(url, null, ct);
        return ToDocument(response, item, title, published);
    }

    /// <summary>A fetched response as a raw document (see <see cref="ReadAsync"/>).</summary>
    public static RawDocument ToDocument(FetchResponse response, FeedItemRef? item = null, string? title = null, string? published = null)
    {
        var url = response.Url;
        var body = response.Body;
        if (body.Length == 0 || body.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
            throw new ReadoutException(ErrorCodes.Empty, url, "the server sent an empty page");
        var type = response.MediaType;
        var sniff = type is null || SniffTypes.Contains(type);
        if (!sniff && !IsTextual(type!))
            throw new ReadoutException(ErrorCodes.NotText, url, $"is {type}, not a page or text; Readout reads HTML and plain text");
        if (sniff && body.AsSpan(0, Math.Min(body.Length, 8192)).Contains((byte)0))
            throw new ReadoutException(ErrorCodes.NotText, url, $"is {type ?? "of no declared type"} and looks binary (NUL bytes); Readout reads HTML and plain text");
        var decoded = CharsetDecoder.Decode(body, response.Charset, url);
        var text = decoded.Text.Length > 0 && decoded.Text[0] == '\uFEFF' ? decoded.Text[1..] : decoded.Text;
        if (FeedTypes.Contains(type) || LooksLikeFeed(text))
            throw new ReadoutException(ErrorCodes.NotText, url, "is an RSS or Atom feed, not a page; follow it with 'readout watch URL'");
        var format = type switch
        {
            _ when type is not null && HtmlTypes.Contains(type) => "html",
            "text/markdown" or "text/x-markdown" => "markdown",
            _ => InputReader.LooksLikeHtml(text) || type is "text/xml" or "application/xml" ? "html" : "text",
        };
        if (string.IsNullOrWhiteSpace(text)) throw new ReadoutException(ErrorCodes.Empty, url, "has no text");
        var evidence = new FetchEvidence(url, response.FinalUrl.AbsoluteUri, response.FetchedAt, response.Status, type,
            response.Headers, $"{decoded.Charset} ({decoded.DeclaredBy})", body) { FeedItem = item };
        return new RawDocument(url, text, format, InputReader.Hash(format + "\n" + text), title, published, response.FinalUrl.AbsoluteUri) { Fetch = evidence };
    }

    private static bool IsTextual(string type) =>
        type.StartsWith("text/", StringComparison.Ordinal) && type is not ("text/css" or "text/javascript" or "text/csv")
        || HtmlTypes.Contains(type) || FeedTypes.Contains(type) || type is "application/xml";

    private static bool LooksLikeFeed(string text)
    {
        var head = text.Length > 1000 ? text[..1000] : text;
        return head.Contains("<rss", StringComparison.OrdinalIgnoreCase) && head.Contains("<channel", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<feed", StringComparison.Ordinal) && head.Contains("http://www.w3.org/2005/Atom", StringComparison.Ordinal);
    }
}
