using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Readout.Documents;
using Readout.Export.Contract;
using Readout.Extract;
using Readout.Ingest;
using Readout.Pipeline;
using Readout.Store;

namespace Readout.Server;

/// <summary>
/// One record with what the store knows about it: the record (fields, provenance, conflicts, sources with evidence) and
/// its statements, both in the export contract (<see cref="InteractionRecord"/>, <see cref="StatementRecord"/>).
/// </summary>
public sealed record InteractionDetail(InteractionRecord Record, IReadOnlyList<StatementRecord> Statements);

/// <summary>A record waiting for review (the record in the export contract), and why it is high in the queue.</summary>
public sealed record ReviewQueueItem(InteractionRecord Record, int Conflicts, double? Confidence, string Why)
{
    public static ReviewQueueItem From(Reviews.QueueItem q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return new(InteractionRecord.From(q.Record), q.Conflicts, q.Confidence, q.Why);
    }
}

/// <summary>
/// One actor as <c>GET /api/actors/{name}</c> answers: the store's profile (<see cref="ActorProfile"/>), its
/// interactions as the contract's list rows. The keys and their order are the profile's, as the API wrote it before.
/// </summary>
public sealed record ActorProfileAnswer(string Name, IReadOnlyList<ActorRole> Roles, IReadOnlyList<Counterpart> Counterparts,
    int InteractionCount, IReadOnlyList<InteractionSummaryRecord> Interactions)
{
    public static ActorProfileAnswer From(ActorProfile a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Name, a.Roles, a.Counterparts, a.InteractionCount, a.Interactions.Select(InteractionSummaryRecord.From).ToList());
    }
}

/// <summary>
/// Two countries as <c>GET /api/dyads/{a}/{b}</c> answers: the store's summary (<see cref="DyadSummary"/>), its
/// first, last and timeline as the contract's list rows. The keys and their order are the summary's, as before.
/// </summary>
public sealed record DyadSummaryAnswer(
    string CountryA, string CountryB, int Total,
    IReadOnlyList<YearModeCount> PerYearAndMode, IReadOnlyList<YearTopicCount> TopicsPerYear,
    InteractionSummaryRecord? First, InteractionSummaryRecord? Last, IReadOnlyList<InteractionSummaryRecord> Timeline)
{
    public static DyadSummaryAnswer From(DyadSummary d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.CountryA, d.CountryB, d.Total, d.PerYearAndMode, d.TopicsPerYear,
            d.First is null ? null : InteractionSummaryRecord.From(d.First), d.Last is null ? null : InteractionSummaryRecord.From(d.Last),
            d.Timeline.Select(InteractionSummaryRecord.From).ToList());
    }
}

/// <summary>What a review did: its trail entry (in the export contract) and the records it left.</summary>
public sealed record ReviewAnswer(ReviewEntryRecord Entry, IReadOnlyList<string> Records);

/// <summary>A stored report's clean text, which evidence offsets point into.</summary>
public sealed record SourceText(string ContentHash, string Text);

/// <summary>A review posted to the API (see <see cref="Reviews.ReviewRequest"/>).</summary>
public sealed record ReviewBody(string? Action, string? Reason, string? Reviewer, string? Field = null, string? Value = null, string? With = null, IReadOnlyList<string>? Sources = null);

/// <summary>What HTTP ingest did with a report.</summary>
public sealed record IngestResult(string Uri, string ContentHash, bool AlreadyStored, int Interactions, int Statements, int Figures);

/// <summary>The JSON API under /api.</summary>
internal static class ApiEndpoints
{
    public const int MaxIngestBytes = 20 * 1024 * 1024;
    public const string IngestRatePolicy = "ingest";
    private static readonly string[] IngestTypes = ["text/plain", "text/html", "application/json"];
    public const string ApiKeyHeader = "X-Api-Key";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").ProducesProblemShape();

