using Readout.Documents;
using System.CommandLine;
using Readout.Extract;

namespace Readout.Cli.Commands;

/// <summary><c>readout show ID</c>: one interaction, every field with the text it came from.</summary>
public static class ShowCommand
{
    public static Command Build(Option<string> db)
    {
        var id = new Argument<string>("id") { Description = "The interaction's id, or enough of its start to be unique" };
        var command = new Command("show",
            """
            Show one interaction: each field, followed by the sentence(s) of the report(s) it was read from, and what
            reviewers did to it. --format json gives the record as the export has it, --format csv its flat row.
            Exit codes: 0 success, 1 no such interaction (RO3001), ambiguous id prefix (RO3002) or no database.
            """);
        command.Arguments.Add(id);
        var output = new ListOutput();
        command.Options.Add(output.Format);
        command.SetAction(p =>
        {
            using var store = Cli.OpenExisting(p.GetValue(db)!);
            if (store is null) return ExitCodes.Error;
            var key = p.GetValue(id)!.Trim();
            var i = store.Get(key);
            if (i is null)
            {
                var ids = key.Length > 0 ? store.FindIds(key, 6) : [];
                if (ids.Count > 1)
                    Cli.Error(ErrorCodes.AmbiguousId, key, "several interactions start with this: " + string.Join(", ", ids.Take(5)) + (ids.Count > 5 ? ", ..." : "") + "; give more of the id");
                else
                    Cli.Error(ErrorCodes.NoSuchId, key, "no interaction with this id");
                return ExitCodes.Error;
            }
            if (output.FormatOf(p) == "table") Print(i, new TerminalSafeWriter(Console.Out));
            else output.Write(p, [i], Readout.Export.CsvExporter.Header, Readout.Export.CsvExporter.Row, Readout.Export.Contract.InteractionRecord.From, _ => { });
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void Print(Interaction i, TextWriter w)
    {
        var sources = i.Sources ?? [];
        // each field's evidence under its section (the place's three fields are one); every field is a code, so none is left over
        var evidence = sources.SelectMany(s => (s.Evidence ?? []).Select(e => (Source: s, Span: e)))
            .GroupBy(x => Codes.SectionOf(x.Span.Field))
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.Span.Start).ToList());

        void Evidence(FieldSection section)
        {
            if (!evidence.TryGetValue(section, out var spans)) return;
            foreach (var (s, e) in spans)
                w.WriteLine($"  ← \"{Cli.OneLine(e.Text)}\" ({s.Uri} [{e.Start},{e.End}))");
        }

        void Conflict(params RecordField[] fields)
        {
            foreach (var c in (i.Conflicts ?? []).Where(c => fields.Contains(c.Field)))
                w.WriteLine($"  ! sources disagree on {c.Field.Wire()}: {Fuse.FusionEngine.Describe(c.Values)}");
        }

        w.WriteLine($"interaction {i.Id}" + (i.SourceFamilies is { } fam ? $" ({sources.Count} sources, {fam} independent)" : ""));
        var review = i.Review;
        string Set(RecordField field) => review?.FieldsSet.Contains(field) == true
            ? $"  [set by a reviewer; the machine read: {review.Machine.FirstOrDefault(m => m.Field == field)?.Value ?? "nothing"}]" : "";
        if (review is not null)
            w.WriteLine($"review:       {review.Status.Wire()}"
                + (review.FieldsSet.Count > 0 ? $" (set by a person: {string.Join(", ", review.FieldsSet.Select(f => f.Wire()))})" : ""));
        if (evidence.ContainsKey(FieldSection.Interaction))
        {
            w.WriteLine("reported as:");
            Evidence(FieldSection.Interaction);
        }
        w.WriteLine($"status:       {i.Status.Wire()}{Set(RecordField.Status)}");
        Evidence(FieldSection.Status);
        w.WriteLine($"mode:         {i.Mode.Wire()}{Set(RecordField.Mode)}");
        Conflict(RecordField.Mode);
        Evidence(FieldSection.Mode);
        w.WriteLine($"date:         {i.Date ?? "unknown"} ({i.DateBasis.Text}){Set(RecordField.Date)}");
        Conflict(RecordField.Date);
        Evidence(FieldSection.Date);
        w.WriteLine("participants:" + Set(RecordField.Participants));
        foreach (var a in i.Participants ?? []) w.WriteLine($"  {Cli.Describe(a)}");
        Evidence(FieldSection.Participants);
        var place = Cli.Place(i.Location);
        w.WriteLine($"location:     {(place.Length == 0 ? "not stated" : place)}"
            + $"{Set(RecordField.City)}{Set(RecordField.Country)}{Set(RecordField.Venue)}");
        Conflict(RecordField.City, RecordField.Venue);
        Evidence(FieldSection.Location);
        var attendees = i.Attendees ?? [];
        w.WriteLine((attendees.Count == 0 ? "attendees:    none named" : "attendees:") + Set(RecordField.Attendees));
        foreach (var a in attendees) w.WriteLine($"  {Cli.Describe(a)}");
        Conflict(RecordField.Attendees);
        Evidence(FieldSection.Attendees);
        if (review is not null)
        {
            w.WriteLine($"review trail ({review.Trail.Count}):");
            foreach (var e in review.Trail) w.WriteLine("  " + ReviewCommand.Describe(e));
        }
        w.WriteLine($"sources ({sources.Count}):");
        foreach (var s in sources)
        {
            w.WriteLine($"  {s.Uri}");
            var meta = new List<string>();
            if (!string.IsNullOrEmpty(s.Title)) meta.Add($"\"{s.Title}\"");
            if (!string.IsNullOrEmpty(s.Published)) meta.Add("published " + s.Published);
            meta.Add("content " + (s.ContentHash.Length > 12 ? s.ContentHash[..12] : s.ContentHash));
            if (s.Family is { } f && f != s.ContentHash) meta.Add("copy of family " + (f.Length > 12 ? f[..12] : f));
            w.WriteLine("    " + string.Join(", ", meta));
        }
    }
}
