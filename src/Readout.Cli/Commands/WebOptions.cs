using System.CommandLine;
using Readout.Ingest;
using Readout.Ingest.Fetch;

namespace Readout.Cli.Commands;

/// <summary>The options of fetching from the web, shared by <c>ingest URL</c> and <c>watch</c>.</summary>
internal sealed class WebOptions
{
    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds one request may take, from sending it to the last byte of the page",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => 30,
    };

    public Option<double> PerHost { get; } = new("--per-host")
    {
        Description = "Requests per second to any one host, redirects and retries included (0: no limit, for your own servers only)",
        HelpName = "N",
        DefaultValueFactory = _ => 2,
    };

    public Option<int> Retries { get; } = new("--retries")
    {
        Description = "Further attempts after a timeout, a lost connection, a 5xx or a 429 (with exponential back-off and the server's Retry-After)",
        HelpName = "N",
        DefaultValueFactory = _ => 2,
    };

    public Option<string> UserAgent { get; } = new("--user-agent")
    {
        Description = "The User-Agent header; add a contact so that site operators can reach you",
        HelpName = "TEXT",
        DefaultValueFactory = _ => FetchOptions.DefaultUserAgent,
    };

    public WebOptions()
    {
        Timeout.Validators.Add(r => { if (r.GetValueOrDefault<double>() is <= 0 or > 3600) r.AddError("--timeout must be between 0 and 3600 seconds"); });
        PerHost.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or > 10000) r.AddError("--per-host must be between 0 (no limit) and 10000 requests per second"); });
        Retries.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 10) r.AddError("--retries must be between 0 and 10"); });
        UserAgent.Validators.Add(r => { if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string>())) r.AddError("--user-agent must not be empty"); });
    }

    /// <summary>The size limit of ingest and watch: files, pages and feeds alike.</summary>
    public static Option<int> MaxSize(string description)
    {
        var option = new Option<int>("--max-size")
        {
            Description = description,
            HelpName = "MB",
            DefaultValueFactory = _ => (int)(InputReader.DefaultMaxBytes / (1024 * 1024)),
        };
        option.Validators.Add(r => { if (r.GetValueOrDefault<int>() <= 0) r.AddError("--max-size must be a positive number of MB"); });
        return option;
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Timeout);
        command.Options.Add(PerHost);
        command.Options.Add(Retries);
        command.Options.Add(UserAgent);
    }

    public FetchOptions Read(ParseResult p, int maxMb) => new()
    {
        Timeout = TimeSpan.FromSeconds(p.GetValue(Timeout)),
        PerHostPerSecond = p.GetValue(PerHost),
        Retries = p.GetValue(Retries),
        UserAgent = p.GetValue(UserAgent)!,
        MaxBytes = maxMb * 1024L * 1024L,
    };
}
