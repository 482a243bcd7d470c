using System.CommandLine;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Readout.Cli.Commands;

/// <summary><c>readout events</c>: list stored interactions as a table.</summary>
public static class EventsCommand
{
    public static Command Build(Option<string> db)
    {
        var filter = new FilterOptions(defaultStatus: "happened");
        var command = new Command("events",
            """
            List stored interactions, by date. Filters combine: every one given must hold.
            Exit codes: 0 success (also when nothing matches), 1 usage error or no database.
            """);
        filter.AddTo(command);
        command.SetAction(p =>
        {
            using var store = Cli.OpenExisting(p.GetValue(db)!);
            if (store is null) return ExitCodes.Error;
            var f = filter.Read(p);
            var rows = store.Query(f);

            var table = new Table().Border(Console.IsOutputRedirected ? TableBorder.Simple : TableBorder.Rounded);
            table.AddColumn("Id");
            table.AddColumn("Date");
            if (f.Status is null) table.AddColumn("Status");
            table.AddColumn("Mode");
            table.AddColumn("Participants");
            table.AddColumn("Place");
            table.AddColumn(new TableColumn("Sources").RightAligned());
            foreach (var i in rows)
            {
                var cells = new List<IRenderable>
                {
                    new Text(i.Id.Length > 10 ? i.Id[..10] : i.Id),
                    new Text(i.Date ?? "?"),
                };
                if (f.Status is null) cells.Add(new Text(i.Status ?? ""));
                cells.Add(new Text(i.Mode ?? ""));
                cells.Add(new Text(string.Join("\n", (i.Participants ?? []).Select(a => a.Country is null ? a.Name : $"{a.Name} ({a.Country})"))));
                cells.Add(new Text(Cli.Place(i.Location)));
                cells.Add(new Text((i.Sources?.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                table.AddRow(cells);
            }
            if (rows.Count > 0) Cli.Out.Write(table);
            Cli.Out.WriteLine($"{rows.Count} interaction{(rows.Count == 1 ? "" : "s")}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
