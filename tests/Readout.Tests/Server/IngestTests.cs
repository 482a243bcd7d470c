using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Readout.Server;
using Xunit;

namespace Readout.Tests.Server;

/// <summary>POST /api/ingest: only when the server has a key, and only with that key.</summary>
public sealed class IngestTests : IAsyncLifetime
{
    private const string Key = "ingest-test-key-42";
    private readonly string _dir = Directory.CreateTempSubdirectory("readout-ingest-").FullName;
    private readonly List<WebApplication> _apps = [];

    internal const string Report = """
        MOSCOW, March 4 (Wire) - Russian President Vladimir Putin held a phone call with Turkish President Recep Tayyip Erdogan on Monday, the Kremlin said.

        The two leaders discussed the grain corridor and energy supplies, and agreed to stay in close contact.
        """;

    private async Task<HttpClient> Start(string? apiKey, string name)
    {
        var app = ReadoutServer.Build(new ReadoutServerOptions { DatabasePath = Path.Combine(_dir, name), ApiKey = apiKey }, b => b.WebHost.UseTestServer());
        _apps.Add(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app.GetTestClient();
    }

    private static HttpRequestMessage Post(string? key, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = content };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return request;
    }

    private static HttpContent ReportJson(string text) =>
        JsonContent.Create(new { text, url = "https://example.org/putin-erdogan", title = "Putin and Erdogan talk", published = "2024-03-05" });

    private static async Task<JsonElement> Error(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("error");
    }

    [Fact]
    public async Task Without_a_configured_key_ingest_is_off_even_with_a_key()
    {
        var http = await Start(null, "off.db");
        using var response = await http.SendAsync(Post(Key, ReportJson(Report)), TestContext.Current.CancellationToken);
        Assert.Equal("RO4003", (await Error(response, HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        Assert.Equal(0, (await http.GetFromJsonAsync<JsonElement>("/api/sources", TestContext.Current.CancellationToken)).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ingest-test-key-41")]
    [InlineData("ingest-test-key-42 ")]
    [InlineData("")]
    public async Task A_missing_or_wrong_key_is_refused_and_nothing_is_stored(string? key)
    {
        var http = await Start(Key, "refuse.db");
        using var response = await http.SendAsync(Post(key, ReportJson(Report)), TestContext.Current.CancellationToken);
        Assert.Equal("RO4002", (await Error(response, HttpStatusCode.Unauthorized)).GetProperty("code").GetString());
        Assert.Equal(0, (await http.GetFromJsonAsync<JsonElement>("/api/sources", TestContext.Current.CancellationToken)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task With_the_key_a_report_is_stored_searchable_and_fused_and_a_repeat_is_recognised()
    {
        var http = await Start(Key, "accept.db");
        var ct = TestContext.Current.CancellationToken;
        using (var response = await http.SendAsync(Post(Key, ReportJson(Report)), ct))
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.StatusCode == HttpStatusCode.Created, body);
            var result = JsonDocument.Parse(body).RootElement;
            Assert.False(result.GetProperty("already_stored").GetBoolean());
            Assert.Equal("https://example.org/putin-erdogan", result.GetProperty("uri").GetString());
            Assert.Equal(1, result.GetProperty("interactions").GetInt32());
        }
        var list = await http.GetFromJsonAsync<JsonElement>("/api/interactions?actor=erdogan", ct);
        var record = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("phone", record.GetProperty("mode").GetString());
        Assert.Equal("2024-03-04", record.GetProperty("date").GetString());
        var search = await http.GetFromJsonAsync<JsonElement>("/api/search?q=grain%20corridor", ct);
        Assert.Equal(1, search.GetProperty("total").GetInt32());

        using (var again = await http.SendAsync(Post(Key, ReportJson(Report)), ct))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.True(JsonDocument.Parse(await again.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("already_stored").GetBoolean());
        }
        // plain text is accepted too
        using (var text = await http.SendAsync(Post(Key, new StringContent(Report.Replace("Monday", "Tuesday"), Encoding.UTF8, "text/plain")), ct))
            Assert.Equal(HttpStatusCode.Created, text.StatusCode);
        Assert.Equal(2, (await http.GetFromJsonAsync<JsonElement>("/api/sources", ct)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bad_bodies_are_refused_with_the_ingest_error_codes()
    {
        var http = await Start(Key, "bad.db");
        var ct = TestContext.Current.CancellationToken;
        using (var empty = await http.SendAsync(Post(Key, new StringContent("   ", Encoding.UTF8, "text/plain")), ct))
            Assert.Equal("RO1002", (await Error(empty, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        using (var array = await http.SendAsync(Post(Key, new StringContent("[{\"text\":\"x\"}]", Encoding.UTF8, "application/json")), ct))
            Assert.Equal("RO1006", (await Error(array, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        using (var noText = await http.SendAsync(Post(Key, new StringContent("{\"title\":\"no text\"}", Encoding.UTF8, "application/json")), ct))
            Assert.Equal("RO1006", (await Error(noText, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        using (var get = await http.GetAsync("/api/ingest", ct))
            Assert.Equal(405, (await Error(get, HttpStatusCode.MethodNotAllowed)).GetProperty("status").GetInt32());
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps) { await app.StopAsync(); await app.DisposeAsync(); }
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }
}
