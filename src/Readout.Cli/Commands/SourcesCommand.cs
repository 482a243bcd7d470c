using System.CommandLine;
using Readout.Documents;
using Spectre.Console;

namespace Readout.Cli.Commands;

/// <summary><c>readout sources ID</c>: the reports behind one record, grouped into families of near-duplicate copies.</summary>
public static class SourcesCommand
{
    public static Command Build(Option<string> db)
    {
        var id = new Argument<string>("id") { Description = "The record's id (or a unique start of it; old ids of merged records resolve)" };
        var output = new ListOutput();
        var command = new Command("sources",
            """
            List the reports behind one record: uri, title, publication date, and which reports are copies of one
            story (a family of near-duplicates counts as one independent source).
            Exit codes: 0 success, 1 no such record (RO3001), ambiguous id prefix (RO3002) or no database.
            """);
        command.Arguments.Add(id);
        output.AddTo(command);
        command.SetAction(p =>
        {
            using var store = Cli.OpenExisting(p.GetValue(db)!);
            if (store is null) return ExitCodes.Error;
            var key = p.GetValue(id)!.Trim();
            var record = store.Get(key);
            if (record is null)
            {
                var ids = key.Length > 0 ? store.FindIds(key, 6) : [];
                Cli.Error(ids.Count > 1 ? ErrorCodes.AmbiguousId : ErrorCodes.NoSuchId, key,
                    ids.Count > 1 ? "several records start with this: " + string.Join(", ", ids.Take(5)) : "no record with this id");
                return ExitCodes.Error;
            }
            var rows = record.Sources
                .GroupBy(s => s.Family ?? s.ContentHash).OrderBy(g => g.Min(s => s.Published ?? "9999"), StringComparer.Ordinal)
                .SelectMany(g => g.OrderBy(s => s.Published ?? "9999", StringComparer.Ordinal).ThenBy(s => s.Uri, StringComparer.Ordinal).Select(s => (Family: g.Key, Source: s)))
                .ToList();
            output.Write(p, output.Take(p, rows), ["record", "family", "published", "uri", "title", "content_hash"],
                x => [record.Id, x.Family, x.Source.Published, x.Source.Uri, x.Source.Title, x.Source.ContentHash],
                x => new SourceRow(record.Id, x.Family, x.Source.Published, x.Source.Uri, x.Source.Title, x.Source.ContentHash),
                list =>
                {
                    if (record.Id != key && !record.Id.StartsWith(key, StringComparison.Ordinal))
                        Console.WriteLine(Terminal.Safe($"{key} was merged into {record.Id}"));
                    var table = ListOutput.NewTable("Family", "Published", "Source", "Title");
                    foreach (var (family, s) in list)
                        table.AddRow(Markup.Escape(family[..Math.Min(10, family.Length)]), Markup.Escape(Terminal.Safe(s.Published ?? "-")),
                            Markup.Escape(Terminal.Safe(s.Uri)), Markup.Escape(Terminal.Safe(s.Title ?? "")));
                    Cli.Out.Write(table);
                    var families = record.Sources.Select(s => s.Family ?? s.ContentHash).Distinct().Count();
                    Console.WriteLine($"{record.Sources.Count} sources in {families} independent families behind {record.Id}");
                });
            return ExitCodes.Ok;
        });
        return command;
    }
}
