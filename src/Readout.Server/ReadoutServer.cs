using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Readout.Documents;
using Readout.Pipeline;
using Readout.Server.Pages;
using Scalar.AspNetCore;

namespace Readout.Server;

/// <summary>What <c>readout serve</c> is started with.</summary>
public sealed record ReadoutServerOptions
{
    /// <summary>The database: a SQLite file, or a PostgreSQL connection string (<c>postgres://...</c> or <c>Host=...</c>).</summary>
    public required string DatabasePath { get; init; }

    /// <summary>The loopback port; 0 picks a free one (read it back from <see cref="ReadoutServer.Address"/>).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>The key HTTP ingest requires (header <c>X-Api-Key</c>); null turns HTTP ingest off.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Warnings and failed requests logged to the console, one line each (off for tests and benchmarks).</summary>
    public bool LogRequests { get; init; }

    /// <summary>How long a read request may run before its query is interrupted and it is answered 503 (RO4008).</summary>
    public TimeSpan RequestTimeLimit { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the pipeline may work on one report posted to /api/ingest (RO1010 past it).</summary>
    public TimeSpan IngestTimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many reports /api/ingest accepts per minute (429, RO4007, past it).</summary>
    public int IngestPerMinute { get; init; } = 60;
}

/// <summary>
/// The Readout HTTP server: the JSON API under <c>/api</c> (described at <c>/openapi/v1.json</c>) and
/// server-rendered pages at <c>/</c>, over one store, bound to 127.0.0.1 only.
/// </summary>
public static class ReadoutServer
{
    /// <summary>
    /// The Content-Security-Policy of every answer: the pages need nothing but their own stylesheet, so
    /// no script runs at all, whatever a stored report contains.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Where the rendered API reference (Scalar) is served: the one page that runs a script, its own bundle, served from here.</summary>
    public const string ApiDocsPath = "/api-docs";

    private const string ApiDescription =
        "Diplomatic interactions read from news reports and official readouts, each field linked to its evidence.";

    /// <summary>
    /// The policy of the API reference: its script from this server only, and the inline start-up script only with
    /// the request's nonce; inline styles (the reference sets them), the OpenAPI document fetched from here, nothing else.
    /// </summary>
    public static string ApiDocsPolicy(string nonce) =>
        $"default-src 'none'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Builds the app over the database the options name (SQLite or PostgreSQL); <paramref name="configure"/> may replace the server (tests use the test host).</summary>
    public static WebApplication Build(ReadoutServerOptions options, Action<WebApplicationBuilder>? configure = null) =>
        Build(options, OpenStores(options.DatabasePath), configure);

    /// <summary>The stores behind <c>--db</c>: a PostgreSQL connection string or a SQLite file.</summary>
    public static IReadoutStores OpenStores(string db) =>
        Store.StoreFactory.IsServer(db) ? new PostgresReadoutStores(db) : new SqliteReadoutStores(db);

