using System.Threading.RateLimiting;

namespace Readout.Ingest.Fetch;

/// <summary>
/// Spaces the requests to one host (scheme, name and port) at least 1/N second apart, so at most N a
/// second reach it, whatever asks: pages, feeds, redirect hops and retries all wait their turn here, in
/// order. Other hosts are not held up. The wait happens before a request's time limit starts.
/// </summary>
public sealed class HostRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<Uri>? _limiter;

    /// <param name="perSecond">Requests per second to one host; 0 or less for no limit.</param>
    public HostRateLimiter(double perSecond)
    {
        if (perSecond <= 0) return;
        var spacing = TimeSpan.FromSeconds(1 / perSecond);
        _limiter = PartitionedRateLimiter.Create<Uri, string>(uri =>
            RateLimitPartition.GetTokenBucketLimiter(HostKey(uri), _ => new TokenBucketRateLimiterOptions
            {
                // one token refilled every 1/N s: requests are spaced out rather than sent in bursts of N
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = spacing,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
    }

    private static string HostKey(Uri uri) => uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();

    /// <summary>Returns when a request to <paramref name="uri"/>'s host may be sent.</summary>
    public async ValueTask WaitTurnAsync(Uri uri, CancellationToken ct)
    {
        if (_limiter is null) return;
        using var lease = await _limiter.AcquireAsync(uri, 1, ct);
        if (!lease.IsAcquired)
            throw new InvalidOperationException($"the rate limiter for {HostKey(uri)} refused a request");
    }

    public void Dispose() => _limiter?.Dispose();
}
