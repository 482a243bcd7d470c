using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Readout.Server;
using Readout.Store;
using Xunit;

namespace Readout.Tests.Server;

/// <summary>Issue 12: the server bounds every request, answers HEAD, refuses bad requests with 4xx and keeps its internals out of 500s.</summary>
public sealed class Issue12ServerTests : IAsyncLifetime
{
    private const string Key = "issue12-test-key-42";
    private readonly string _dir = Directory.CreateTempSubdirectory("readout-bounds-").FullName;
    private readonly List<WebApplication> _apps = [];

    private async Task<HttpClient> Start(string name, Func<ReadoutServerOptions, ReadoutServerOptions>? configure = null)
    {
        var options = new ReadoutServerOptions { DatabasePath = Path.Combine(_dir, name), ApiKey = Key };
        var app = ReadoutServer.Build(configure?.Invoke(options) ?? options, b => b.WebHost.UseTestServer());
        _apps.Add(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app.GetTestClient();
    }

    private static HttpRequestMessage Post(string body, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = content };
        request.Headers.Add("X-Api-Key", Key);
        return request;
    }

    [Fact]
    public async Task Issue12_HeadIsAnsweredLikeGetWithoutABody()
    {
        var client = await Start("head.db");
        foreach (var path in new[] { "/", "/api/interactions", "/sources", "/openapi/v1.json" })
        {
            using var answer = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Empty(await answer.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Issue12_BadRequestsAre4xxNever404Or500()
    {
        var client = await Start("bad.db");
        var ct = TestContext.Current.CancellationToken;
        using var noType = await client.SendAsync(Post(IngestTests.Report, null), ct);
        Assert.Equal(HttpStatusCode.Created, noType.StatusCode);   // without a Content-Type the body is read as text
        using var image = await client.SendAsync(Post("x", "image/png"), ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, image.StatusCode);
        foreach (var query in new[] { "from=٢٠٢٣-٠٥", "to=٢٠٢٣-٠٥-٠١", "page=99999999999999", "page_size=0", "country=%ED%A0%80", "actor=%EF%BF%BE%C3%A9", "q=%EF%BF%BE%C3%A9" })
        {
            using var answer = await client.GetAsync("/api/interactions?" + query, ct);
            Assert.True((int)answer.StatusCode is 200 or 400, $"{query}: {(int)answer.StatusCode}");
        }
    }

    [Fact]
    public async Task Issue12_FiveHundredsCarryNoInternals()
    {
        var client = await Start("broken.db");
        var ct = TestContext.Current.CancellationToken;
        using (var c = new SqliteConnection($"Data Source={Path.Combine(_dir, "broken.db")};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "DROP TABLE record_actors";
            cmd.ExecuteNonQuery();
        }
        using var answer = await client.GetAsync("/api/interactions?actor=putin", ct);
        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        var body = await answer.Content.ReadAsStringAsync(ct);
        Assert.Contains("RO4500", body);
        Assert.DoesNotContain("Sqlite", body);
        Assert.DoesNotContain("record_actors", body);
    }

    [Fact]
    public async Task Issue12_ARequestPastItsTimeLimitIs503()
    {
        var client = await Start("slow.db", o => o with { RequestTimeLimit = TimeSpan.Zero });
        using var answer = await client.GetAsync("/api/search?q=putin", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Contains("RO4008", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Issue12_IngestIsRateLimited()
    {
        var client = await Start("rate.db", o => o with { IngestPerMinute = 1 });
        var ct = TestContext.Current.CancellationToken;
        using var first = await client.SendAsync(Post(IngestTests.Report, "text/plain"), ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var second = await client.SendAsync(Post(IngestTests.Report + " again", "text/plain"), ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("RO4007", await second.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public void Issue12_SearchWordsAreDeduplicatedAndCapped()
    {
        Assert.Equal("\"the\"*", SqliteStore.MatchExpression(string.Join(' ', Enumerable.Repeat("the", 20))));
        Assert.Equal(SearchWords.MaxWords, SearchWords.Of(string.Join(' ', Enumerable.Range(0, 50).Select(i => "w" + i))).Count);
        Assert.Equal(["The"], SearchWords.Of("The the THE"));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps) { await app.StopAsync(); await app.DisposeAsync(); }
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }
}
