using System.CommandLine;
using System.Globalization;
using Readout.Cli.Commands;

// Before anything else: the pattern timeout must precede every pattern, and records, dates and numbers
// are the same whatever the user's locale (a Thai locale would otherwise count years in the Buddhist era).
Readout.Pipeline.TextLimits.Apply();
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// --db is an option of the root (readout --db FILE events) and of each command that opens the database
// (readout events --db FILE), and of no other: the help of 'code' or 'bench' does not offer it.
var db = new Option<string>("--db")
{
    Description = "The database: a SQLite file, or a PostgreSQL server as postgres://user:password@host:port/database or Host=...;Database=... (default: $READOUT_DB, else readout.db in the current folder)",
    HelpName = "FILE|URL",
    DefaultValueFactory = _ => Environment.GetEnvironmentVariable("READOUT_DB") is { Length: > 0 } env ? env : "readout.db",
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
// --version: the build and the lexicons it carries, whose version every record stores
root.Options.OfType<VersionOption>().Single().Action = new VersionAction();
Command[] usingDb =
[
    IngestCommand.Build(db), WatchCommand.Build(db), WorkerCommand.Build(db), EventsCommand.Build(db), ShowCommand.Build(db), SourcesCommand.Build(db),
    CompareCommand.Build(db), ExportCommand.Build(db), ReviewCommand.Build(db), ServeCommand.Build(db),
];
foreach (var command in usingDb)
{
    command.Options.Add(db);
    root.Subcommands.Add(command);
}
root.Subcommands.Add(CodeCommand.Build());
root.Subcommands.Add(EvaluatePeerCommand.Build());
root.Subcommands.Add(BenchCommand.Build());
root.Subcommands.Add(BenchFusionCommand.Build());
root.Subcommands.Add(BenchServeCommand.Build());

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // one line per mistake and where to read more, not the whole help
    var names = new List<string>();
    for (var c = parsed.CommandResult; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
        names.Insert(0, c.Command == root ? "readout" : c.Command.Name);
    var name = string.Join(' ', names);
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"error RO0010 {name}: {error.Message}");
    Console.Error.WriteLine($"see '{name} --help'");
    return ExitCodes.Error;
}
try
{
    // a numbered error that escapes a command (a stored record that no longer reads, say) is one line naming the
    // database or document, as every other error, not System.CommandLine's stack trace
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Readout.Documents.ReadoutException e)
{
    Cli.Error(e);
    return ExitCodes.Error;
}

/// <summary>Prints "readout VERSION, lexicons lex-..." for --version.</summary>
internal sealed class VersionAction : System.CommandLine.Invocation.SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var build = typeof(VersionAction).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";
        parseResult.InvocationConfiguration.Output.WriteLine($"{build} lexicons {Readout.Pipeline.ReadoutPipeline.CreateDefault().Lexicon.Version}");
        return ExitCodes.Ok;
    }
}
