using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using Readout.Documents;
using Microsoft.Extensions.DependencyInjection;
using Readout.Extract;
using Readout.Pipeline;
using Readout.Store;
using Spectre.Console;

namespace Readout.Cli.Commands;

/// <summary>Exit codes of every command (also in the root help text).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Error = 1;          // usage error, or the command could do nothing
    public const int SomeFailed = 2;     // some inputs failed, the rest were processed
    public const int Interrupted = 130;  // Ctrl+C
}

internal static class Cli
{
    public static IReadOnlyList<string> Modes => FilterValues.Modes;
    public static IReadOnlyList<string> Statuses => FilterValues.Statuses;

    /// <summary>Prints "error CODE doc: message" to standard error.</summary>
    public static void Error(string code, string document, string message) => Console.Error.WriteLine(Terminal.Safe($"error {code} {document}: {message}"));

    public static void Error(ReadoutException e) => Console.Error.WriteLine(Terminal.Safe("error " + e.Message));

    /// <summary>
    /// The services a command that ingests resolves (<see cref="ReadoutServices.AddReadout"/>: the pipeline and the
    /// <see cref="IngestService"/>), each document within <paramref name="documentBudget"/>.
    /// </summary>
    public static ServiceProvider Services(TimeSpan documentBudget) => new ServiceCollection().AddReadout(documentBudget).BuildServiceProvider();

    /// <summary>Opens the database for a command that only reads it; the file must already exist.</summary>
    public static IReadoutStore? OpenExisting(string db)
    {
        if (!StoreFactory.IsServer(db) && db != ":memory:" && !File.Exists(db))
        {
            Error(ErrorCodes.NoDatabase, db, "no database here; run 'readout ingest PATH...' first, or pass --db FILE / set READOUT_DB");
            return null;
        }
        if (StoreFactory.IsServer(db) || db == ":memory:") return Open(db);
        // a SQLite file is only read: never created, migrated or written by a command that reads
        try { return SqliteStore.OpenExisting(db); }
        catch (ReadoutException e) { Error(e); return null; }
    }

    /// <summary>An existing database to write to (a review): never created here, brought up to date as every writer does.</summary>
    public static IReadoutStore? OpenExistingToWrite(string db)
    {
        if (!StoreFactory.IsServer(db) && db != ":memory:" && !File.Exists(db))
        {
            Error(ErrorCodes.NoDatabase, db, "no database here; run 'readout ingest PATH...' first, or pass --db FILE / set READOUT_DB");
            return null;
        }
        return Open(db);
    }

    /// <summary>Opens (creating if needed) the SQLite file or PostgreSQL database that --db names; reports why not and returns null.</summary>
    public static IReadoutStore? Open(string db, TimeSpan? retryWindow = null)
    {
        try { return StoreFactory.Open(db, retryWindow); }
        catch (ReadoutException e) { Error(e); return null; }
    }

    /// <summary>Standard output for tables: styled on a terminal, plain and wide when redirected.</summary>
    public static IAnsiConsole Out { get; } = CreateOut();

    private static IAnsiConsole CreateOut()
    {
        if (!Console.IsOutputRedirected) return AnsiConsole.Console;
        var c = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        c.Profile.Width = 200;
        return c;
    }

    public static string Describe(Actor a)
    {
        var extra = string.Join(", ", new[] { a.Country, a.Role?.Wire() }.Where(x => !string.IsNullOrEmpty(x)));
        return extra.Length == 0 ? a.Name : $"{a.Name} ({extra})";
    }

    public static string Place(Location? l) =>
        l is null ? "" : string.Join(", ", new[] { l.Venue, l.City, l.Country }.Where(x => !string.IsNullOrEmpty(x)));

    /// <summary>Evidence text on one line.</summary>
    public static string OneLine(string s) => Regex.Replace(s, @"\s+", " ").Trim();
}

/// <summary>The filter options shared by <c>events</c> and <c>export</c>.</summary>
internal sealed class FilterOptions
{
    public Option<string[]> Actor { get; } = new("--actor", "-a")
    {
        Description = "Keep interactions with a participant whose name contains NAME (case- and accent-insensitive); repeat to require several",
        HelpName = "NAME",
    };

    public Option<string[]> Country { get; } = new("--country", "-c")
    {
        Description = "Keep interactions with a participant from this ISO 3166-1 alpha-3 country; give two for a dyad (e.g. -c RUS -c TUR)",
        HelpName = "ISO3",
    };

    public Option<string?> From { get; } = new("--from") { Description = "Earliest date, inclusive (YYYY-MM-DD, YYYY-MM or YYYY)", HelpName = "DATE" };
    public Option<string?> To { get; } = new("--to") { Description = "Latest date, inclusive (YYYY-MM-DD, YYYY-MM or YYYY)", HelpName = "DATE" };
    public Option<string?> Mode { get; } = new Option<string?>("--mode", "-m") { Description = "Only this mode: phone, video, in_person or written (any case)", HelpName = "MODE" }.OneOf(Cli.Modes);

    /// <summary>The same default in every command and on the web: all records, happened and planned, with a status column.</summary>
    public Option<string> Status { get; } = new Option<string>("--status", "-s")
    {
        Description = "happened, planned or all (the default, as on the web)",
        DefaultValueFactory = _ => "all",
    }.OneOf(Cli.Statuses);

    public Option<string?> Review { get; } = new Option<string?>("--review")
    {
        Description = "unreviewed, reviewed, rejected or all; by default every record but the rejected ones",
        HelpName = "STATE",
    }.OneOf([.. Readout.Extract.Codes.ReviewStatus.Wires, "all"]);

    public Option<double?> MinConfidence { get; } = new("--min-confidence")
    {
        Description = "Keep records whose confidence (0..1, from their evidence; README \"Confidence\") is at least this",
        HelpName = "P",
    };

    public FilterOptions()
    {
        MinConfidence.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } c && FilterValues.ConfidenceProblem("--min-confidence", c) is { } problem) r.AddError(problem);
        });
        Country.Validators.Add(r =>
        {
            foreach (var c in r.GetValueOrDefault<string[]>() ?? [])
                if (FilterValues.CountryProblem("--country", c) is { } problem) r.AddError(problem);
        });
        From.Validators.Add(r => ValidateDate(r, "--from"));
        To.Validators.Add(r => ValidateDate(r, "--to"));
    }

    private static void ValidateDate(OptionResult r, string name)
    {
        if (r.GetValueOrDefault<string?>() is { } v && FilterValues.DateProblem(name, v) is { } problem) r.AddError(problem);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Actor);
        command.Options.Add(Country);
        command.Options.Add(From);
        command.Options.Add(To);
        command.Options.Add(Mode);
        command.Options.Add(Status);
        command.Options.Add(Review);
        command.Options.Add(MinConfidence);
    }

    public InteractionFilter Read(ParseResult p)
    {
        var status = p.GetValue(Status);
        return new InteractionFilter(
            p.GetValue(Actor) ?? [],
            (p.GetValue(Country) ?? []).Select(c => c.ToUpperInvariant()).ToList(),
            p.GetValue(From),
            p.GetValue(To),
            p.GetValue(Mode) is { Length: > 0 } mode ? mode : null,
            status is null or "" or "all" ? null : status,
            p.GetValue(Review) is { Length: > 0 } review ? review : null)
        { MinConfidence = p.GetValue(MinConfidence) }.WithAliases(a => Readout.Pipeline.ReadoutPipeline.CreateDefault().Lexicon.PeopleIndex.NamesFor(a));
    }
}
