using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Readout.Tests.Ingest;

/// <summary>
/// A web server on 127.0.0.1 (a free port) serving feeds and pages from the fixture files under
/// Fixtures/Web, plus answers a test sets up: statuses, redirects, slow or huge bodies, changing feeds.
/// Feeds get ETag and Last-Modified and answer conditional requests with 304. Every request is logged.
/// No test needs the internet.
/// </summary>
internal sealed class FixtureWeb : IAsyncDisposable
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Web");

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);

    /// <summary>Every request: path, User-Agent, If-None-Match, when.</summary>
    public ConcurrentQueue<(string Path, string? UserAgent, string? IfNoneMatch, DateTime At)> Requests { get; } = new();

    public Uri Base { get; private set; } = null!;

    private FixtureWeb(WebApplication app) => _app = app;

    public static async Task<FixtureWeb> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var web = new FixtureWeb(app);
        app.Run(web.Answer);
        await app.StartAsync();
        web.Base = new Uri(app.Urls.First());
        return web;
    }

    public string Url(string path) => new Uri(Base, path).AbsoluteUri;

    public int Hits(string path) => Requests.Count(r => r.Path == path);

    private Task Answer(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Requests.Enqueue((path, context.Request.Headers.UserAgent.ToString(), context.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } e ? e : null, DateTime.UtcNow));
        if (_routes.TryGetValue(path, out var handler)) return handler(context);
        var file = Path.Combine(Folder, path.TrimStart('/'));
        if (path.Contains("..", StringComparison.Ordinal) || !File.Exists(file))
        {
            context.Response.StatusCode = 404;
            return context.Response.WriteAsync("not found");
        }
        var type = Path.GetExtension(file) == ".xml" ? "application/rss+xml" : "text/html; charset=utf-8";
        return Send(context, Fill(File.ReadAllBytes(file)), type);
    }

    /// <summary>Fixture files write the server's address as {base}.</summary>
    public byte[] Fill(byte[] body) => body.AsSpan().IndexOf("{base}"u8) < 0 ? body
        : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("{base}", Base.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal));

    public static byte[] FixtureBytes(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    /// <summary>Serves <paramref name="body"/> with an ETag and Last-Modified taken from it, and 304 to a request that already has it.</summary>
    public static Task Send(HttpContext context, byte[] body, string contentType, string? etag = null)
    {
        etag ??= "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))[..16] + "\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.LastModified = "Tue, 26 Mar 2024 10:00:00 GMT";
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.StatusCode = 304;
            return Task.CompletedTask;
        }
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>Answers <paramref name="path"/> with <paramref name="handler"/> instead of a file.</summary>
    public void Map(string path, Func<HttpContext, Task> handler) => _routes[path] = handler;

    /// <summary>Answers <paramref name="path"/> with a fixed body.</summary>
    public void Map(string path, byte[] body, string contentType) => Map(path, c => Send(c, body, contentType));

    public void Status(string path, int status) => Map(path, c =>
    {
        c.Response.StatusCode = status;
        return c.Response.WriteAsync($"status {status}");
    });

    public void Redirect(string path, string location, int status = 302) => Map(path, c =>
    {
        c.Response.StatusCode = status;
        c.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
