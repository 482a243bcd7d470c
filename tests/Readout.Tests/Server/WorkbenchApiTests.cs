using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Readout.Extract;
using Readout.Server;
using Readout.Store;
using Xunit;

namespace Readout.Tests.Server;

/// <summary>Issue 15 on the test host, on each store backend: the filter's overview, downloads, HEAD and review over the API.</summary>
public abstract class WorkbenchApiTests
{
    private readonly ApiFixture _fixture;
    private readonly HttpClient _http;

    protected WorkbenchApiTests(ApiFixture fixture)
    {
        fixture.EnsureAvailable();
        _fixture = fixture;
        _http = fixture.Client;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Issue15_the_overview_of_a_filter_adds_up_what_the_cli_returns()
    {
        using var cli = StoreFactory.Open(_fixture.Db);
        var stores = ReadoutServer.OpenStores(_fixture.Db);
        try
        {
            using var reader = stores.OpenReader();
            foreach (var filter in new[] { InteractionFilter.All, InteractionFilter.All with { Countries = ["CHN"] }, InteractionFilter.All with { Status = "happened", Mode = "in_person" } })
            {
                var records = cli.Query(filter);
                var s = reader.Summarise(new InteractionQuery(filter, null, InteractionSort.DateDescending, 0, 10), Ct);
                Assert.Equal(records.Count, s.Total);
                Assert.Equal(records.GroupBy(r => r.Mode).ToDictionary(g => g.Key, g => g.Count()),
                    s.Modes.ToDictionary(m => m.Mode, m => m.Count));
                Assert.Equal(records.Count(r => r.Participants.Any(p => p.Country == "CHN")), s.Countries.SingleOrDefault(c => c.Country == "CHN")?.Count ?? 0);
                Assert.Equal(records.Count(r => r.Mode == InteractionMode.InPerson), s.InPerson.Sum(p => p.Count));
                Assert.Equal(records.Count(r => r.Date == "2022-12-30"), s.Days.Where(d => d.Date == "2022-12-30").Sum(d => d.Count));
            }
        }
        finally
        {
            (stores as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public async Task Issue15_downloads_hold_the_filter_and_head_is_answered()
    {
        var list = JsonDocument.Parse(await _http.GetStringAsync("/api/interactions?country=CHN&country=RUS&status=happened", Ct)).RootElement;
        var csv = await _http.GetStringAsync("/export.csv?country=CHN&country=RUS&status=happened", Ct);
        Assert.Equal(list.GetProperty("total").GetInt32(), csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        var jsonl = await _http.GetStringAsync("/export.jsonl?country=CHN&country=RUS&status=happened&q=Diaoyutai", Ct);
        var lines = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.True(lines.Length < list.GetProperty("total").GetInt32());
        var page = await _http.GetStringAsync("/?country=CHN&by=week", Ct);
        Assert.Contains("Interactions per week by mode", page);
        Assert.Contains("<svg class=\"map\"", page);
        using var head = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"), Ct);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
        using var bad = await _http.GetAsync("/?by=year", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private async Task<HttpResponseMessage> Review(string id, object body, string? key = ApiFixture.ApiKey)
    {
        var post = new HttpRequestMessage(HttpMethod.Post, $"/api/interactions/{id}/review") { Content = JsonContent.Create(body) };
        if (key is not null) post.Headers.Add("X-Api-Key", key);
        return await _http.SendAsync(post, Ct);
    }

    [Fact]
    public async Task Issue15_review_over_the_api_needs_the_key_applies_the_correction_and_leaves_the_queue()
    {
        var queue = JsonDocument.Parse(await _http.GetStringAsync("/api/review/queue?page_size=5", Ct)).RootElement;
        var total = queue.GetProperty("total").GetInt32();
        var id = queue.GetProperty("items")[0].GetProperty("record").GetProperty("id").GetString()!;
        var mode = queue.GetProperty("items")[0].GetProperty("record").GetProperty("mode").GetString()!;
        var value = mode == "written" ? "phone" : "written";

        using (var without = await Review(id, new { action = "correct", field = "mode", value, reason = "r", reviewer = "api" }, key: null))
            Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        using (var refused = await Review(id, new { action = "correct", field = "date", value = "someday", reason = "r", reviewer = "api" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("RO3004", await refused.Content.ReadAsStringAsync(Ct));
        }
        using (var unknown = await Review("rec-none", new { action = "confirm", reason = "r", reviewer = "api" }))
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using (var ok = await Review(id, new { action = "correct", field = "mode", value, reason = "the readout", reviewer = "api" }))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            var outcome = JsonDocument.Parse(await ok.Content.ReadAsStringAsync(Ct)).RootElement;
            Assert.Equal(mode, outcome.GetProperty("entry").GetProperty("before").GetString());
        }
        var record = JsonDocument.Parse(await _http.GetStringAsync($"/api/interactions/{id}", Ct)).RootElement.GetProperty("record");
        Assert.Equal(value, record.GetProperty("mode").GetString());
        Assert.Equal("mode", record.GetProperty("review").GetProperty("fields_set")[0].GetString());
        var after = JsonDocument.Parse(await _http.GetStringAsync("/api/review/queue?page_size=200", Ct)).RootElement;
        Assert.Equal(total - 1, after.GetProperty("total").GetInt32());
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("record").GetProperty("id").GetString() == id);
        // the list, counted again after the review, has the new mode
        var list = JsonDocument.Parse(await _http.GetStringAsync($"/api/interactions?mode={value}&page_size=200", Ct)).RootElement;
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
    }
}

public sealed class SqliteWorkbenchApiTests(SqliteApiFixture fixture) : WorkbenchApiTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresWorkbenchApiTests(PostgresApiFixture fixture) : WorkbenchApiTests(fixture), IClassFixture<PostgresApiFixture>;
