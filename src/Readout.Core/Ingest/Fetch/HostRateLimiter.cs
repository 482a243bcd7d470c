using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Readout.Ingest.Fetch;

/// <summary>
/// Spaces the requests to one host (scheme, name and port) at least 1/N second apart, so that no second
/// ever sees more than N of them: pages, feeds, redirect hops and retries all take their turn here, in the
/// order they asked. Other hosts are not held up. Each request reserves the next free slot of its host and
/// waits for it; the wait comes before a request's time limit starts. (A token bucket refilled by a timer
/// would let two requests through a few milliseconds apart across a refill, which is not what a site's
/// operator is promised.)
/// </summary>
public sealed class HostRateLimiter
{
    private readonly long _spacing;   // in Stopwatch ticks; 0: no limit
    private readonly ConcurrentDictionary<string, StrongBox<long>> _nextFree = new(StringComparer.Ordinal);

    /// <param name="perSecond">Requests per second to one host; 0 or less for no limit.</param>
    public HostRateLimiter(double perSecond) =>
        _spacing = perSecond > 0 ? Math.Max(1, (long)(Stopwatch.Frequency / perSecond)) : 0;

    private static string HostKey(Uri uri) => uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();

    /// <summary>Reserves the next free slot of <paramref name="uri"/>'s host: the <see cref="Stopwatch"/> timestamp from which its request may be sent.</summary>
    public long ReserveTurn(Uri uri)
    {
        var now = Stopwatch.GetTimestamp();
        if (_spacing == 0) return now;
        var next = _nextFree.GetOrAdd(HostKey(uri), _ => new StrongBox<long>(long.MinValue));
        lock (next)
        {
            var slot = Math.Max(now, next.Value);
            next.Value = slot + _spacing;
            return slot;
        }
    }

    /// <summary>Returns when a request to <paramref name="uri"/>'s host may be sent.</summary>
    public async ValueTask WaitTurnAsync(Uri uri, CancellationToken ct)
    {
        var slot = ReserveTurn(uri);
        // a timer may fire a little early: wait again until the slot has really come
        while (Stopwatch.GetTimestamp() < slot)
            await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), slot) + TimeSpan.FromMilliseconds(1), ct);
    }
}
