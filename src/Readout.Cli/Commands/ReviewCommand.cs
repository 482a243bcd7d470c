using System.CommandLine;
using System.Globalization;
using Readout.Documents;
using Readout.Extract;
using Readout.Reviews;
using Readout.Store;
using Spectre.Console;

namespace Readout.Cli.Commands;

/// <summary>
/// <c>readout review ...</c>: a person corrects the record. Every action names its reason and reviewer and is kept
/// in the trail apart from the machine's output, so it survives new reports, a re-ingest and an upgrade.
/// </summary>
public static class ReviewCommand
{
    public static Command Build(Option<string> db)
    {
        var command = new Command("review",
            """
            Review the records: see the queue of records to look at first, reject or restore a record, confirm it,
            correct a field, merge two records of one interaction or split reports off into a record of their own.
            Every change needs --reason; the reviewer is --reviewer, else $READOUT_REVIEWER, else the account's user name.
            Exit codes: 0 done, 1 usage error, no such record (RO3001/RO3002) or a review that does not fit (RO3004).
            """);
        command.Subcommands.Add(Queue(db));
        command.Subcommands.Add(Trail(db));
        command.Subcommands.Add(Action(db, ReviewAction.Reject, "Reject a record that is wrong as a whole: it leaves lists and exports (--review rejected shows it) and keeps its evidence"));
        command.Subcommands.Add(Action(db, ReviewAction.Restore, "Undo a rejection"));
        command.Subcommands.Add(Action(db, ReviewAction.Confirm, "Mark a record as right as it is: it leaves the review queue"));
        command.Subcommands.Add(Action(db, ReviewAction.Correct,
            $"Set one field: {ReviewFields.Names}. Actors are written 'Name (ISO3, role); Name (ISO3)'; an empty value clears a field",
            withField: true));
        command.Subcommands.Add(Action(db, ReviewAction.Merge, "Merge the record given with --with into this one (its id then resolves to this record)", withOther: true));
        command.Subcommands.Add(Action(db, ReviewAction.Split, "Move the reports named by --source (uri or start of the content hash) into a record of their own", withSources: true));
        return command;
    }

    private static Command Action(Option<string> db, ReviewAction action, string description, bool withField = false, bool withOther = false, bool withSources = false)
    {
        var id = new Argument<string>("id") { Description = "The record (id, old id or unique start)" };
        var field = new Argument<string>("field") { Description = ReviewFields.Names };
        var value = new Argument<string>("value") { Description = "The right value ('' clears the field)" };
        var other = new Option<string>("--with") { Description = "The record to merge into this one", HelpName = "ID", Required = true };
        var sources = new Option<string[]>("--source") { Description = "A report to split off (uri or content-hash start); repeat for several", HelpName = "URI", Required = true, AllowMultipleArgumentsPerToken = true };
        var reason = new Option<string>("--reason", "-r") { Description = "Why (kept in the trail)", Required = true, HelpName = "TEXT" };
        var reviewer = new Option<string>("--reviewer")
        {
            Description = "Who reviews (default: $READOUT_REVIEWER, else the account's user name)",
            HelpName = "NAME",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("READOUT_REVIEWER") is { Length: > 0 } r ? r
                : Environment.UserName,
        };
        var command = new Command(action.Wire(), description);
        command.Arguments.Add(id);
        if (withField) { command.Arguments.Add(field); command.Arguments.Add(value); }
        if (withOther) command.Options.Add(other);
        if (withSources) command.Options.Add(sources);
        command.Options.Add(reason);
        command.Options.Add(reviewer);
        command.SetAction(p =>
        {
            using var store = Cli.OpenExistingToWrite(p.GetValue(db)!);
            if (store is null) return ExitCodes.Error;
            try
            {
                var outcome = store.Review(new ReviewRequest(action.Wire(), p.GetValue(id)!, p.GetValue(reason)!, p.GetValue(reviewer)!, DateTimeOffset.UtcNow,
                    withField ? p.GetValue(field) : null, withField ? p.GetValue(value) : null, withOther ? p.GetValue(other) : null,
                    withSources ? p.GetValue(sources) : null));
                Console.Out.WriteLine(Describe(outcome.Entry) + (outcome.Records.Count > 1 ? $"; new record {outcome.Records[1]}" : ""));
                return ExitCodes.Ok;
            }
            catch (ReadoutException e)
            {
                Cli.Error(e);
                return ExitCodes.Error;
            }
        });
        return command;
    }

