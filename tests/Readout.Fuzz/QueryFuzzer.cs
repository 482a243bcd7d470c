using System.Diagnostics;
using System.Text;

namespace Readout.Fuzz;

/// <summary>What a query fuzz run found.</summary>
public sealed class QueryReport
{
    public int Requests, ServerErrors, Slow;
    public double SlowestSeconds;
    public string SlowestRequest = "";
    public readonly SortedDictionary<int, int> Statuses = [];
    public readonly List<string> Findings = [];
}

/// <summary>
/// Sends the server's endpoints mutated query parameters and route values (huge and negative numbers,
/// other scripts' digits, noncharacters, bad percent-escapes, FTS and SQL syntax, long and repeated
/// words) one request at a time, and reports every 5xx answer and every answer slower than the limit.
/// </summary>
public sealed class QueryFuzzer(Uri server, TimeSpan slowLimit)
{
    private static readonly string[] Words =
    [
        "Putin", "Xi", "Biden", "Modi", "the", "of", "and", "call", "summit", "Moscow", "Беларусь", "北京", "Zelenskyy", "é\uFFFEü", "a\u0000b",
        "\"", "*", "NEAR", "OR", "AND", "NOT", "(", ")", "^", ":", "-", "'; DROP TABLE records; --", "%", "_", "\\", "<script>", "\u202E", "\uD800",
    ];

    private static readonly string[] Values =
    [
        "", " ", "0", "-1", "1", "2", "200", "201", "99999999999999999999", "2147483648", "-2147483649", "1e9", "0x10", "NaN", "١٢٣", "٢٠٢٣-٠٥",
        "2023", "2023-05", "2023-05-01", "2023-02-31", "2023-13", "0000", "9999-12-31", "20230501", "2023-5-1", "RUS", "CHN", "rus", "XXX", "US", "USAX",
        "phone", "video", "in_person", "written", "happened", "planned", "all", "date", "-date", "-sources", "rec-", "rec-0", "%ZZ", "%ED%A0%80", "%00", "%EF%BF%BE",
    ];

    private static readonly string[] Listings =
    [
        "/api/interactions", "/", "/api/search", "/search", "/api/actors", "/actors", "/api/sources", "/sources",
    ];

    private static readonly string[] Parameters = ["actor", "country", "from", "to", "mode", "status", "q", "sort", "page", "page_size", "limit", "timeline_limit"];

    public async Task<QueryReport> RunAsync(int count, int seed, IReadOnlyList<string> knownIds, Action<string>? progress = null, CancellationToken ct = default)
    {
        var rng = new Random(seed);
        var report = new QueryReport();
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        for (var i = 0; i < count && !ct.IsCancellationRequested; i++)
        {
            var path = Request(rng, knownIds);
            var watch = Stopwatch.StartNew();
            int status;
            string body;
            try
            {
                using var msg = new HttpRequestMessage(rng.Next(20) == 0 ? HttpMethod.Head : HttpMethod.Get, path);
                using var answer = await http.SendAsync(msg, ct);
                status = (int)answer.StatusCode;
                body = await answer.Content.ReadAsStringAsync(ct);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                status = 0;
                body = e.Message;
            }
            var seconds = watch.Elapsed.TotalSeconds;
            report.Requests++;
            report.Statuses[status] = report.Statuses.GetValueOrDefault(status) + 1;
            if (seconds > report.SlowestSeconds) { report.SlowestSeconds = seconds; report.SlowestRequest = path; }
            if (status is 0 or >= 500 && status != 503) { report.ServerErrors++; report.Findings.Add($"{status} {path}: {Shorten(body)}"); }
            if (watch.Elapsed > slowLimit) { report.Slow++; report.Findings.Add($"slow {seconds:F2} s ({status}) {path}"); }
            if (progress is not null && (i + 1) % 5000 == 0)
                progress($"{i + 1} requests: {report.ServerErrors} server errors, {report.Slow} over {slowLimit.TotalSeconds:0.#} s, slowest {report.SlowestSeconds:F2} s");
        }
        return report;
    }

    private static string Shorten(string s) => s.Length <= 200 ? s : s[..200] + "...";

    private static string Request(Random rng, IReadOnlyList<string> ids)
    {
        string V() => rng.Next(4) == 0 ? Encode(Value(rng)) : Values[rng.Next(Values.Length)];
        string Id() => ids.Count > 0 && rng.Next(2) == 0 ? ids[rng.Next(ids.Count)][..(3 + rng.Next(Math.Max(1, ids[0].Length - 3)))] : V();
        var path = rng.Next(10) switch
        {
            0 => "/api/interactions/" + Id(),
            1 => "/interactions/" + Id(),
            2 => $"/api/dyads/{V()}/{V()}",
            3 => $"/dyads/{V()}-{V()}",
            4 => "/api/actors/" + Encode(Value(rng)),
            5 => "/api/sources/" + V(),
            _ => Listings[rng.Next(Listings.Length)],
        };
        var query = new StringBuilder();
        for (var n = rng.Next(6); n > 0; n--)
        {
            var name = Parameters[rng.Next(Parameters.Length)];
            var value = name is "q" or "actor" ? Encode(Value(rng)) : V();
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(value);
        }
        return path + query;
    }

    /// <summary>A free-text value: a few words, or one repeated many times, or a very long one.</summary>
    private static string Value(Random rng) => rng.Next(8) switch
    {
        0 => string.Join(' ', Enumerable.Repeat(Words[rng.Next(Words.Length)], 5 + rng.Next(60))),
        1 => new string('a', 1000 + rng.Next(8000)),
        _ => string.Join(' ', Enumerable.Range(0, 1 + rng.Next(6)).Select(_ => Words[rng.Next(Words.Length)])),
    };

    private static string Encode(string s)
    {
        // keep bad escapes and lone surrogates as bytes the server must cope with
        if (s.Contains('\uD800')) return Uri.EscapeDataString(s.Replace("\uD800", "")) + "%ED%A0%80";
        return Uri.EscapeDataString(s);
    }
}
