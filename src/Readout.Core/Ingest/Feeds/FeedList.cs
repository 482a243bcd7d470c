using System.Globalization;
using System.Text.RegularExpressions;
using Readout.Documents;
using Readout.Ingest.Fetch;

namespace Readout.Ingest.Feeds;

/// <summary>A feed to follow and how often to poll it.</summary>
public sealed record FeedSubscription(string Url, TimeSpan Interval);

/// <summary>
/// The feeds <c>readout watch</c> is given: addresses on the command line, and files listing one feed a
/// line as <c>URL [INTERVAL]</c> (<c>#</c> starts a comment; an interval is <c>90s</c>, <c>15m</c>,
/// <c>2h</c> or <c>1d</c>, and a feed without one is polled at the default interval).
/// </summary>
public static partial class FeedList
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(10);

    /// <summary>The subscriptions named by <paramref name="feeds"/> (addresses) and the lines of <paramref name="files"/>, each address once (the first mention wins).</summary>
    /// <exception cref="ReadoutException">RO1109 for a line that is not "URL [INTERVAL]", RO1008 for an address that is not http(s), RO1001/RO1009 for a file that cannot be read.</exception>
    public static IReadOnlyList<FeedSubscription> Read(IEnumerable<string> feeds, IEnumerable<string> files, TimeSpan defaultInterval)
    {
        var list = new List<FeedSubscription>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void AddOne(string url, TimeSpan interval, string where)
        {
            if (!FetchOptions.IsWebAddress(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
                throw new ReadoutException(ErrorCodes.Unsupported, where, $"'{url}' is not an http or https address of a feed");
            if (seen.Add(uri.AbsoluteUri)) list.Add(new FeedSubscription(uri.AbsoluteUri, interval));
        }
        foreach (var f in feeds) AddOne(f, defaultInterval, f);
        foreach (var file in files)
        {
            string[] lines;
            try { lines = File.ReadAllLines(file); }
            catch (FileNotFoundException e) { throw new ReadoutException(ErrorCodes.NotFound, file, "no such feed list file", e); }
            catch (DirectoryNotFoundException e) { throw new ReadoutException(ErrorCodes.NotFound, file, "no such feed list file", e); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ReadoutException(ErrorCodes.Unreadable, file, "the feed list cannot be read: " + e.Message, e);
            }
            for (var n = 0; n < lines.Length; n++)
            {
                var line = lines[n];
                var hash = line.IndexOf(" #", StringComparison.Ordinal);
                line = (line.TrimStart().StartsWith('#') ? "" : hash >= 0 ? line[..hash] : line).Trim();
                if (line.Length == 0) continue;
                var where = $"{file}#L{n + 1}";
                var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 2)
                    throw new ReadoutException(ErrorCodes.BadFeedList, where, $"expected 'URL [INTERVAL]', not '{line}'");
                var interval = parts.Length == 2
                    ? ParseInterval(parts[1]) ?? throw new ReadoutException(ErrorCodes.BadFeedList, where, $"'{parts[1]}' is not an interval such as 90s, 15m, 2h or 1d (at least {MinInterval.TotalSeconds:0}s)")
                    : defaultInterval;
                AddOne(parts[0], interval, where);
            }
        }
        return list;
    }

    /// <summary>An interval such as <c>90s</c>, <c>15m</c>, <c>2h</c>, <c>1d</c> or a number of seconds; null when it is not one or is shorter than <see cref="MinInterval"/>.</summary>
    public static TimeSpan? ParseInterval(string text)
    {
        var m = IntervalPattern().Match(text.Trim());
        if (!m.Success || !double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return null;
        var t = m.Groups[2].Value.ToLowerInvariant() switch
        {
            "" or "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromDays(n),
        };
        return t >= MinInterval && t <= TimeSpan.FromDays(30) ? t : null;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)([smhdSMHD]?)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IntervalPattern();
}