    /// <summary>Builds the app over any store backend.</summary>
    public static WebApplication Build(ReadoutServerOptions options, IReadoutStores stores, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stores);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ReadoutServer).Assembly.GetName().Name });
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.Limits.MaxRequestBodySize = ApiEndpoints.MaxIngestBytes;   // only /api/ingest reads a body
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.MaxRequestLineSize = 16 * 1024;
        });
        builder.Logging.ClearProviders();
        if (options.LogRequests)
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
                // the framework logs a failed start (a taken port) with its stack trace, which serve reports
                // in one line (RO4006); the server's own warnings and errors are one line each
                .AddFilter("Microsoft", LogLevel.None);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(stores);
        builder.Services.AddSingleton(Pipeline.ErrorLog.Default());
        // the pipeline and the ingest service that POST /api/ingest shares with the CLI and the workers, a report within the ingest time limit
        builder.Services.AddReadout(options.IngestTimeLimit);
        builder.Services.AddSingleton<IngestGate>();
        builder.Services.AddSingleton(_ => Pages.WorldMap.LoadEmbedded());
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (c, ct) => new ValueTask(WriteProblem(c.HttpContext, new ApiProblem(StatusCodes.Status429TooManyRequests, ErrorCodes.TooManyRequests,
                $"ingest over HTTP takes at most {options.IngestPerMinute} reports a minute; try again shortly")));
            o.AddPolicy(ApiEndpoints.IngestRatePolicy, _ => RateLimitPartition.GetFixedWindowLimiter("ingest", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.IngestPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.TypeInfoResolver = ApiJsonContext.Default;   // no reflection: see ApiJsonContext
        });
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Readout API";
                doc.Info.Description = ApiDescription;
                return Task.CompletedTask;
            });
            // a code (ActorKind...) is written as its string by its converter, which the generator cannot see into: left
            // alone it would be an empty schema of its own; described inline as a string, it reads as it is sent (a
            // code that may be missing, as an actor's role, as a string or null, as a string property that may be null is)
            o.CreateSchemaReferenceId = t => IsCode(t.Type) ? null : OpenApiOptions.CreateDefaultSchemaReferenceId(t);
            // a repeatable query parameter (actor, country) binds to an empty list when left out: it is not required,
            // whatever the build-time handlers' metadata says of an array
            o.AddOperationTransformer((operation, _, _) =>
            {
                foreach (var p in (operation.Parameters ?? []).OfType<Microsoft.OpenApi.OpenApiParameter>())
                    if (p.In == Microsoft.OpenApi.ParameterLocation.Query && p.Schema?.Type is { } t && t.HasFlag(Microsoft.OpenApi.JsonSchemaType.Array))
                        p.Required = false;
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                if (IsCode(type))
                    schema.Type = Nullable.GetUnderlyingType(type) is null ? Microsoft.OpenApi.JsonSchemaType.String
                        : Microsoft.OpenApi.JsonSchemaType.String | Microsoft.OpenApi.JsonSchemaType.Null;
                return Task.CompletedTask;
            });
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        if (stores is IDisposable disposable) app.Lifetime.ApplicationStopped.Register(disposable.Dispose);
        app.Use(HeadAsGet);
        app.UseRouting();   // after HEAD became GET, so that it finds the GET route
        app.Use(SecurityHeaders);
        app.Use(Errors);
        app.Use(Head);
        app.Use(TimeLimit);
        app.UseStatusCodePages(StatusWithoutBody);
        app.UseRouting();          // after Head, so that HEAD is routed as GET
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapScalarApiReference(ApiDocsPath, (o, context) =>
        {
            o.Title = "Readout API";
            o.OpenApiRoutePattern = "../openapi/{documentName}.json";   // the reference is at /api-docs/: its document is /openapi/v1.json
            o.DefaultFonts = false;                      // no font service: the page works offline
            o.Telemetry = false;
            o.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            o.Agent = new ScalarAgentOptions { Disabled = true };   // no AI chat: it would call a service outside
            o.Nonce = context.Items[NonceKey] as string;
        }).ExcludeFromDescription();
        ApiEndpoints.Map(app);
        FeedEndpoints.Map(app);
        PageEndpoints.Map(app);
        return app;
    }

    /// <summary>The address a started app listens on (with the real port when 0 was asked for).</summary>
    public static Uri Address(WebApplication app) => new(app.Urls.First());

    private const string NonceKey = "readout-csp-nonce";

    /// <summary>
    /// HEAD is answered as GET without a body (monitors and link checkers ask <c>HEAD /</c>): the route of the GET runs
    /// and its body goes nowhere, so the headers (type, length when known) are those of the GET.
    /// </summary>
    /// <summary>
    /// An enum of <see cref="Readout.Extract.Codes"/>, or one that may be null: its JSON is its wire string, written by a
    /// <see cref="Readout.Extract.CodeJsonConverter{T}"/>.
    /// </summary>
    private static bool IsCode(Type type) => Nullable.GetUnderlyingType(type) is { } code
        ? IsCode(code)
        : type.IsEnum
        && type.GetCustomAttributes(typeof(JsonConverterAttribute), false)
            is [JsonConverterAttribute { ConverterType.BaseType: { IsGenericType: true } converter }]
        && converter.GetGenericTypeDefinition() == typeof(Readout.Extract.CodeJsonConverter<>);

    private static async Task HeadAsGet(HttpContext context, Func<Task> next)
    {
        if (!HttpMethods.IsHead(context.Request.Method) || context.Request.Path.StartsWithSegments("/api/ingest"))
        {
            await next();
            return;
        }
        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try { await next(); }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    }

    /// <summary>Set as the response starts, so answers whose headers were cleared (error pages) carry them too.</summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var docs = context.Request.Path.StartsWithSegments(ApiDocsPath);
        if (docs) context.Items[NonceKey] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = docs ? ApiDocsPolicy((string)context.Items[NonceKey]!) : ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next();
    }

    /// <summary>Refusals and failures in one shape: JSON under /api, an HTML page elsewhere.</summary>
    private static async Task Errors(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (ApiProblem p) when (!context.Response.HasStarted)
        {
            await WriteProblem(context, p);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await WriteProblem(context, new ApiProblem(e.StatusCode, ErrorCodes.BadRequest, e.Message));
        }
        catch (ReadoutException e) when (!context.Response.HasStarted && e.Code == ErrorCodes.NoDatabase)
        {
            await WriteProblem(context, new ApiProblem(StatusCodes.Status503ServiceUnavailable, e.Code, "the database is not there; see the server's console"));
        }
        catch (OperationCanceledException) when (context.Items[TimedOut] is CancellationTokenSource { IsCancellationRequested: true } && !context.Response.HasStarted)
        {
            var limit = context.RequestServices.GetRequiredService<ReadoutServerOptions>().RequestTimeLimit;
            await WriteProblem(context, new ApiProblem(StatusCodes.Status503ServiceUnavailable, ErrorCodes.RequestTooLong,
                $"the request took longer than {limit.TotalSeconds:0.#} s and was stopped; narrow it (fewer or rarer words, a filter, a smaller page)"));
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            // the details (SQL errors, paths, stack) go to the log, never to the client
            var where = context.RequestServices.GetRequiredService<Pipeline.ErrorLog>().Write($"{context.Request.Method} {context.Request.Path}", e);
            context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("Readout.Server")
                .LogError("error {Code} {Path}: {Type}; {Where}", ErrorCodes.ServerError, context.Request.Path.Value, e.GetType().Name, where);
            await WriteProblem(context, new ApiProblem(StatusCodes.Status500InternalServerError, ErrorCodes.ServerError,
                $"unexpected error answering {context.Request.Path}; it is in the server's error log; please report it"));
        }
    }

    private const string TimedOut = "readout.timed-out";

    /// <summary>
    /// Every read request runs within <see cref="ReadoutServerOptions.RequestTimeLimit"/>: its cancellation
    /// token fires when the client goes away or the limit passes, and the store interrupts the query it is
    /// running. HTTP ingest has its own limit per report.
    /// </summary>
    private static async Task TimeLimit(HttpContext context, Func<Task> next)
    {
        if (HttpMethods.IsPost(context.Request.Method)) { await next(); return; }
        var limit = context.RequestServices.GetRequiredService<ReadoutServerOptions>().RequestTimeLimit;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        using var timer = new CancellationTokenSource(limit);
        context.Items[TimedOut] = timer;
        using var link = timer.Token.Register(cts.Cancel);
        var aborted = context.RequestAborted;
        context.RequestAborted = cts.Token;
        try { await next(); }
        finally { context.RequestAborted = aborted; }
    }

    /// <summary>HEAD is answered as GET would be, without the body.</summary>
    private static async Task Head(HttpContext context, Func<Task> next)
    {
        if (!HttpMethods.IsHead(context.Request.Method)) { await next(); return; }
        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try { await next(); }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    }

    internal static Task WriteProblem(HttpContext context, ApiProblem p)
    {
        context.Response.Clear();
        context.Response.StatusCode = p.Status;
        if (IsApi(context.Request))
            return context.Response.WriteAsJsonAsync(p.ToBody(), ApiJson.ErrorBody, cancellationToken: context.RequestAborted);
        return PageEndpoints.WriteErrorPage(context, p);
    }

    /// <summary>404 for unknown routes, 405 for a wrong method: the same shape as every other refusal.</summary>
    private static Task StatusWithoutBody(StatusCodeContext s)
    {
        var context = s.HttpContext;
        var status = context.Response.StatusCode;
        var p = status switch
        {
            404 => ApiProblem.NotFound($"nothing at {context.Request.Path}; see /openapi/v1.json for the API"),
            405 => new ApiProblem(405, ErrorCodes.BadRequest, $"{context.Request.Method} is not allowed on {context.Request.Path}"),
            400 when RequestParsing.UnboundQueryValue(context) is { } unbound => new ApiProblem(400, ErrorCodes.BadRequest, unbound),
            _ => new ApiProblem(status, status >= 500 ? ErrorCodes.ServerError : ErrorCodes.BadRequest, $"request to {context.Request.Path} failed with status {status}"),
        };
        return WriteProblem(context, p);
    }

    internal static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");
}

/// <summary>The JSON form of API answers (snake_case; HTML-significant characters escaped).</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        TypeInfoResolver = ApiJsonContext.Default,
    };

    /// <summary>An error's body under <see cref="Options"/>.</summary>
    public static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<ErrorBody> ErrorBody =
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ErrorBody>)Options.GetTypeInfo(typeof(ErrorBody));
}

/// <summary>One HTTP ingest at a time: the store has one writer.</summary>
internal sealed class IngestGate : IDisposable
{
    public SemaphoreSlim Lock { get; } = new(1, 1);
    /// <summary>One report through the pipeline at a time: the rest are refused (429) rather than queued.</summary>
    public SemaphoreSlim Processing { get; } = new(1, 1);
    public void Dispose()
    {
        Lock.Dispose();
        Processing.Dispose();
    }
}
