using Microsoft.Playwright;

namespace Readout.Tests.Server;

/// <summary>
/// Waiting for a click's navigation to land. Playwright's own <c>WaitForURLAsync</c> checks the address and then
/// subscribes to the load event, and an event delivered between the two is lost (playwright-dotnet issue 3364, open
/// in 1.64): under load the wait then times out on a page that has long loaded. CI met it once in the timeline test.
/// </summary>
internal static class PageNavigation
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Waits until the page's address satisfies <paramref name="url"/> and its document has loaded.</summary>
    public static async Task ReachedAsync(this IPage page, Func<string, bool> url)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!url(page.Url))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the page stayed at {page.Url} for {Limit.TotalSeconds:0} s");
            await Task.Delay(25);
        }
        // A load state that was missed is still recorded by the page, so a later short wait finds it at once.
        while (true)
        {
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = 1_000 });
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }
}
