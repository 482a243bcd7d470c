using Readout.Analyse;
using Readout.Extract;
using Readout.Ingest;

namespace Readout.Fuse;

/// <summary>A fused record and the report-level interactions behind it.</summary>
public sealed record FusedRecord(Interaction Record, IReadOnlyList<string> MemberIds);

/// <summary>
/// Fuses the report-level interactions of one block — the same principals — into one record per real
/// interaction. The result depends only on the set of members, never on the order they arrived in,
/// so ingesting reports in any order, in one run or many, gives the same records.
///
/// Rules: interactions on the same exact day are one interaction; a report that gives only day and
/// month ("--12-30") joins the one record of the block with that day and month and takes its year
/// (if there are several, it stays on its own); planned interactions of the same principals and day
/// (or with no day) are one plan. Two interactions told by one report are never fused, since the
/// report itself tells them apart. Every field is chosen by the votes of independent sources (a family
/// of near-duplicate copies votes once); disagreements are kept as conflicts.
/// </summary>
public static class FusionEngine
{
    public static string BlockKey(Interaction i) =>
        string.Join("|", i.Participants.Select(p => p.Name).Order(StringComparer.Ordinal));

    /// <summary>
    /// The part of a block a member belongs to for fusion: members of different parts never meet in
    /// <see cref="FuseBlock"/> (not in one record, nor in the choice of a record for a day without a year, nor in a
    /// record id), so fusing a part alone gives exactly the records that fusing the whole block gives for it. Parts
    /// are a happened interaction's month and day (the key <see cref="FuseBlock"/> matches partial and inferred days
    /// by), a day-less date of its own, and every plan of the block together (an undated plan joins the block's only
    /// plan). A new report thus re-fuses only the parts it joins, not its block's whole history.
    /// </summary>
    /// <param name="status">The status as stored (<see cref="Codes.Status"/>'s string): the store reads it from its column.</param>
    public static string FusionPart(string? status, string? date) =>
        status == PlannedWire ? PlannedWire
        : date is { Length: >= 5 } ? status + "|" + date[^5..]
        : status + "|~" + date;

    private static readonly string PlannedWire = InteractionStatus.Planned.Wire();

    public static IReadOnlyList<FusedRecord> FuseBlock(IReadOnlyList<Interaction> members, Func<string, string> familyOf)
    {
        var ordered = members.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        var groups = new List<List<Interaction>>();

        foreach (var status in new[] { InteractionStatus.Happened, InteractionStatus.Planned })
        {
            var ofStatus = ordered.Where(m => m.Status == status).ToList();
            var exact = ofStatus.Where(m => IsExact(m.Date) && m.DateCertainty != "inferred").GroupBy(m => m.Date!).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            var byDay = new Dictionary<string, List<Interaction>>(StringComparer.Ordinal);
            foreach (var g in exact)
            {
                // one report never tells one interaction twice: same-day members from one report stay apart
                foreach (var split in SplitBySource(g.ToList())) { groups.Add(split); byDay.TryAdd(g.Key, split); }
            }
            // a day without a stated year — partial ("--12-30") or with the year only inferred — joins the only
            // record of the block with that month and day, and takes its year from it
            foreach (var g in ofStatus.Where(m => !IsExact(m.Date) || m.DateCertainty == "inferred").GroupBy(m => m.Date ?? "", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var monthDay = g.Key.Length >= 5 ? g.Key[^5..] : null;
                var matches = monthDay is not null
                    ? byDay.Where(kv => kv.Key[5..] == monthDay).Select(kv => kv.Value).ToList()
                    : status == InteractionStatus.Planned ? groups.Where(x => x[0].Status == InteractionStatus.Planned).ToList() : [];
                // several records share the month and day: an inferred year picks among them
                if (matches.Count != 1 && IsExact(g.Key) && byDay.TryGetValue(g.Key, out var sameGuess)) matches = [sameGuess];
                if (matches.Count == 1 && !g.Any(m => matches[0].Any(x => SameSource(x, m)))) matches[0].AddRange(g);
                else
                    foreach (var split in SplitBySource(g.ToList()))
                    {
                        groups.Add(split);
                        if (IsExact(g.Key)) byDay.TryAdd(g.Key, split);   // inferred days of several reports agree with each other
                    }
            }
        }
        // two records of one block can only share an id when one report tells two interactions of the same
        // principals on one day; the later one (by its members' ids) gets a suffix
        var built = new List<FusedRecord>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in groups.OrderBy(g => g.Min(m => m.Id), StringComparer.Ordinal))
        {
            var f = Build(g, familyOf);
            var id = f.Record.Id;
            for (var n = 2; !used.Add(id); n++) id = $"{f.Record.Id}-{n}";
            built.Add(id == f.Record.Id ? f : f with { Record = f.Record with { Id = id } });
        }
        return built;
    }