    private static Command Queue(Option<string> db)
    {
        var output = new ListOutput();
        var command = new Command("queue",
            "The records to review first: the lowest confidence (when records carry one), then conflicts between sources, then the fewest sources. Reviewed and rejected records are not in it.");
        output.AddTo(command);
        command.SetAction((p, ct) =>
        {
            using var store = Cli.OpenExisting(p.GetValue(db)!);
            if (store is null) return Task.FromResult(ExitCodes.Error);
            var page = store.ReviewQueue(0, p.GetValue(output.Limit) ?? 20, ct);
            output.Write(p, page.Items, ["id", "date", "status", "mode", "participants", "sources", "conflicts", "confidence", "why"],
                q => [q.Record.Id, q.Record.Date, q.Record.Status.Wire(), q.Record.Mode.Wire(), Readout.Reviews.FieldValues.Actors(q.Record.Participants),
                      q.Record.Sources.Count.ToString(CultureInfo.InvariantCulture), q.Conflicts.ToString(CultureInfo.InvariantCulture),
                      q.Confidence?.ToString("0.###", CultureInfo.InvariantCulture), q.Why],
                q => new ReviewQueueRow(q.Record.Id, q.Record.Date, q.Record.Status.Wire(), q.Record.Mode.Wire(), q.Record.Participants.Select(Readout.Export.Contract.ActorRecord.From).ToList(),
                           q.Record.Sources.Count, q.Conflicts, q.Confidence, q.Why),
                list =>
                {
                    var table = ListOutput.NewTable("Id", "Date", "Mode", "Participants", "Why");
                    foreach (var q in list)
                        table.AddRow(Markup.Escape(q.Record.Id), Markup.Escape(q.Record.Date ?? "?"), Markup.Escape(q.Record.Mode.Wire()),
                            Markup.Escape(string.Join(", ", q.Record.Participants.Select(a => a.Name))), Markup.Escape(q.Why));
                    if (list.Count > 0) Cli.Out.Write(table);
                    Cli.Out.WriteLine($"{list.Count} of {page.Total} records waiting for review");
                });
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command Trail(Option<string> db)
    {
        var id = new Argument<string?>("id") { Description = "One record (default: every review)", Arity = ArgumentArity.ZeroOrOne };
        var output = new ListOutput();
        var command = new Command("trail", "The audit trail: who did what to which record, when and why, with the values before and after.");
        command.Arguments.Add(id);
        output.AddTo(command);
        command.SetAction(p =>
        {
            using var store = Cli.OpenExisting(p.GetValue(db)!);
            if (store is null) return ExitCodes.Error;
            var entries = output.Take(p, store.ReviewTrail(p.GetValue(id)));
            output.Write(p, entries, ["id", "at", "reviewer", "action", "record", "field", "before", "after", "other", "reason"],
                e => [e.Id.ToString(CultureInfo.InvariantCulture), e.At, e.Reviewer, e.Action.Wire(), e.Record, e.Field?.Wire(), e.Before,
                    e.After, e.Other, e.Reason],
                Readout.Export.Contract.ReviewEntryRecord.From,
                list =>
                {
                    foreach (var e in list) Cli.Out.WriteLine(Describe(e));
                    Cli.Out.WriteLine($"{list.Count} review{(list.Count == 1 ? "" : "s")}");
                });
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One line of the trail: "#3 2026-01-15T09:30:00Z alice corrected mode of rec-…: phone → video (reason)".</summary>
    public static string Describe(ReviewEntry e)
    {
        var what = e.Action switch
        {
            ReviewAction.Correct => $"corrected {e.Field?.Wire()} of {e.Record}: {e.Before ?? "(empty)"} → {e.After ?? "(empty)"}",
            ReviewAction.Merge => $"merged {e.Other} into {e.Record}",
            ReviewAction.Split => $"split {e.After} off {e.Record}",
            ReviewAction.Reject => $"rejected {e.Record}",
            ReviewAction.Restore => $"restored {e.Record}",
            ReviewAction.Confirm => $"confirmed {e.Record}",
            _ => $"{e.Action.Wire()} {e.Record}",
        };
        return $"#{e.Id} {e.At} {e.Reviewer} {what} ({e.Reason})";
    }
}
