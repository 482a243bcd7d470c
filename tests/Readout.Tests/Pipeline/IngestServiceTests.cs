using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Readout.Documents;
using Readout.Ingest;
using Readout.Pipeline;
using Readout.Server;
using Readout.Store;
using Readout.Tests.Store;
using Xunit;
using L = Readout.Pipeline.PipelineLayers;

namespace Readout.Tests.Pipeline;

/// <summary>Issue 14: one ingest service, resolved from the services as the CLI, the worker, the feed watcher and the server resolve it.</summary>
public sealed class IngestServiceTests : IDisposable
{
    private readonly TempDb _db = new();
    private readonly string _log = Path.GetTempFileName();

    public void Dispose()
    {
        _db.Dispose();
        File.Delete(_log);
    }

    /// <summary>A wire with one phone call, also the text of <see cref="Issue13DocumentThreadsTests"/>' reports.</summary>
    internal const string Report = "MOSCOW, March 4 (Wire) - Russian President Vladimir Putin held a phone call with Turkish President Recep Tayyip Erdogan on Monday, the Kremlin said.";

    internal static RawDocument Raw(string text, string origin) =>
        new RawDocument("https://example.org/" + origin, text, "text", InputReader.Hash(text), Published: "2024-03-05") { Origin = origin };

    /// <summary>The shipped steps and one more that fails on a report holding <c>BOOM</c>, and sleeps (until cancelled) on one holding <c>SLOW</c>.</summary>
    private static ReadoutPipeline Failing() =>
        new ReadoutPipelineBuilder(TestPipeline.Instance.Lexicon, TestPipeline.Instance.Codebook).UseDefaultSteps()
            .InsertAfter("clean", new PipelineStep("analyse: tripwire", [L.Clean], [], (d, ct) =>
            {
                var text = d.Get(L.Clean).Text;
                if (text.Contains("BOOM", StringComparison.Ordinal)) throw new InvalidOperationException("the tripwire went off");
                if (text.Contains("SLOW", StringComparison.Ordinal)) Task.Delay(Timeout.Infinite, ct).Wait(ct);
            }))
            .Build();

    private IngestService Service(TimeSpan budget, ReadoutPipeline? pipeline = null)
    {
        var services = new ServiceCollection().AddSingleton(new ErrorLog(_log));
        if (pipeline is not null) services.AddSingleton(pipeline);
        using var provider = services.AddReadout(budget).BuildServiceProvider();
        return provider.GetRequiredService<IngestService>();
    }

    [Fact]
    public void The_registered_service_runs_the_registered_pipeline_within_the_budget_given()
    {
        var service = Service(TimeSpan.FromSeconds(42));
        Assert.Same(ReadoutPipeline.CreateDefault(), service.Runner.Pipeline);
        Assert.Equal(TimeSpan.FromSeconds(42), service.Runner.Budget);
        Assert.Equal(_log, service.Runner.Log.Path);
        var failing = Failing();
        Assert.Same(failing, Service(TimeSpan.FromSeconds(1), failing).Runner.Pipeline);
    }

    [Fact]
    public void It_stores_a_report_once_and_knows_it_the_second_time()
    {
        using var store = new SqliteStore(_db.Path);
        var ct = TestContext.Current.CancellationToken;
        var service = Service(TextLimits.DocumentBudget);
        var raw = Raw(Report, "wire.jsonl#L1");

        var first = service.Ingest(store, raw, ct);
        Assert.Equal(IngestOutcome.New, first.Outcome);
        Assert.Equal(1, first.Interactions);
        Assert.True(store.HasDocument(raw.ContentHash));
        Assert.Single(store.Query(InteractionFilter.All));

        var again = service.Ingest(store, raw with { Origin = "copy.txt" }, ct);
        Assert.Equal((IngestOutcome.Known, 0, null), (again.Outcome, again.Interactions, again.Result));
        // a report processed elsewhere meanwhile is not saved twice
        Assert.False(IngestService.Store(store, service.Process(raw, ct), ct));
    }

