using System.CommandLine;
using System.Globalization;
using Readout.Cli.Commands;

// Before anything else: the pattern timeout must precede every pattern, and records, dates and numbers
// are the same whatever the user's locale (a Thai locale would otherwise count years in the Buddhist era).
Readout.Pipeline.TextLimits.Apply();
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var db = new Option<string>("--db")
{
    Description = "The database: a SQLite file, or a PostgreSQL server as postgres://user:password@host:port/database or Host=...;Database=... (default: $READOUT_DB, else readout.db in the current folder)",
    HelpName = "FILE|URL",
    DefaultValueFactory = _ => Environment.GetEnvironmentVariable("READOUT_DB") is { Length: > 0 } env ? env : "readout.db",
    Recursive = true,
};

var root = new RootCommand(
    """
    Readout reads news reports of diplomatic interactions (calls, visits, meetings, letters) and stores
    one structured record per interaction, with the text each field came from.

    Exit codes:
      0  success
      1  usage error, or nothing could be done (database cannot be opened, no such interaction,
         output cannot be written, interrupted: 130)
      2  some inputs could not be read or processed (the others were)
    """);
root.Options.Add(db);
root.Subcommands.Add(IngestCommand.Build(db));
root.Subcommands.Add(WorkerCommand.Build(db));
root.Subcommands.Add(EventsCommand.Build(db));
root.Subcommands.Add(ShowCommand.Build(db));
root.Subcommands.Add(SourcesCommand.Build(db));
root.Subcommands.Add(CompareCommand.Build(db));
root.Subcommands.Add(CodeCommand.Build());
root.Subcommands.Add(EvaluatePeerCommand.Build());
root.Subcommands.Add(ExportCommand.Build(db));
root.Subcommands.Add(BenchCommand.Build(db));
root.Subcommands.Add(BenchFusionCommand.Build());
root.Subcommands.Add(ServeCommand.Build(db));
root.Subcommands.Add(BenchServeCommand.Build());

return await root.Parse(args).InvokeAsync();
