using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Readout.Server;
using Xunit;

namespace Readout.Tests.Server;

/// <summary>
/// The real server (Kestrel on a free loopback port) over a store of the seeds, with one report that
/// carries a script, driven in Debian's headless Chromium. Screenshots go to screenshots/ in the test
/// output folder.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>The corpus folders the store is filled from.</summary>
    protected virtual string[] Corpus => ["seeds"];

    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ApiKey = "browser-test-key-0123";
    private CorpusStore? _store;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }
    public Uri Address { get; private set; } = null!;
    public string? Unavailable { get; private set; }
    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>A report whose text and title hold markup that would run if it were not escaped.</summary>
    public const string ScriptTitle = "<script>window.readoutXss = 'title'</script>Putin and Erdogan talk";
    public const string ScriptLine = "<script>window.readoutXss = 'text'; alert('xss')</script>";
    public static readonly string ScriptReport = IngestTests.Report.Replace("the Kremlin said.", "the Kremlin said. " + ScriptLine);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Unavailable = $"{ChromiumPath} is not installed (scripts/setup.sh installs the Debian package chromium)";
            return;
        }
        Directory.CreateDirectory(Screenshots);
        _store = new CorpusStore(Corpus);
        _app = ReadoutServer.Build(new ReadoutServerOptions { DatabasePath = _store.Path, Port = 0, ApiKey = ApiKey });
        await _app.StartAsync();
        Address = ReadoutServer.Address(_app);

        using (var http = new HttpClient { BaseAddress = Address })
        using (var post = new HttpRequestMessage(HttpMethod.Post, "/api/ingest")
        {
            Content = JsonContent.Create(new { text = ScriptReport, url = "https://example.org/script-in-report", title = ScriptTitle, published = "2024-03-05" }),
        })
        {
            post.Headers.Add("X-Api-Key", ApiKey);
            using var response = await http.SendAsync(post);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"ingest of the script report failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>In CI the browser must be there (a missing one fails); on a developer machine a test skips with the reason.</summary>
    public IBrowser Require()
    {
        if (Unavailable is { } reason)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(reason);
            Assert.Skip(reason);
        }
        return Browser!;
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null) { await _app.StopAsync(); await _app.DisposeAsync(); }
        _store?.Dispose();
    }
}

public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private IBrowser RequireBrowser() => fixture.Require();

    private async Task<IPage> NewPage(List<string> dialogs)
    {
        var context = await RequireBrowser().NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Address.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.DismissAsync(); };
        return page;
    }

    private Task Shot(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.Screenshots, name + ".png"), FullPage = fullPage });

    [Fact]
    public async Task Timeline_filtered_to_China_and_Russia_leads_to_the_30_December_meeting_with_both_sources_and_its_attendees_highlighted()
    {
        var dialogs = new List<string>();
        var page = await NewPage(dialogs);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Interactions");
        await Shot(page, "1-timeline");

        var countries = page.Locator("form.filters input[name=country]");
        await countries.Nth(0).FillAsync("CHN");
        await countries.Nth(1).FillAsync("RUS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.ReachedAsync(url => url.Contains("country=CHN") && url.Contains("country=RUS"));
        var rows = page.Locator("table.timeline tr.record");
        Assert.True(await rows.CountAsync() >= 5);
        foreach (var row in await rows.AllAsync())
        {
            var text = await row.InnerTextAsync();
            Assert.Contains("CHN", text);
            Assert.Contains("RUS", text);
        }
        await Assertions.Expect(page.Locator("tr.record", new() { HasText = "--12-30" }).Locator("svg.mode-video")).ToHaveCountAsync(1);
        await Shot(page, "2-timeline-CHN-RUS");

        await page.GetByRole(AriaRole.Link, new() { Name = "--12-30", Exact = true }).ClickAsync();
        await page.ReachedAsync(url => url.Contains("/interactions/rec-"));
        await Assertions.Expect(page.Locator("article.source")).ToHaveCountAsync(2);
        var attendees = page.Locator("article.source mark.ev-attendees");
        Assert.True(await attendees.CountAsync() >= 1, "no attendee span is highlighted");
        await Assertions.Expect(attendees.First).ToBeVisibleAsync();
        var highlighted = (await attendees.AllInnerTextsAsync()).ToHashSet();
        Assert.Contains("Wang Yi", highlighted);
        // the highlight is really drawn: the mark has a background colour of its own
        var background = await attendees.First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", background);
        await Assertions.Expect(page.Locator("tr[data-field=mode]")).ToContainTextAsync("video");
        await Shot(page, "3-interaction-2022-12-30");
        await Shot(page, "3-interaction-2022-12-30-top", fullPage: false);
        await attendees.First.ScrollIntoViewIfNeededAsync();
        await Shot(page, "3-interaction-2022-12-30-attendee-in-view", fullPage: false);

        await page.GetByRole(AriaRole.Link, new() { Name = "CHN–RUS dashboard" }).ClickAsync();
        await Assertions.Expect(page.Locator("svg.chart rect.bar.m-video").First).ToBeVisibleAsync();
        await Shot(page, "4-dyad-CHN-RUS");

        await page.GetByRole(AriaRole.Link, new() { Name = "Vladimir Putin" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Vladimir Putin");
        await Assertions.Expect(page.Locator("table", new() { HasText = "Counterpart" })).ToContainTextAsync("Xi Jinping");
        await Shot(page, "5-actor-putin");

        await page.Locator("header form.searchbox input[name=q]").FillAsync("Diaoyutai");
        await page.Locator("header form.searchbox button").ClickAsync();
        await Assertions.Expect(page.Locator("ol.hits mark").First).ToHaveTextAsync("Diaoyutai");
        await Shot(page, "6-search");
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task A_report_containing_a_script_renders_as_text_and_nothing_runs()
    {
        var dialogs = new List<string>();
        var page = await NewPage(dialogs);
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Text);
        await page.GotoAsync("/search?q=readoutXss");
        await Assertions.Expect(page.Locator("ol.hits li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("ol.hits")).ToContainTextAsync("window.readoutXss");

        await page.Locator("ol.hits li a[href^='/interactions/']").First.ClickAsync();
        await page.ReachedAsync(url => url.Contains("/interactions/"));
        await Assertions.Expect(page.GetByText(BrowserFixture.ScriptLine, new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("article.source h3")).ToHaveTextAsync(BrowserFixture.ScriptTitle);
        Assert.Equal(0, await page.Locator("main script").CountAsync());
        var flag = await page.EvaluateAsync<string?>("() => window.readoutXss ?? null");
        Assert.Null(flag);
        Assert.Empty(dialogs);
        await Shot(page, "7-script-report-as-text");

        // the timeline lists it too, escaped
        await page.GotoAsync("/?actor=erdogan");
        await Assertions.Expect(page.Locator("tr.record")).ToHaveCountAsync(1);
        Assert.Null(await page.EvaluateAsync<string?>("() => window.readoutXss ?? null"));
    }
}