    private static IEnumerable<List<Interaction>> SplitBySource(List<Interaction> g)
    {
        var lists = new List<List<Interaction>>();
        foreach (var m in g)
        {
            var home = lists.FirstOrDefault(l => !l.Any(x => SameSource(x, m)));
            if (home is null) lists.Add([m]); else home.Add(m);
        }
        return lists;
    }

    private static bool SameSource(Interaction a, Interaction b) => a.Sources[0].ContentHash == b.Sources[0].ContentHash;

    private static bool IsExact(string? date) => date is { Length: 10 } && date[4] == '-';

    /// <summary>Fuses members a person put together (a merge or a split) into one record, with the rules of <see cref="FuseBlock"/>.</summary>
    public static FusedRecord FuseGroup(IReadOnlyList<Interaction> members, Func<string, string> familyOf) =>
        Build(members.OrderBy(m => m.Id, StringComparer.Ordinal).ToList(), familyOf);

    private static FusedRecord Build(List<Interaction> members, Func<string, string> familyOf)
    {
        var fam = members.ToDictionary(m => m.Id, m => familyOf(m.Sources[0].ContentHash));
        var provenance = new List<FieldSupport>();
        var conflicts = new List<FieldConflict>();

        // the votes for one field: each family once, values ordered by votes, then by their text
        string? Choose(RecordField field, Func<Interaction, string?> value)
        {
            var supports = members.Where(m => value(m) is not null)
                .GroupBy(m => value(m)!, StringComparer.Ordinal)
                .Select(g => (Value: g.Key, Families: g.Select(m => fam[m.Id]).Distinct().Count(), Sources: g.Select(m => m.Sources[0].Uri).Distinct().Order(StringComparer.Ordinal).ToList()))
                .OrderByDescending(x => x.Families).ThenBy(x => Specificity(field, x.Value)).ThenBy(x => x.Value, StringComparer.Ordinal)
                .ToList();
            var fs = supports.Select(x => new FieldSupport(field, x.Value, x.Sources)).ToList();
            provenance.AddRange(fs);
            if (fs.Count > 1) conflicts.Add(new FieldConflict(field, fs));
            return supports.FirstOrDefault().Value;
        }

        var first = members.OrderBy(m => m.Sources[0].Published ?? "9999", StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal).First();
        var status = first.Status;
        var mode = Codes.Mode.Parse(Choose(RecordField.Mode, m => m.Mode.Wire()));
        // a stated year outvotes an inferred one; a partial day only counts when nothing better is known
        var stated = members.Where(m => IsExact(m.Date) && m.DateCertainty != "inferred").ToList();
        var exactDate = Choose(RecordField.Date,
            m => IsExact(m.Date) && (stated.Count == 0 || m.DateCertainty != "inferred") ? m.Date : null);
        var partials = members.Where(m => m.Date is not null && (!IsExact(m.Date) || (stated.Count > 0 && m.DateCertainty == "inferred"))).ToList();
        string? date = exactDate ?? partials.Select(m => m.Date).Order(StringComparer.Ordinal).FirstOrDefault();
        var dated = members.Where(m => m.Date == exactDate && exactDate is not null).OrderBy(m => BasisRank(m.DateBasis)).ThenBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault() ?? first;
        var basis = dated.DateBasis;
        if (exactDate is not null && partials.Count > 0)
            basis = basis.WithNote("; " + string.Join("; ", partials.Select(p => $"{p.Sources[0].Uri} gives {(IsExact(p.Date) ? "no year (it inferred " + p.Date![..4] + ")" : "only " + p.Date)}: the year comes from {dated.Sources[0].Uri}, which reports the same interaction")));
        if (date is not null && date.StartsWith("--", StringComparison.Ordinal)) Choose(RecordField.Date, m => m.Date);

        var city = Choose(RecordField.City, m => m.Location?.City);
        var venue = Choose(RecordField.Venue, m => m.Location?.Venue);
        var country = members.Select(m => m.Location).FirstOrDefault(l => l is not null && l.City == city && l.Country is not null)?.Country
                      ?? members.Select(m => m.Location?.Country).FirstOrDefault(c => c is not null);
        var location = mode == InteractionMode.InPerson && (city is not null || venue is not null) ? new Location(city, country, venue) : null;

        var participants = first.Participants.Select(p => p with
        {
            Country = members.SelectMany(m => m.Participants).Where(q => q.Name == p.Name && q.Country is not null).GroupBy(q => q.Country).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault() ?? p.Country,
        }).ToList();

        var attendees = new List<Actor>();
        foreach (var m in members.OrderBy(m => m.Sources[0].Published ?? "9999", StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal))
            foreach (var a in m.Attendees)
                if (!attendees.Any(x => x.Name == a.Name)) attendees.Add(a);
        foreach (var a in attendees)
            provenance.Add(new FieldSupport(RecordField.Attendees, a.Name, members.Where(m => m.Attendees.Any(x => x.Name == a.Name))
                .Select(m => m.Sources[0].Uri).Distinct().Order(StringComparer.Ordinal).ToList()));
        // attendee lists that differ are kept: each source's own list, when not all sources agree
        var lists = members.Select(m => string.Join(", ", m.Attendees.Select(a => a.Name).Order(StringComparer.Ordinal))).Distinct().ToList();
        if (lists.Count > 1 && members.All(m => m.Attendees.Count > 0))
            conflicts.Add(new FieldConflict(RecordField.Attendees,
                members.GroupBy(m => string.Join(", ", m.Attendees.Select(a => a.Name).Order(StringComparer.Ordinal)))
                    .Select(g => new FieldSupport(RecordField.Attendees, g.Key,
                        g.Select(m => m.Sources[0].Uri).Distinct().Order(StringComparer.Ordinal).ToList())).ToList()));

        var sources = members.OrderBy(m => m.Sources[0].Published ?? "9999", StringComparer.Ordinal).ThenBy(m => m.Sources[0].Uri, StringComparer.Ordinal)
            .Select(m => m.Sources[0] with { Family = fam[m.Id] }).ToList();
        var id = RecordId(status, BlockKey(first), date);
        var record = new Interaction(id, status, mode, date, basis, participants, location, attendees, sources,
            provenance, conflicts, fam.Values.Distinct().Count(), members.Select(m => m.Id).Order(StringComparer.Ordinal).ToList(),
            IsExact(date) && stated.Count == 0 && members.Any(m => m.DateCertainty == "inferred") ? "inferred" : null);
        var (confidence, factors) = RecordConfidence.Default.Score(record);
        record = record with { Confidence = confidence, ConfidenceFactors = factors, LexiconVersion = LexiconVersionOf(members) };
        return new FusedRecord(record, record.Members!);
    }

