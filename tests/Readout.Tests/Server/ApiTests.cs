using System.Net;
using System.Text.Json;
using Readout.Export.Contract;
using Readout.Server;
using Readout.Store;
using Readout.Tests.Export.Contract;
using Xunit;

namespace Readout.Tests.Server;

/// <summary>The JSON API on the test host, over the seeds and dev reports, on each store backend.</summary>
public abstract class ApiTests
{
    private readonly ApiFixture _fixture;
    private readonly HttpClient _http;

    protected ApiTests(ApiFixture fixture)
    {
        fixture.EnsureAvailable();
        _fixture = fixture;
        _http = fixture.Client;
    }

    private async Task<JsonElement> Json(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _http.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    private static IEnumerable<string> Countries(JsonElement item) =>
        item.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("country").GetString() ?? "");

    /// <summary>What the CLI's own query (readout events) returns for the same filter, for cross-checking.</summary>
    private IReadOnlyList<Readout.Extract.Interaction> Cli(InteractionFilter filter)
    {
        using var store = StoreFactory.Open(_fixture.Db);
        return store.Query(filter);
    }

    [Fact]
    public async Task Dyad_filter_returns_what_the_cli_returns_and_the_30_December_meeting_with_two_sources()
    {
        var page = await Json("/api/interactions?country=CHN&country=RUS&page_size=200");
        var expected = Cli(new InteractionFilter([], ["CHN", "RUS"], null, null, null));
        Assert.True(expected.Count >= 5, $"the seeds hold at least five Xi-Putin interactions, the store {expected.Count}");
        Assert.Equal(expected.Count, page.GetProperty("total").GetInt32());
        Assert.Equal(expected.Select(i => i.Id).Order(), Items(page).Select(i => i.GetProperty("id").GetString()!).Order());
        Assert.All(Items(page), i => Assert.Superset(new HashSet<string> { "CHN", "RUS" }, Countries(i).ToHashSet()));
        var meeting = Assert.Single(Items(page), i => i.GetProperty("date").GetString() == "--12-30");
        Assert.Equal(2, meeting.GetProperty("source_count").GetInt32());
        Assert.Equal("video", meeting.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Issue11_min_confidence_keeps_the_records_at_or_above_it_and_refuses_other_values()
    {
        var confidence = new Dictionary<string, double>();
        foreach (var item in Items(await Json("/api/interactions?page_size=200")))
        {
            var id = item.GetProperty("id").GetString()!;
            confidence[id] = (await Json($"/api/interactions/{id}")).GetProperty("record").GetProperty("confidence").GetDouble();
        }
        var threshold = confidence.Values.Order().ElementAt(confidence.Count / 2);
        var text = threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var kept = Items(await Json($"/api/interactions?page_size=200&min_confidence={text}")).Select(i => i.GetProperty("id").GetString()!).Order().ToList();
        Assert.Equal(confidence.Where(c => c.Value >= threshold).Select(c => c.Key).Order(), kept);
        Assert.True(kept.Count < confidence.Count);
        var problem = await Json("/api/interactions?min_confidence=1.5", HttpStatusCode.BadRequest);
        Assert.Contains("min_confidence", problem.GetRawText());
    }

    [Fact]
    public async Task Actor_mode_and_date_filters_each_hold_for_every_item()
    {
        var byActor = Items(await Json("/api/interactions?actor=putin&page_size=200"));
        Assert.NotEmpty(byActor);
        Assert.All(byActor, i => Assert.Contains(i.GetProperty("participants").EnumerateArray(), p => p.GetProperty("name").GetString() == "Vladimir Putin"));
        Assert.Equal(Cli(new InteractionFilter(["putin"], [], null, null, null)).Count, byActor.Count);

        var video = Items(await Json("/api/interactions?mode=video&page_size=200"));
        Assert.NotEmpty(video);
        Assert.All(video, i => Assert.Equal("video", i.GetProperty("mode").GetString()));

        var ranged = await Json("/api/interactions?from=2021-06&to=2022&page_size=200");
        Assert.All(Items(ranged), i => Assert.InRange(i.GetProperty("date").GetString()!, "2021-06", "2022-12-31"));
        Assert.Equal(Cli(new InteractionFilter([], [], "2021-06", "2022", null)).Count, ranged.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("date")]
    [InlineData("-date")]
    [InlineData("-sources")]
    public async Task One_country_gives_the_same_records_whether_the_store_walks_the_order_or_looks_the_country_up(string sort)
    {
        // small pages make the store walk the order's index; one big page makes it look the country's records up
        var expected = Cli(new InteractionFilter([], ["RUS"], null, null, null)).Select(i => i.Id).Order().ToList();
        Assert.True(expected.Count >= 6);
        var paged = new List<string>();
        for (var page = 1; paged.Count < expected.Count; page++)
        {
            var items = Items(await Json($"/api/interactions?country=RUS&sort={sort}&page_size=2&page={page}"));
            Assert.NotEmpty(items);
            paged.AddRange(items.Select(i => i.GetProperty("id").GetString()!));
        }
        var whole = Items(await Json($"/api/interactions?country=RUS&sort={sort}&page_size=200")).Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Equal(whole, paged);
        Assert.Equal(expected, whole.Order().ToList());
    }

    [Fact]
    public async Task Pages_cover_the_list_once_in_the_requested_order()
    {
        var all = await Json("/api/interactions?page_size=200&sort=date");
        var total = all.GetProperty("total").GetInt32();
        Assert.True(total > 10, $"seeds and dev give more than ten records, not {total}");
        var ids = new List<string>();
        for (var page = 1; ids.Count < total; page++)
        {
            var items = Items(await Json($"/api/interactions?page_size=4&page={page}&sort=date"));
            Assert.NotEmpty(items);
            Assert.True(items.Count <= 4);
            ids.AddRange(items.Select(i => i.GetProperty("id").GetString()!));
        }
        Assert.Equal(Items(all).Select(i => i.GetProperty("id").GetString()!), ids);
        Assert.Empty(Items(await Json($"/api/interactions?page_size=4&page={total / 4 + 2}&sort=date")));

        static List<string> Dated(JsonElement page) => Items(page).Select(i => i.GetProperty("date").GetString()).OfType<string>().Where(d => !d.StartsWith("--", StringComparison.Ordinal)).ToList();
        var ascending = Dated(all);
        Assert.Equal(ascending.Order(StringComparer.Ordinal), ascending);
        var descending = Dated(await Json("/api/interactions?page_size=200&sort=-date"));
        Assert.Equal(descending.OrderDescending(StringComparer.Ordinal), descending);
        var bySources = Items(await Json("/api/interactions?page_size=200&sort=-sources")).Select(i => i.GetProperty("source_count").GetInt32()).ToList();
        Assert.Equal(bySources.OrderDescending(), bySources);
        Assert.True(bySources[0] >= 2);
    }

    [Fact]
    public async Task Text_filter_and_search_find_the_reports_that_contain_the_words()
    {
        var filtered = Items(await Json("/api/interactions?q=Diaoyutai"));
        Assert.Contains(filtered, i => i.GetProperty("date").GetString() == "2022-02-04");

        var search = await Json("/api/search?q=Diaoyutai%20guesthouse");
        Assert.True(search.GetProperty("total").GetInt32() >= 1);
        var hit = Items(search)[0];
        var snippet = hit.GetProperty("snippet").GetString()!;
        Assert.Contains("\u0002Diaoyutai\u0003", snippet);
        Assert.NotEmpty(hit.GetProperty("records").EnumerateArray());
        // FTS5 syntax in the input is plain text, not an error
        Assert.Equal(0, (await Json("/api/search?q=%22NEAR(%20AND%20OR%20zzqx")).GetProperty("total").GetInt32());
        await Json("/api/search", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task One_interaction_has_fields_provenance_sources_with_evidence_and_statements()
    {
        // the reports of this meeting name no year: its day is the partial --12-30
        var id = Items(await Json("/api/interactions?country=CHN&country=RUS&page_size=200")).Single(i => i.GetProperty("date").GetString() == "--12-30").GetProperty("id").GetString()!;
        var detail = await Json($"/api/interactions/{id}");
        var record = detail.GetProperty("record");
        Assert.Equal(id, record.GetProperty("id").GetString());
        Assert.Equal(2, record.GetProperty("sources").GetArrayLength());
        Assert.Contains(record.GetProperty("provenance").EnumerateArray(), p => p.GetProperty("field").GetString() == "mode" && p.GetProperty("value").GetString() == "video");
        var evidence = record.GetProperty("sources").EnumerateArray().SelectMany(s => s.GetProperty("evidence").EnumerateArray()).ToList();
        Assert.Contains(evidence, e => e.GetProperty("field").GetString() == "attendees");
        Assert.True(detail.GetProperty("statements").GetArrayLength() > 0);

        // evidence offsets point into the source text the API serves
        var source = record.GetProperty("sources")[0];
        var text = (await Json($"/api/sources/{source.GetProperty("content_hash").GetString()}")).GetProperty("text").GetString()!;
        foreach (var e in source.GetProperty("evidence").EnumerateArray())
            Assert.Equal(e.GetProperty("text").GetString(), text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]);

        // a unique prefix resolves too
        Assert.Equal(id, (await Json($"/api/interactions/{id[..12]}")).GetProperty("record").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Issue14_a_record_and_its_statements_are_the_export_contract_as_the_json_lines_write_it()
    {
        // the API writes with its own options (HTML-significant and non-ASCII characters escaped), so both sides are
        // written again with the export's: what remains is keys, their order, values, nulls and number forms
        static string Same(JsonElement e) => JsonSerializer.Serialize(e, Readout.Export.Contract.ExportJson.Options);
        using var store = StoreFactory.Open(_fixture.Db);
        var records = store.Query(InteractionFilter.All);
        Assert.NotEmpty(records);
        foreach (var r in records.Take(40))
        {
            var detail = await Json($"/api/interactions/{r.Id}");
            var jsonl = new StringWriter();
            Readout.Export.JsonlExporter.Write([r], jsonl);
            Assert.Equal(jsonl.ToString().TrimEnd('\n'), Same(detail.GetProperty("record")));
            var statements = new StringWriter { NewLine = "\n" };
            Readout.Export.StatementExporter.WriteJsonl(store.Statements(r.Id), statements);
            Assert.Equal(statements.ToString(), string.Concat(detail.GetProperty("statements").EnumerateArray().Select(st => Same(st) + "\n")));
        }
    }

    [Fact]
    public async Task Issue14_list_rows_of_lists_actors_and_dyads_are_the_contracts_byte_for_byte()
    {
        // each answer's rows are the store's rows written through InteractionSummaryRecord with the server's own options,
        // and those options write the golden file of the contract's list row: every list of records sends that shape
        string Wire(InteractionSummary s) => JsonSerializer.Serialize(InteractionSummaryRecord.From(s), _fixture.ServerJson);
        Assert.Equal(ContractTests.Golden("interaction-summary.json"), string.Join("\n", ContractSamples.Summaries().Select(Wire)));
        static List<string> Raw(JsonElement rows) => rows.EnumerateArray().Select(r => r.GetRawText()).ToList();
        using var opened = StoreFactory.Open(_fixture.Db);
        var store = (IStoreQueries)opened;
        var all = new InteractionQuery(InteractionFilter.All, null, InteractionSort.MostSources, 0, 200);
        var page = await Json("/api/interactions?sort=-sources&page_size=200");
        Assert.Equal(store.ListInteractions(all).Items.Select(Wire), Raw(page.GetProperty("items")));
        var putin = store.GetActor("Vladimir Putin", 200)!;
        Assert.NotEmpty(putin.Interactions);
        Assert.Equal(putin.Interactions.Select(Wire), Raw((await Json("/api/actors/Vladimir%20Putin")).GetProperty("interactions")));
        var dyad = store.GetDyad("CHN", "RUS", 100);
        var answer = await Json("/api/dyads/RUS/CHN");
        Assert.NotEmpty(dyad.Timeline);
        Assert.Equal(dyad.Timeline.Select(Wire), Raw(answer.GetProperty("timeline")));
        Assert.Equal(Wire(dyad.First!), answer.GetProperty("first").GetRawText());
        Assert.Equal(Wire(dyad.Last!), answer.GetProperty("last").GetRawText());
    }

    [Theory]
    [InlineData("/api/interactions/rec-doesnotexist", "RO4004", null)]
    [InlineData("/api/actors/Nobody%20Atall", "RO4004", null)]
    [InlineData("/api/sources/0000", "RO4004", null)]
    [InlineData("/api/no/such/route", "RO4004", null)]
    public async Task Missing_things_are_404_in_the_error_shape(string url, string code, string? parameter)
    {
        var error = (await Json(url, HttpStatusCode.NotFound)).GetProperty("error");
        Assert.Equal(404, error.GetProperty("status").GetInt32());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task An_ambiguous_id_prefix_is_409_naming_the_candidates()
    {
        var error = (await Json("/api/interactions/rec-", HttpStatusCode.Conflict)).GetProperty("error");
        Assert.Equal("RO4005", error.GetProperty("code").GetString());
        Assert.Contains("rec-", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/api/interactions?from=2022-13", "from")]
    [InlineData("/api/interactions?to=yesterday", "to")]
    [InlineData("/api/interactions?from=2023&to=2022", "from")]
    [InlineData("/api/interactions?mode=carrier_pigeon", "mode")]
    [InlineData("/api/interactions?status=rumoured", "status")]
    [InlineData("/api/interactions?sort=name", "sort")]
    [InlineData("/api/interactions?country=CHINA", "country")]
    [InlineData("/api/interactions?country=CHN&country=RUS&country=USA", "country")]
    [InlineData("/api/interactions?page=0", "page")]
    [InlineData("/api/interactions?page_size=1000", "page_size")]
    [InlineData("/api/dyads/CHN/CHN", "dyad")]
    [InlineData("/api/dyads/CHN/R1S", "dyad")]
    [InlineData("/api/actors?limit=0", "limit")]
    public async Task Invalid_parameters_are_400_naming_the_parameter(string url, string parameter)
    {
        var error = (await Json(url, HttpStatusCode.BadRequest)).GetProperty("error");
        Assert.Equal(400, error.GetProperty("status").GetInt32());
        Assert.Equal("RO4001", error.GetProperty("code").GetString());
        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_value_that_does_not_bind_is_400_in_the_same_shape()
    {
        var error = (await Json("/api/interactions?page=abc", HttpStatusCode.BadRequest)).GetProperty("error");
        Assert.Equal("RO4001", error.GetProperty("code").GetString());
        Assert.Contains("abc", error.GetProperty("message").GetString());
        Assert.Contains("page", error.GetProperty("message").GetString());   // the query's name for it
    }

    [Fact]
    public async Task Actors_search_and_profile()
    {
        var found = (await Json("/api/actors?q=PUTIN")).EnumerateArray().ToList();
        Assert.Contains(found, a => a.GetProperty("name").GetString() == "Vladimir Putin" && a.GetProperty("country").GetString() == "RUS");
        Assert.All(found, a => Assert.Contains("putin", a.GetProperty("name").GetString()!, StringComparison.OrdinalIgnoreCase));

        var putin = await Json("/api/actors/vladimir%20putin");
        Assert.Equal("Vladimir Putin", putin.GetProperty("name").GetString());
        Assert.Contains(putin.GetProperty("roles").EnumerateArray(), r => r.GetProperty("kind").GetString() == "participant" && r.GetProperty("country").GetString() == "RUS");
        var xi = Assert.Single(putin.GetProperty("counterparts").EnumerateArray(), c => c.GetProperty("name").GetString() == "Xi Jinping");
        Assert.Equal(Cli(new InteractionFilter(["Vladimir Putin", "Xi Jinping"], [], null, null, null)).Count, xi.GetProperty("interactions").GetInt32());
        Assert.Equal(Cli(new InteractionFilter(["Vladimir Putin"], [], null, null, null)).Count,
            putin.GetProperty("interactions").EnumerateArray().Count(i => i.GetProperty("participants").EnumerateArray().Any(p => p.GetProperty("name").GetString() == "Vladimir Putin")));
    }

    [Fact]
    public async Task Dyad_summary_counts_per_year_and_mode_add_up_to_the_dyad_list()
    {
        var list = await Json("/api/interactions?country=RUS&country=CHN&page_size=200");
        var dyad = await Json("/api/dyads/RUS/CHN");
        Assert.Equal("CHN", dyad.GetProperty("country_a").GetString());
        var total = dyad.GetProperty("total").GetInt32();
        Assert.Equal(list.GetProperty("total").GetInt32(), total);
        Assert.Equal(total, dyad.GetProperty("per_year_and_mode").EnumerateArray().Sum(x => x.GetProperty("count").GetInt32()));
        var video2022 = dyad.GetProperty("per_year_and_mode").EnumerateArray().Where(x => x.GetProperty("year").ValueKind == JsonValueKind.Number && x.GetProperty("year").GetInt32() == 2022 && x.GetProperty("mode").GetString() == "video").Sum(x => x.GetProperty("count").GetInt32());
        Assert.Equal(Items(list).Count(i => i.GetProperty("date").GetString() is { } d && d.StartsWith("2022", StringComparison.Ordinal) && i.GetProperty("mode").GetString() == "video"), video2022);
        var dated = Items(list).Select(i => i.GetProperty("date").GetString()).OfType<string>().Where(d => !d.StartsWith("--", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(dated.First(), dyad.GetProperty("first").GetProperty("date").GetString());
        Assert.Equal(dated.Last(), dyad.GetProperty("last").GetProperty("date").GetString());
        Assert.Equal(total, dyad.GetProperty("timeline").GetArrayLength());
        Assert.Contains(dyad.GetProperty("topics_per_year").EnumerateArray(), t => t.GetProperty("count").GetInt32() > 0);
        Assert.Equal(2, (await Json("/api/dyads/CHN/RUS?timeline_limit=2")).GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task Sources_list_every_stored_report()
    {
        var sources = await Json("/api/sources?page_size=100");
        Assert.Equal(17, sources.GetProperty("total").GetInt32());
        Assert.Equal(17, Items(sources).Select(s => s.GetProperty("content_hash").GetString()).Distinct().Count());
        Assert.Contains(Items(sources), s => s.GetProperty("records").GetInt32() > 0);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint()
    {
        var doc = await Json("/openapi/v1.json");
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString());
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/interactions", "/api/interactions/{id}", "/api/actors", "/api/actors/{name}", "/api/dyads/{a}/{b}", "/api/sources", "/api/sources/{contentHash}", "/api/search", "/api/ingest" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        Assert.True(paths.GetProperty("/api/ingest").TryGetProperty("post", out _));
        var listParameters = paths.GetProperty("/api/interactions").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "actor", "country", "from", "to", "mode", "status", "q", "sort", "page", "page_size" }, listParameters.ToHashSet());
        // every filter may be left out, the repeatable ones (actor, country) too
        Assert.All(paths.GetProperty("/api/interactions").GetProperty("get").GetProperty("parameters").EnumerateArray(),
            p => Assert.False(p.TryGetProperty("required", out var required) && required.GetBoolean(), $"{p.GetProperty("name")} is documented as required"));
        // a code (an actor's kind) is documented inline as the string it is sent as, as it was while it was a string
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var kind = schemas.GetProperty("ActorRole").GetProperty("properties").GetProperty("kind");
        Assert.Equal(["type"], kind.EnumerateObject().Select(p => p.Name));
        Assert.Equal("string", kind.GetProperty("type").GetString());
        Assert.False(schemas.TryGetProperty("ActorKind", out _));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/interactions")]
    [InlineData("/api/interactions?mode=boat")]
    [InlineData("/no-such-page")]
    public async Task Every_answer_carries_the_content_security_policy(string url)
    {
        using var response = await _http.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{url} has no CSP header");
        var policy = Assert.Single(csp);
        Assert.Equal(ReadoutServer.ContentSecurityPolicy, policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/", "Interactions")]
    [InlineData("/?country=CHN&country=RUS", "CHN–RUS dashboard")]
    [InlineData("/dyads/CHN-RUS", "<svg class=\"chart\"")]
    [InlineData("/actors", "Vladimir Putin")]
    [InlineData("/actors/Xi%20Jinping", "Counterparts")]
    [InlineData("/search?q=Diaoyutai", "<mark>Diaoyutai</mark>")]
    [InlineData("/sources", "17 reports")]
    public async Task Pages_render(string url, string expected)
    {
        using var response = await _http.GetAsync(url, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Stylesheet_is_served_from_the_server_itself()
    {
        using var response = await _http.GetAsync("/app.css", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("mark.ev-attendees", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

public sealed class SqliteApiTests(SqliteApiFixture fixture) : ApiTests(fixture), IClassFixture<SqliteApiFixture>;

public sealed class PostgresApiTests(PostgresApiFixture fixture) : ApiTests(fixture), IClassFixture<PostgresApiFixture>;
