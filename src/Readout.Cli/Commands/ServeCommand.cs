using System.CommandLine;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Readout.Documents;
using Readout.Server;

namespace Readout.Cli.Commands;

/// <summary><c>readout serve</c>: the HTTP API and the web UI over the store, on 127.0.0.1.</summary>
public static class ServeCommand
{
    public static Command Build(Option<string> db)
    {
        var port = new Option<int>("--port", "-p") { Description = "The port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 8080, HelpName = "N" };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535) r.AddError("--port expects a number from 0 to 65535");
        });
        var apiKey = new Option<string?>("--api-key")
        {
            Description = "Allow POST /api/ingest, only with this key in the X-Api-Key header (default: $READOUT_API_KEY; without a key, HTTP ingest is off)",
            HelpName = "KEY",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("READOUT_API_KEY") is { Length: > 0 } k ? k : null,
        };
        var timeLimit = new Option<double>("--request-time-limit")
        {
            Description = "Longest time a read request may run, in seconds; past it its query is stopped and the answer is 503 (RO4008)",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => new ReadoutServerOptions { DatabasePath = "" }.RequestTimeLimit.TotalSeconds,
        };
        timeLimit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is <= 0 or > 3600) r.AddError("--request-time-limit expects a number of seconds from 0 to 3600");
        });
        var command = new Command("serve",
            """
            Serve the store over HTTP on 127.0.0.1: the web UI at / (timeline, interactions with their evidence,
            dyad dashboards, actors, search) and the JSON API under /api, described at /openapi/v1.json.
            --db may name a SQLite file or a PostgreSQL database (postgres://user:pass@host:port/db or Host=...).
            Runs until Ctrl+C. Exit codes: 0 stopped, 1 no database (RO2002; give --api-key to start an empty
            one for HTTP ingest), the database cannot be opened (RO2001) or the port is taken (RO4006).
            """);
        command.Options.Add(port);
        command.Options.Add(apiKey);
        command.Options.Add(timeLimit);
        command.SetAction(async (p, ct) =>
        {
            var path = p.GetValue(db)!;
            var key = p.GetValue(apiKey);
            if (key is not null && key.Length < 12)
            {
                Cli.Error(ErrorCodes.BadRequest, "--api-key", "the API key must be at least 12 characters long");
                return ExitCodes.Error;
            }
            if (key is null && path != ":memory:" && !Readout.Store.StoreFactory.IsServer(path) && !File.Exists(path))
            {
                Cli.Error(ErrorCodes.NoDatabase, path, "no database here; run 'readout ingest PATH...' first, pass --db FILE, or give --api-key to fill a new one over HTTP");
                return ExitCodes.Error;
            }
            WebApplication app;
            try
            {
                app = ReadoutServer.Build(new ReadoutServerOptions { DatabasePath = path, Port = p.GetValue(port), ApiKey = key, LogRequests = true,
                    RequestTimeLimit = TimeSpan.FromSeconds(p.GetValue(timeLimit)) });
            }
            catch (ReadoutException e)
            {
                Cli.Error(e);
                return ExitCodes.Error;
            }
            await using (app)
            {
                try
                {
                    await app.StartAsync(ct);
                }
                catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
                {
                    Cli.Error(ErrorCodes.PortInUse, $"127.0.0.1:{p.GetValue(port)}", "the port is taken; choose another with --port N (0 picks a free one)");
                    return ExitCodes.Error;
                }
                Console.WriteLine($"readout serving {(Readout.Store.StoreFactory.IsServer(path) ? Readout.Store.PostgresStore.Redact(path) : path)} at {ReadoutServer.Address(app)} (ingest over HTTP {(key is null ? "off" : "on, with the API key")}); Ctrl+C stops");
                try { await Task.Delay(Timeout.Infinite, ct); }
                catch (OperationCanceledException) { /* Ctrl+C: stop below */ }
                await app.StopAsync(CancellationToken.None);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