    /// <summary>
    /// The lexicon version of a fused record: its members' one, or, when reports were read by several versions,
    /// each of them in ordinal order joined by '+'; null for members stored before versions were recorded.
    /// </summary>
    private static string? LexiconVersionOf(IEnumerable<Interaction> members) =>
        members.Select(m => m.LexiconVersion).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList() is { Count: > 0 } versions
            ? string.Join('+', versions) : null;

    /// <summary>How firmly a date basis fixes the day: a full date in the text first; a stated year and nothing alike last.</summary>
    private static int BasisRank(DateBasis basis) => basis.Anchor switch
    {
        DateAnchor.FullDate => 0,
        DateAnchor.Publication => 1,
        DateAnchor.Dateline => 2,
        _ => 3,
    };

    /// <summary>A record's id names the interaction itself (who, which day), so new reports joining it leave it unchanged.</summary>
    public static string RecordId(InteractionStatus status, string blockKey, string? date) =>
        "rec-" + InputReader.Hash($"{status.Wire()}|{blockKey}|{date}")[..16];

    /// <summary>Between two values with equal votes, the more specific wins: a call is more specific than "met".</summary>
    private static int Specificity(RecordField field, string value) => field == RecordField.Mode
        ? Codes.Mode.Parse(value) switch { InteractionMode.Video => 0, InteractionMode.Phone => 1, InteractionMode.Written => 2, _ => 3 }
        : 0;

    public static string Describe(IEnumerable<FieldSupport> values) =>
        string.Join("; ", values.Select(v => $"{v.Value} ({string.Join(", ", v.Sources)})"));
}