        api.MapGet("/interactions", ([AsParameters] ListParameters p, IReadoutStores stores, CancellationToken ct) =>
            {
                var query = RequestParsing.ToQuery(p);
                using var store = stores.OpenReader();
                var page = store.ListInteractions(query, ct);
                var rows = page.Items.Select(InteractionSummaryRecord.From).ToList();
                return TypedResults.Ok(new Page<InteractionSummaryRecord>(page.Total, page.Offset, page.Limit, rows));
            })
            .WithName("ListInteractions").WithTags("interactions")
            .WithSummary("Fused interaction records, filtered, sorted and paged")
            .WithDescription("The filters of `readout events` (actor, country or dyad, date range, mode, status, `min_confidence`) plus full-text search `q` over the reports behind each record.");

        api.MapGet("/interactions/{id}", (string id, IReadoutStores stores) =>
            {
                using var store = stores.OpenReader();
                var record = Resolve(store, id);
                return TypedResults.Ok(new InteractionDetail(InteractionRecord.From(record), store.Statements(record.Id).Select(StatementRecord.From).ToList()));
            })
            .WithName("GetInteraction").WithTags("interactions")
            .WithSummary("One record: every field with its provenance, conflicts between sources, sources with evidence spans, statements")
            .WithDescription("`id` may be a record id, the old id of a merged record, or a unique start of an id.");

        api.MapGet("/actors", (string? q, int? limit, IReadoutStores stores, CancellationToken ct) =>
            {
                var n = RequestParsing.Limit(limit, "limit", 50, 500);
                using var store = stores.OpenReader();
                return TypedResults.Ok(ActorSearch.Find(store, q ?? "", n, a => Readout.Pipeline.ReadoutPipeline.CreateDefault().Lexicon.PeopleIndex.NamesFor(a), ct));
            })
            .WithName("SearchActors").WithTags("actors")
            .WithSummary("Actors whose name contains q (case- and accent-insensitive), most active first");

        api.MapGet("/actors/{name}", (string name, int? limit, IReadoutStores stores, CancellationToken ct) =>
            {
                var n = RequestParsing.Limit(limit, "limit", 200, 1000);
                using var store = stores.OpenReader();
                var profile = store.GetActor(name, n, ct)
                    ?? throw ApiProblem.NotFound($"no actor named '{name}'; search with /api/actors?q=...");
                return TypedResults.Ok(ActorProfileAnswer.From(profile));
            })
            .WithName("GetActor").WithTags("actors")
            .WithSummary("One actor: roles over time, counterparts and interactions");

        api.MapGet("/dyads/{a}/{b}", (string a, string b, [FromQuery(Name = "timeline_limit")] int? timelineLimit, IReadoutStores stores, CancellationToken ct) =>
            {
                var (x, y) = RequestParsing.Dyad(a + "-" + b);
                var n = RequestParsing.Limit(timelineLimit, "timeline_limit", 100, 5000);
                using var store = stores.OpenReader();
                return TypedResults.Ok(DyadSummaryAnswer.From(store.GetDyad(x, y, n, ct)));
            })
            .WithName("GetDyad").WithTags("dyads")
            .WithSummary("Two countries: interactions per year and mode, topics per year, first and last, and the timeline (the latest timeline_limit records, oldest first)");

        api.MapGet("/sources", (int? page, [FromQuery(Name = "page_size")] int? pageSize, IReadoutStores stores, CancellationToken ct) =>
            {
                var (offset, limit) = RequestParsing.Paging(page, pageSize);
                using var store = stores.OpenReader();
                return TypedResults.Ok(store.ListSources(offset, limit, ct));
            })
            .WithName("ListSources").WithTags("sources")
            .WithSummary("The stored reports, with their near-duplicate family and how many records they support");

        api.MapGet("/sources/{contentHash}", (string contentHash, IReadoutStores stores) =>
            {
                using var store = stores.OpenReader();
                var text = store.GetCleanText(contentHash) ?? throw ApiProblem.NotFound($"no stored report with content hash '{contentHash}'");
                return TypedResults.Ok(new SourceText(contentHash, text));
            })
            .WithName("GetSourceText").WithTags("sources")
            .WithSummary("The clean text of one report (evidence spans are [start, end) offsets into it)");

