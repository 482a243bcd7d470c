namespace Readout.Ingest.Fetch;

/// <summary>How Readout behaves on the web: how long it waits, how much it reads, how often it asks one host, how it retries.</summary>
public sealed record FetchOptions
{
    /// <summary>The default user agent: names Readout and its version, so a site's operator can tell who is asking.</summary>
    public static readonly string DefaultUserAgent =
        $"Readout/{typeof(FetchOptions).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"} (reader of official readouts and news reports for analysts; polite: few requests per host, conditional feed polls)";

    /// <summary>The longest one attempt may take, from sending the request to the last byte of the body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest body read; a larger one is refused (RO1005) without reading the rest.</summary>
    public long MaxBytes { get; init; } = InputReader.DefaultMaxBytes;

    /// <summary>Requests per second to any one host (redirect hops and retries included); 0 for no limit (your own servers only).</summary>
    public double PerHostPerSecond { get; init; } = 2;

    public int MaxRedirects { get; init; } = 5;

    /// <summary>Further attempts after a timeout, a lost connection, a 5xx or a 429.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>The wait before the first retry; it doubles (with jitter) for each further one, and a server's Retry-After is honoured up to <see cref="MaxRetryAfter"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>Whether <paramref name="input"/> is a web address Readout fetches (http or https).</summary>
    public static bool IsWebAddress(string input) =>
        input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="input"/> looks like an address with a scheme Readout does not fetch (ftp://, file://...).</summary>
    public static bool IsOtherScheme(string input) =>
        !IsWebAddress(input) && System.Text.RegularExpressions.Regex.IsMatch(input, "^[A-Za-z][A-Za-z0-9+.-]{1,15}://");
}