    [Fact]
    public void A_failing_report_is_its_numbered_error_naming_it_and_is_not_stored()
    {
        using var store = new SqliteStore(_db.Path);
        var ct = TestContext.Current.CancellationToken;
        var service = Service(TimeSpan.FromSeconds(1), Failing());

        var boom = Raw(Report + " BOOM", "feed.jsonl#L7");
        var e = Assert.Throws<ReadoutException>(() => service.Ingest(store, boom, ct));
        Assert.Equal(ErrorCodes.Internal, e.Code);
        Assert.StartsWith("RO9000 feed.jsonl#L7: internal error (InvalidOperationException: the tripwire went off); the stack trace is in " + _log, e.Message, StringComparison.Ordinal);
        Assert.Contains("feed.jsonl#L7", File.ReadAllText(_log), StringComparison.Ordinal);

        var slow = Raw(Report + " SLOW", "feed.jsonl#L8");
        var t = Assert.Throws<ReadoutException>(() => service.Ingest(store, slow, ct));
        Assert.Equal(ErrorCodes.TooSlow, t.Code);
        Assert.StartsWith("RO1010 feed.jsonl#L8: processing took longer than the 1 s budget", t.Message, StringComparison.Ordinal);

        Assert.False(store.HasDocument(boom.ContentHash));
        Assert.False(store.HasDocument(slow.ContentHash));
        Assert.Empty(store.Query(InteractionFilter.All));
    }

    [Fact]
    public void Ingesting_many_stores_the_good_reports_and_reports_the_failing_one_in_its_place()
    {
        using var store = new SqliteStore(_db.Path);
        var service = Service(TimeSpan.FromSeconds(30), Failing());
        var docs = new[] { Raw(Report, "a.jsonl#L1"), Raw(Report + " BOOM", "a.jsonl#L2"), Raw(Report, "a.jsonl#L3") };
        var results = new List<IngestItemResult<int>>();
        service.IngestAll(store, docs.Select((d, n) => (new InputItem(d, null), n)), results.Add, TestContext.Current.CancellationToken);

        Assert.Equal([0, 1, 2], results.Select(r => r.Tag));
        Assert.Equal([IngestOutcome.New, IngestOutcome.Failed, IngestOutcome.Known], results.Select(r => r.Outcome));
        Assert.Equal(1, results[0].Interactions);
        Assert.Equal(ErrorCodes.Internal, results[1].Error!.Code);
        Assert.StartsWith("RO9000 a.jsonl#L2: internal error", results[1].Error!.Message, StringComparison.Ordinal);
        Assert.True(store.HasDocument(docs[0].ContentHash));
        Assert.False(store.HasDocument(docs[1].ContentHash));
    }

    [Fact]
    public async Task The_server_ingests_through_the_registered_service_within_its_time_limit()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new ReadoutServerOptions { DatabasePath = _db.Path, ApiKey = "key", IngestTimeLimit = TimeSpan.FromSeconds(5) };
        var failing = Failing();
        await using var app = ReadoutServer.Build(options, b =>
        {
            b.WebHost.UseTestServer();
            b.Services.AddSingleton(failing);
        });
        var service = app.Services.GetRequiredService<IngestService>();
        Assert.Same(failing, service.Runner.Pipeline);
        Assert.Equal(options.IngestTimeLimit, service.Runner.Budget);
        await app.StartAsync(ct);
        using var http = app.GetTestClient();

        async Task<(HttpStatusCode, JsonElement)> Post(string text)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = new StringContent(text) };
            request.Headers.Add("X-Api-Key", "key");
            using var response = await http.SendAsync(request, ct);
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone());
        }

        var (created, stored) = await Post(Report);
        Assert.True(created == HttpStatusCode.Created, stored.ToString());
        Assert.False(stored.GetProperty("already_stored").GetBoolean());
        var (again, known) = await Post(Report);
        Assert.Equal((HttpStatusCode.OK, true), (again, known.GetProperty("already_stored").GetBoolean()));
        var (slow, error) = await Post(Report + " SLOW");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, slow);
        Assert.Equal("RO1010", error.GetProperty("error").GetProperty("code").GetString());
        // named as the server names a posted report: http/ and the start of its content hash
        Assert.Matches("^RO1010 http/[0-9a-f]{16}: processing took longer than the 5 s budget", error.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public void Without_a_budget_a_report_runs_until_it_ends_and_the_callers_cancellation_still_stops_it()
    {
        using var store = new SqliteStore(_db.Path);
        var service = Service(Timeout.InfiniteTimeSpan, Failing());
        Assert.Equal(IngestOutcome.New, service.Ingest(store, Raw(Report, "q-1"), TestContext.Current.CancellationToken).Outcome);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        Assert.ThrowsAny<OperationCanceledException>(() => service.Ingest(store, Raw(Report + " SLOW", "q-2"), stop.Token));
    }
}