        api.MapGet("/search", (string? q, int? page, [FromQuery(Name = "page_size")] int? pageSize, IReadoutStores stores, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(q)) throw ApiProblem.BadRequest("q", "q (the words to search for) is required");
                var (offset, limit) = RequestParsing.Paging(page, pageSize);
                using var store = stores.OpenReader();
                return TypedResults.Ok(store.SearchText(q, offset, limit, ct));
            })
            .WithName("SearchText").WithTags("search")
            .WithSummary("Full-text search over the reports' clean text and titles; snippets mark matches with U+0002 and U+0003");

        api.MapPost("/interactions/{id}/review", async (string id, ReviewBody body, HttpContext context, ReadoutServerOptions options, IReadoutStores stores, IngestGate gate) =>
            {
                RequireKey(context, options, "review");
                var outcome = await ReviewAsync(stores, gate, new Reviews.ReviewRequest(body.Action ?? "", id, body.Reason ?? "", body.Reviewer ?? "", DateTimeOffset.UtcNow,
                    body.Field, body.Value, body.With, body.Sources), context.RequestAborted);
                return TypedResults.Ok(new ReviewAnswer(ReviewEntryRecord.From(outcome.Entry), outcome.Records));
            })
            .WithName("ReviewInteraction").WithTags("review")
            .WithSummary("Review a record (with the server's API key in X-Api-Key): reject, restore, confirm, correct a field, merge another record in, split reports off")
            .WithDescription("`action` is reject, restore, confirm, correct (with `field` and `value`), merge (with `with`, the other record) or split (with `sources`, uris of the reports to split off); `reason` and `reviewer` are required. The answer is the trail entry and the records the review left.")
            .Produces<ErrorBody>(StatusCodes.Status401Unauthorized)
            .Produces<ErrorBody>(StatusCodes.Status403Forbidden)
            .Produces<ErrorBody>(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/review/queue", (int? page, [FromQuery(Name = "page_size")] int? pageSize, IReadoutStores stores, CancellationToken ct) =>
            {
                var (offset, limit) = RequestParsing.Paging(page, pageSize);
                using var store = stores.OpenReader();
                var queue = store.ReviewQueue(offset, limit, ct);
                return TypedResults.Ok(new Page<ReviewQueueItem>(queue.Total, queue.Offset, queue.Limit, queue.Items.Select(ReviewQueueItem.From).ToList()));
            })
            .WithName("ReviewQueue").WithTags("review")
            .WithSummary("Records waiting for review, the likeliest to be wrong first: lowest confidence (when records carry one), then conflicts between sources, then the fewest sources");

        api.MapPost("/ingest", Ingest)
            .WithName("Ingest").WithTags("ingest")
            .WithSummary("Store one report (only when the server was started with --api-key, and only with that key in X-Api-Key)")
            .WithDescription("The body is the report: text/plain, text/html, or a JSON object with `text` or `html` and optional `url`, `title`, `published` (as `readout ingest` reads .json).")
            // the accepted types are described, not matched by routing: a body without a Content-Type is read as text
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Content = IngestTypes.ToDictionary(t => t, _ => new Microsoft.OpenApi.OpenApiMediaType()),
                };
                return Task.CompletedTask;
            })
            .RequireRateLimiting(IngestRatePolicy)
            .Produces<IngestResult>(StatusCodes.Status201Created)
            .Produces<IngestResult>(StatusCodes.Status200OK)
            .Produces<ErrorBody>(StatusCodes.Status401Unauthorized)
            .Produces<ErrorBody>(StatusCodes.Status403Forbidden)
            .Produces<ErrorBody>(StatusCodes.Status413PayloadTooLarge)
            .Produces<ErrorBody>(StatusCodes.Status415UnsupportedMediaType)
            .Produces<ErrorBody>(StatusCodes.Status429TooManyRequests)
            .Produces<ErrorBody>(StatusCodes.Status422UnprocessableEntity);

        api.MapMethods("/ingest", ["GET", "HEAD", "PUT", "PATCH", "DELETE"], context =>
                throw new ApiProblem(StatusCodes.Status405MethodNotAllowed, ErrorCodes.BadRequest, $"{context.Request.Method} is not allowed on /api/ingest; POST a report"))
            .ExcludeFromDescription();
        api.MapFallback(context => throw ApiProblem.NotFound($"nothing at {context.Request.Path}; see /openapi/v1.json for the API"))
            .ExcludeFromDescription();
    }

    private static RouteGroupBuilder ProducesProblemShape(this RouteGroupBuilder group)
    {
        group.WithMetadata(new ProducesResponseTypeAttribute(typeof(ErrorBody), StatusCodes.Status400BadRequest, "application/json"),
            new ProducesResponseTypeAttribute(typeof(ErrorBody), StatusCodes.Status404NotFound, "application/json"));
        return group;
    }

    /// <summary>The record for an id, old id or unique prefix; 404 or 409 in the API's error shape otherwise.</summary>
    internal static Interaction Resolve(IStoreQueries store, string id)
    {
        var key = id.Trim();
        var record = key.Length == 0 ? null : store.Get(key);
        if (record is not null) return record;
        var ids = key.Length == 0 ? [] : store.FindIds(key, 6);
        if (ids.Count > 1)
            throw new ApiProblem(StatusCodes.Status409Conflict, ErrorCodes.AmbiguousRequest,
                $"several interactions start with '{key}': {string.Join(", ", ids.Take(5))}{(ids.Count > 5 ? ", ..." : "")}; give more of the id", "id");
        throw ApiProblem.NotFound($"no interaction with id '{key}'");
    }

    /// <summary>Refuses a write without the server's key: 403 when the server has none, 401 without the right one.</summary>
    private static void RequireKey(HttpContext context, ReadoutServerOptions options, string what)
    {
        if (options.ApiKey is null)
            throw new ApiProblem(StatusCodes.Status403Forbidden, ErrorCodes.IngestDisabled, $"{what} over HTTP is off; start the server with --api-key KEY to allow it");
        var given = context.Request.Headers[ApiKeyHeader].ToString();
        if (given.Length == 0)
            throw new ApiProblem(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, $"{what} needs the server's API key in the {ApiKeyHeader} header");
        if (!KeysMatch(given, options.ApiKey))
            throw new ApiProblem(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, $"the {ApiKeyHeader} header does not hold the server's API key");
    }

    /// <summary>Stores a review through the one writer (one write at a time, as for ingest); a review that does not fit is 422, an unknown record 404.</summary>
    internal static async Task<Reviews.ReviewOutcome> ReviewAsync(IReadoutStores stores, IngestGate gate, Reviews.ReviewRequest request, CancellationToken ct)
    {
        await gate.Lock.WaitAsync(ct);
        try
        {
            return stores.Writer.Review(request);
        }
        catch (ReadoutException e) when (e.Code == ErrorCodes.ReviewRefused)
        {
            throw new ApiProblem(StatusCodes.Status422UnprocessableEntity, e.Code, e.Message);
        }
        catch (ReadoutException e) when (e.Code is ErrorCodes.NoSuchId or ErrorCodes.AmbiguousId)
        {
            throw new ApiProblem(e.Code == ErrorCodes.NoSuchId ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict,
                e.Code == ErrorCodes.NoSuchId ? ErrorCodes.NoSuchResource : ErrorCodes.AmbiguousRequest, e.Message, "id");
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    private static async Task<IResult> Ingest(HttpContext context, ReadoutServerOptions options, IReadoutStores stores, IngestGate gate, IngestService ingest, CancellationToken ct)
    {
        RequireKey(context, options, "ingest");
        if (context.Request.ContentLength > MaxIngestBytes)
            throw new ApiProblem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.TooLarge, $"the report is over the {MaxIngestBytes / (1024 * 1024)} MB limit");

        var mediaType = context.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is { Length: > 0 } && !IngestTypes.Contains(mediaType) && !mediaType.EndsWith("+json", StringComparison.Ordinal))
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.BadRequest,
                $"a report is posted as {string.Join(", ", IngestTypes)}, not {mediaType}", "Content-Type");

        var body = await ReadBody(context.Request, ct);
        var isJson = mediaType?.Contains("json", StringComparison.Ordinal) == true;
        if (isJson && !body.TrimStart().StartsWith('{'))
            throw new ApiProblem(StatusCodes.Status422UnprocessableEntity, ErrorCodes.BadJson, "a JSON body must be one object with text or html (post one report per request)");
        RawDocument raw;
        DocumentResult result;
        try
        {
            var docs = new InputReader(MaxIngestBytes).Read("-", new StringReader(body));
            if (docs.Count != 1)
                throw new ApiProblem(StatusCodes.Status422UnprocessableEntity, ErrorCodes.BadJson, $"post one report per request, not {docs.Count}");
            raw = docs[0];
            if (raw.Uri == "stdin") raw = raw with { Uri = "http/" + raw.ContentHash[..16], Origin = "http/" + raw.ContentHash[..16] };
        }
        catch (ReadoutException e)
        {
            throw new ApiProblem(StatusCodes.Status422UnprocessableEntity, e.Code, e.Message);
        }
        // one report is read at a time, within its time limit: a hostile body cannot hold the cores
        if (!await gate.Processing.WaitAsync(TimeSpan.Zero, ct))
            throw new ApiProblem(StatusCodes.Status429TooManyRequests, ErrorCodes.TooManyRequests, "another report is being read; post this one again when it is done");
        try
        {
            result = ingest.Process(raw, ct);   // within options.IngestTimeLimit (see ReadoutServer.Build)
        }
        catch (ReadoutException e)
        {
            throw new ApiProblem(e.Code == ErrorCodes.Internal ? StatusCodes.Status500InternalServerError : StatusCodes.Status422UnprocessableEntity, e.Code,
                e.Code == ErrorCodes.Internal ? "an unexpected error while reading the report; it is in the server's error log; please report it with the report" : e.Message);
        }
        finally
        {
            gate.Processing.Release();
        }

        await gate.Lock.WaitAsync(ct);
        bool known;
        try
        {
            known = !IngestService.Store(stores.Writer, result, CancellationToken.None);   // a report read whole is stored whole, even if the client went away
        }
        finally
        {
            gate.Lock.Release();
        }
        var answer = new IngestResult(raw.Uri, raw.ContentHash, known, result.Interactions.Count, result.Statements.Count, result.Figures.Count);
        return known ? TypedResults.Ok(answer) : TypedResults.Created((string?)null, answer);
    }

    /// <summary>Compares digests, so the time taken says nothing about how much of the key was right.</summary>
    private static bool KeysMatch(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static async Task<string> ReadBody(HttpRequest request, CancellationToken ct)
    {
        var buffer = new char[81920];
        var text = new StringBuilder();
        using var reader = new StreamReader(request.Body, new UTF8Encoding(false, true));
        int n;
        try
        {
            while ((n = await reader.ReadAsync(buffer.AsMemory(), ct)) > 0)
            {
                text.Append(buffer, 0, n);
                if (text.Length > MaxIngestBytes)
                    throw new ApiProblem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.TooLarge, $"the report is over the {MaxIngestBytes / (1024 * 1024)} MB limit");
            }
        }
        catch (DecoderFallbackException e)
        {
            throw new ApiProblem(StatusCodes.Status422UnprocessableEntity, ErrorCodes.InvalidUtf8, "the body is not valid UTF-8: " + e.Message);
        }
        if (text.Length == 0 || string.IsNullOrWhiteSpace(text.ToString()))
            throw new ApiProblem(StatusCodes.Status422UnprocessableEntity, ErrorCodes.Empty, "the body is empty; post the report's text, HTML or a JSON object with text or html");
        return text.ToString();
    }
}
