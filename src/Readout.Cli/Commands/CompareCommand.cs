using System.Globalization;
using System.CommandLine;
using Readout.Documents;
using Readout.Extract;
using Spectre.Console;

namespace Readout.Cli.Commands;

/// <summary>
/// <c>readout compare ID1 ID2</c>: what the statements of two interactions share and where they differ,
/// by topic and by speaker (e.g. two year-end calls of the same leaders).
/// </summary>
public static class CompareCommand
{
    public static Command Build(Option<string> db)
    {
        var first = new Argument<string>("id1") { Description = "The first record (id or unique start)" };
        var second = new Argument<string>("id2") { Description = "The second record (id or unique start)" };
        var command = new Command("compare",
            """
            Compare the statements of two interactions: topics both raised and topics only one did, and for each
            speaker the kinds of statements (PLOVER types) made in each, with an example of each difference.
            Exit codes: 0 success, 1 no such record (RO3001), ambiguous id (RO3002) or no database.
            """);
        command.Arguments.Add(first);
        command.Arguments.Add(second);
        command.SetAction(p =>
        {
            using var store = Cli.OpenExisting(p.GetValue(db)!);
            if (store is null) return ExitCodes.Error;
            var a = store.Get(p.GetValue(first)!.Trim());
            var b = store.Get(p.GetValue(second)!.Trim());
            foreach (var (rec, key) in new[] { (a, p.GetValue(first)!), (b, p.GetValue(second)!) })
                if (rec is null) { Cli.Error(ErrorCodes.NoSuchId, key, "no record with this id"); return ExitCodes.Error; }
            var sa = store.Statements(a!.Id);
            var sb = store.Statements(b!.Id);
            Print(a, sa, b, sb, new TerminalSafeWriter(Console.Out));
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void Print(Interaction a, IReadOnlyList<Statement> sa, Interaction b, IReadOnlyList<Statement> sb, TextWriter w)
    {
        string Title(Interaction r) => $"{r.Date ?? "undated"} {r.Mode.Wire()} {string.Join(" – ", r.Participants.Select(x => x.Name))} ({r.Sources.Count} sources)";
        w.WriteLine($"A  {a.Id}  {Title(a)}: {sa.Count} statements");
        w.WriteLine($"B  {b.Id}  {Title(b)}: {sb.Count} statements");
        w.WriteLine();

        var topicsA = sa.SelectMany(s => s.Topics).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var topicsB = sb.SelectMany(s => s.Topics).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var table = new Table().Border(TableBorder.Simple).AddColumn("Topic").AddColumn("A").AddColumn("B").AddColumn("");
        foreach (var t in topicsA.Keys.Union(topicsB.Keys).OrderByDescending(t => topicsA.GetValueOrDefault(t) + topicsB.GetValueOrDefault(t)).ThenBy(t => t))
        {
            var inA = topicsA.GetValueOrDefault(t);
            var inB = topicsB.GetValueOrDefault(t);
            table.AddRow(Markup.Escape(t), inA.ToString(CultureInfo.InvariantCulture), inB.ToString(CultureInfo.InvariantCulture), inA > 0 && inB > 0 ? "both" : inA > 0 ? "only A" : "only B");
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(w) });
        console.Write(table);

        w.WriteLine("By speaker (statements by PLOVER type; '-' a plain assertion):");
        var speakers = sa.Concat(sb).SelectMany(s => s.Speakers.Select(x => x.Name)).Distinct().Order(StringComparer.Ordinal);
        foreach (var sp in speakers)
        {
            string Types(IReadOnlyList<Statement> list) => string.Join(", ", list.Where(s => s.Speakers.Any(x => x.Name == sp))
                .GroupBy(s => s.Plover.Event ?? "-").OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));
            w.WriteLine($"  {sp}");
            w.WriteLine($"    A: {Types(sa)}");
            w.WriteLine($"    B: {Types(sb)}");
            foreach (var (label, mine, other) in new[] { ("only in A", sa, sb), ("only in B", sb, sa) })
            {
                var otherTopics = other.Where(s => s.Speakers.Any(x => x.Name == sp)).SelectMany(s => s.Topics).ToHashSet();
                var example = mine.FirstOrDefault(s => s.Speakers.Any(x => x.Name == sp) && s.Topics.Any(t => !otherTopics.Contains(t)));
                if (example is not null)
                    w.WriteLine($"    {label} ({string.Join(", ", example.Topics.Where(t => !otherTopics.Contains(t)))}): \"{Cli.OneLine(example.Text.Length > 140 ? example.Text[..140] + "..." : example.Text)}\"");
            }
        }
    }
}
