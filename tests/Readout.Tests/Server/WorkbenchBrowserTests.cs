using System.Globalization;
using Microsoft.Playwright;
using Xunit;

namespace Readout.Tests.Server;

/// <summary>
/// Issue 15 in Debian's headless Chromium, on the real server over the seeds: the overview of the current filter
/// (over time, by mode, by country, the map), downloads, the dyad's filters, the rendered API reference under its
/// CSP, a phone's layout, HEAD, links to sources, and review behind the API key. Screenshots go to screenshots/.
/// </summary>
/// <summary>The browser fixture over the seeds and the dev reports: enough records for charts, a map and a queue.</summary>
public sealed class WorkbenchBrowserFixture : BrowserFixture
{
    protected override string[] Corpus => ["seeds", "dev"];
}

public sealed class WorkbenchBrowserTests(WorkbenchBrowserFixture fixture) : IClassFixture<WorkbenchBrowserFixture>
{
    private IBrowser RequireBrowser() => fixture.Require();

    private async Task<IPage> NewPage(int width = 1280, int height = 900, List<string>? console = null)
    {
        var context = await RequireBrowser().NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Address.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        if (console is not null) page.Console += (_, m) => console.Add(m.Type + ": " + m.Text);
        return page;
    }

    private Task Shot(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.Screenshots, name + ".png"), FullPage = fullPage });

    [Fact]
    public async Task Issue15_the_timeline_shows_its_filter_over_time_by_mode_and_country_and_on_a_map_and_downloads_it()
    {
        var page = await NewPage();
        await page.GotoAsync("/?status=happened");
        var overview = page.Locator("section.overview");
        await Assertions.Expect(overview.Locator("svg.chart > title")).ToHaveTextAsync("Interactions per month by mode");
        Assert.True(await overview.Locator("svg.chart rect.bar.m-in_person").CountAsync() >= 5);
        await Assertions.Expect(overview.Locator(".by-mode svg.bars")).ToContainTextAsync("in person");
        await Assertions.Expect(overview.Locator(".by-country svg.bars")).ToContainTextAsync("CHN");
        var places = overview.Locator("svg.map circle.place");
        Assert.True(await places.CountAsync() >= 5, "in-person places are drawn on the map");
        await Assertions.Expect(overview.Locator("svg.map circle.place[data-city='Beijing']")).ToHaveCountAsync(1);
        // the outline is drawn: the land image loaded from this server
        var landWidth = await page.EvaluateAsync<int>("async () => { const i = new Image(); i.src = '/map/land.svg'; await i.decode(); return i.naturalWidth; }");
        Assert.Equal(960, landWidth);
        await Shot(page, "15-1-timeline-overview");

        await overview.Locator("a.period").ClickAsync();
        await page.ReachedAsync(url => url.Contains("by=week") && url.Contains("status=happened"));
        await Assertions.Expect(page.Locator("section.overview svg.chart > title")).ToHaveTextAsync("Interactions per week by mode");

        await page.Locator(".by-country svg.bars a", new() { HasText = "RUS" }).ClickAsync();
        await page.ReachedAsync(url => url.Contains("country=RUS"));
        foreach (var row in await page.Locator("table.timeline tr.record").AllAsync()) Assert.Contains("RUS", await row.InnerTextAsync());
        var count = int.Parse((await page.Locator("p.count").InnerTextAsync()).Split(' ')[0], CultureInfo.InvariantCulture);

        // the download is the filter on screen: as many rows as the count says, in the flat CSV
        var csvLink = await page.Locator("a.download", new() { HasText = "CSV" }).GetAttributeAsync("href");
        Assert.Contains("country=RUS", csvLink);
        var csv = await page.APIRequest.GetAsync(csvLink!);
        Assert.Equal(200, csv.Status);
        Assert.Contains("attachment", csv.Headers["content-disposition"]);
        var lines = (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,date,status,mode,actor1_name", lines[0]);
        Assert.Equal(count, lines.Length - 1);
        var jsonl = await page.APIRequest.GetAsync((await page.Locator("a.download", new() { HasText = "JSON Lines" }).GetAttributeAsync("href"))!);
        Assert.Equal(count, (await jsonl.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        await Shot(page, "15-2-timeline-RUS-by-week");
    }

    [Fact]
    public async Task Issue15_the_dyad_page_has_filters_and_keeps_planned_apart_when_asked()
    {
        var page = await NewPage();
        await page.GotoAsync("/dyads/CHN-RUS");
        var all = await page.Locator("p.lede").InnerTextAsync();
        await page.Locator("form.dyad-filters select[name=status]").SelectOptionAsync("happened");
        await page.Locator("form.dyad-filters select[name=mode]").SelectOptionAsync("video");
        await page.Locator("form.dyad-filters button").ClickAsync();
        await page.ReachedAsync(url => url.Contains("status=happened") && url.Contains("mode=video"));
        var rows = page.Locator("table.timeline tr.record");
        Assert.True(await rows.CountAsync() >= 2);
        foreach (var row in await rows.AllAsync())
        {
            var text = await row.InnerTextAsync();
            Assert.Contains("video call", text);
            Assert.Contains("happened", text);
        }
        Assert.NotEqual(all, await page.Locator("p.lede").InnerTextAsync());
        await Assertions.Expect(page.Locator("svg.chart rect.bar.m-in_person > title")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("svg.chart rect.bar.m-video").First).ToBeVisibleAsync();
        await Shot(page, "15-3-dyad-CHN-RUS-video-happened");
    }

    [Fact]
    public async Task Issue15_the_api_reference_renders_from_this_server_alone_under_its_policy()
    {
        var console = new List<string>();
        var page = await NewPage(console: console);
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        var response = await page.GotoAsync("/api-docs/");
        Assert.Contains("script-src 'self' 'nonce-", response!.Headers["content-security-policy"]);
        await Assertions.Expect(page.GetByText("Readout API").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText("/api/interactions").First).ToBeVisibleAsync();
        Assert.All(requests, url => Assert.StartsWith(fixture.Address.ToString().TrimEnd('/'), url));
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        await Shot(page, "15-4-api-reference", fullPage: false);
        // the pages link to it
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("header nav a[href='/api-docs']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Issue15_on_a_phone_nothing_overflows_sideways()
    {
        var page = await NewPage(390, 844);
        foreach (var (path, name) in new[] { ("/", "15-5-phone-timeline"), ("/dyads/CHN-RUS", "15-6-phone-dyad"), ("/sources", "15-7-phone-sources") })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow}px wider than the phone");
            await Shot(page, name, fullPage: false);
        }
        await page.GotoAsync("/");
        await page.Locator("table.timeline tr.record a").First.ClickAsync();
        await page.ReachedAsync(url => url.Contains("/interactions/"));
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "the interaction page overflows");
        await Shot(page, "15-8-phone-interaction", fullPage: false);
        await page.GotoAsync("/?status=happened");
        await page.Locator("section.overview").ScrollIntoViewIfNeededAsync();
        await Shot(page, "15-8-phone-overview", fullPage: false);
    }

    [Fact]
    public async Task Issue15_head_is_answered_and_web_sources_are_links()
    {
        using var http = new HttpClient { BaseAddress = fixture.Address };
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"));
        Assert.Equal(System.Net.HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/html", head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        var page = await NewPage();
        await page.GotoAsync("/sources");
        var link = page.Locator("a.source-link[href='https://example.org/script-in-report']");
        await Assertions.Expect(link).ToHaveCountAsync(1);
        Assert.Equal("noopener noreferrer nofollow", await link.GetAttributeAsync("rel"));
        await Assertions.Expect(page.Locator("a.source-link[href^='/']")).ToHaveCountAsync(0);   // file paths stay text
    }

    [Fact]
    public async Task Issue15_a_reviewer_signs_in_with_the_key_corrects_a_field_and_rejects_a_record_and_the_trail_shows_it()
    {
        var page = await NewPage();
        await page.GotoAsync("/review");
        await Assertions.Expect(page.Locator("form.login")).ToHaveCountAsync(1);
        await page.Locator("form.login input[name=reviewer]").FillAsync("Ana Analyst");
        await page.Locator("form.login input[name=key]").FillAsync("not-the-key-at-all");
        await page.Locator("form.login button").ClickAsync();
        await Assertions.Expect(page.Locator("p.error")).ToContainTextAsync("RO4002");

        await page.Locator("form.login input[name=reviewer]").FillAsync("Ana Analyst");
        await page.Locator("form.login input[name=key]").FillAsync(BrowserFixture.ApiKey);
        await page.Locator("form.login button").ClickAsync();
        await Assertions.Expect(page.Locator("p.count")).ToContainTextAsync("Signed in as Ana Analyst");
        var queued = await page.Locator("table.queue tr.record").CountAsync();
        Assert.True(queued >= 10);
        await Shot(page, "15-9-review-queue");

        // correct the mode of the first record in the queue
        var first = page.Locator("table.queue tr.record").First;
        var id = await first.GetAttributeAsync("data-id");
        await first.Locator("a").First.ClickAsync();
        await page.ReachedAsync(url => url.Contains("/interactions/" + id));
        var correct = page.Locator("form.review-form.correct");
        // a mode the record does not have yet (a correction to the value it has is refused)
        var (value, label) = (await page.Locator("tr[data-field=mode]").InnerTextAsync()).Contains("in writing") ? ("Phone", "phone call") : ("Written", "in writing");
        await correct.Locator("select[name=field]").SelectOptionAsync("mode");
        await correct.Locator("input[name=value]").FillAsync(value);
        await correct.Locator("input[name=reason]").FillAsync("the readout says by video link");
        await correct.Locator("button").ClickAsync();
        await page.ReachedAsync(url => url.Contains("#review"));
        await Assertions.Expect(page.Locator("tr[data-field=mode]")).ToContainTextAsync(label);
        await Assertions.Expect(page.Locator("tr[data-field=mode] .by-reviewer")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table.trail")).ToContainTextAsync("Ana Analyst");
        await Assertions.Expect(page.Locator("table.trail")).ToContainTextAsync("the readout says by video link");
        await Shot(page, "15-10-review-corrected");

        // a value the field cannot take is refused with its reason
        await correct.Locator("select[name=field]").SelectOptionAsync("date");
        await correct.Locator("input[name=value]").FillAsync("yesterday");
        await correct.Locator("input[name=reason]").FillAsync("try");
        await correct.Locator("button").ClickAsync();
        await Assertions.Expect(page.Locator("p.error")).ToContainTextAsync("RO3004");

        // reject it: the record says so, leaves the queue and the timeline, and can be restored
        await page.GotoAsync("/interactions/" + id);
        await page.Locator("form.review-form.reject input[name=reason]").FillAsync("not a real meeting");
        await page.Locator("form.review-form.reject button").ClickAsync();
        await Assertions.Expect(page.Locator("p.error.rejected")).ToHaveCountAsync(1);
        await page.GotoAsync("/?page_size=200");
        await Assertions.Expect(page.Locator($"tr.record[data-id='{id}']")).ToHaveCountAsync(0);
        await page.GotoAsync("/interactions/" + id);
        await page.Locator("form.review-form.restore input[name=reason]").FillAsync("it was, after all");
        await page.Locator("form.review-form.restore button").ClickAsync();
        await Assertions.Expect(page.Locator("p.error.rejected")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("table.trail tbody tr")).ToHaveCountAsync(3);

        // without signing in there are no forms, and a forged post is refused
        var stranger = await NewPage();
        await stranger.GotoAsync("/interactions/" + id);
        await Assertions.Expect(stranger.Locator("form.review-form")).ToHaveCountAsync(0);
        await Assertions.Expect(stranger.Locator("table.trail")).ToContainTextAsync("Ana Analyst");
        var forged = await stranger.APIRequest.PostAsync($"/interactions/{id}/review", new() { Form = stranger.APIRequest.CreateFormData().Set("action", "reject").Set("reason", "x") });
        Assert.Equal(401, forged.Status);
    }
}
