using System.CommandLine;
using System.Globalization;
using Readout.Export;
using Readout.Extract;
using Spectre.Console;

namespace Readout.Cli.Commands;

/// <summary><c>readout events</c>: list stored interactions as a table, JSON or CSV.</summary>
public static class EventsCommand
{
    public static Command Build(Option<string> db)
    {
        var filter = new FilterOptions();
        var output = new ListOutput();
        var command = new Command("events",
            """
            List stored interactions, by date. Filters combine: every one given must hold. --format json gives the
            records as the export has them (an array), --format csv the export's flat rows.
            Exit codes: 0 success (also when nothing matches), 1 usage error or no database.
            """);
        filter.AddTo(command);
        output.AddTo(command);
        command.SetAction(p =>
        {
            using var store = Cli.OpenExisting(p.GetValue(db)!);
            if (store is null) return ExitCodes.Error;
            var all = store.Query(filter.Read(p));
            var rows = output.Take(p, all);
            output.Write(p, rows, CsvExporter.Header, CsvExporter.Row, Readout.Export.Contract.InteractionRecord.From, list =>
            {
                var table = ListOutput.NewTable("Id", "Date", "Status", "Mode", "Participants", "Place");
                table.AddColumn(new TableColumn("Sources").RightAligned());
                table.AddColumn("Review");
                foreach (var i in list)
                    table.AddRow(
                        new Text(i.Id.Length > 10 ? i.Id[..10] : i.Id), new Text(i.Date ?? "?"), new Text(i.Status.Wire()), new Text(i.Mode.Wire()),
                        new Text(string.Join(", ", (i.Participants ?? []).Select(a => a.Country is null ? a.Name : $"{a.Name} ({a.Country})"))),
                        new Text(Cli.Place(i.Location)),
                        new Text((i.Sources?.Count ?? 0).ToString(CultureInfo.InvariantCulture)),
                        new Text(i.Review is null ? ""
                            : i.Review.Status.Wire()
                              + (i.Review.FieldsSet.Count > 0 ? ": " + string.Join(", ", i.Review.FieldsSet.Select(f => f.Wire())) : "")));
                if (list.Count > 0) Cli.Out.Write(table);
                Cli.Out.WriteLine(list.Count == all.Count
                    ? $"{all.Count} interaction{(all.Count == 1 ? "" : "s")}"
                    : $"{list.Count} of {all.Count} interactions (--limit)");
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
