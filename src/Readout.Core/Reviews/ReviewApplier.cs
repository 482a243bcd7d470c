using Readout.Extract;
using Readout.Fuse;
using Readout.Ingest;

namespace Readout.Reviews;

/// <summary>
/// Puts people's reviews on top of the machine's fusion of a block, each time the block is fused: merges and
/// splits regroup the report-level interactions, then rejections, restorations, confirmations and corrections
/// are applied in the order they were made. A review finds its record through the interactions it was made on
/// (not only the record id), so it stays with its record when new reports join it or its id changes.
/// </summary>
public static class ReviewApplier
{
    public static IReadOnlyList<FusedRecord> Apply(IReadOnlyList<FusedRecord> machine, IReadOnlyList<Interaction> members,
        IReadOnlyList<StoredReview> reviews, Func<string, string> familyOf)
    {
        if (reviews.Count == 0) return machine;
        var byId = members.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var groups = machine.Select(f => new Group(f.MemberIds.ToList(), f.Record.Id, f)).ToList();
        var ordered = reviews.OrderBy(r => r.Entry.Id).ToList();
        // reviews are replayed in the order they were made, each on the group that held its interactions then
        foreach (var r in ordered)
        {
            if (r.Entry.Action == ReviewAction.Split)
            {
                var moved = r.Members.Where(byId.ContainsKey).ToHashSet(StringComparer.Ordinal);
                if (moved.Count == 0) continue;
                var from = groups.Where(g => g.Members.Any(moved.Contains)).ToList();
                if (from.Count == 1 && from[0].Members.All(moved.Contains)) { from[0].Applied.Add(r); continue; }   // already apart
                foreach (var g in from) { g.Members.RemoveAll(moved.Contains); g.Machine = null; g.Applied.Add(r); }
                var split = new Group(moved.Order(StringComparer.Ordinal).ToList(), SplitId(moved), null);
                split.Applied.Add(r);
                groups.Add(split);
            }
            else if (r.Entry.Action == ReviewAction.Merge)
            {
                var target = Best(groups, r.Members);
                if (target is null) continue;
                // what was done to the record merged in stays in the trail, but its state (a rejection, a correction) does not carry over
                foreach (var g in groups.Where(g => g != target && g.Members.Any(r.OtherMembers.Contains)).ToList())
                {
                    target.Members.AddRange(g.Members);
                    target.TrailOnly.AddRange(g.Applied.Concat(g.TrailOnly));
                    target.Machine = null;
                    groups.Remove(g);
                }
                target.Applied.Add(r);
            }
            else
                Best(groups, r.Members)?.Applied.Add(r);
        }
        groups.RemoveAll(g => g.Members.Count == 0);

        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<FusedRecord>();
        foreach (var g in groups.OrderBy(g => g.Members.Min(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            var fused = g.Machine ?? FusionEngine.FuseGroup(g.Members.Select(m => byId[m]).ToList(), familyOf);
            var id = g.Id;
            for (var n = 2; !used.Add(id); n++) id = $"{g.Id}-{n}";
            var record = fused.Record with { Id = id };
            result.Add(new FusedRecord(g.Applied.Count + g.TrailOnly.Count == 0 ? record : ApplyFields(record, g.Applied, g.TrailOnly), fused.MemberIds));
        }
        return result;
    }

    /// <summary>The id of a record split off by a person: named by its members, so it is the same every time the block is fused.</summary>
    public static string SplitId(IEnumerable<string> members) =>
        "rec-" + InputReader.Hash("split|" + string.Join("|", members.Order(StringComparer.Ordinal)))[..16];

    /// <summary>The group holding most of the given interactions (ties to the first), or null when it holds none.</summary>
    private static Group? Best(List<Group> groups, IReadOnlyList<string> members)
    {
        Group? best = null;
        var most = 0;
        foreach (var g in groups)
        {
            var n = g.Members.Count(members.Contains);
            if (n > most) { most = n; best = g; }
        }
        return best;
    }

    private static Interaction ApplyFields(Interaction record, List<StoredReview> reviews, List<StoredReview> trailOnly)
    {
        var rejected = false;
        var set = new List<RecordField>();
        var machine = new List<MachineValue>();
        var provenance = (record.Provenance ?? []).ToList();
        foreach (var r in reviews)
        {
            var e = r.Entry;
            switch (e.Action)
            {
                case ReviewAction.Reject: rejected = true; break;
                case ReviewAction.Restore: rejected = false; break;
                case ReviewAction.Correct when e.Field is { } field && ReviewFields.All.Contains(field):
                    if (!set.Contains(field))
                    {
                        set.Add(field);
                        machine.Add(new MachineValue(field, FieldValues.Format(record, field)));
                    }
                    record = FieldValues.Set(record, field, e.After);
                    provenance.RemoveAll(p => p.Field == field && p.Sources.Any(s => s.StartsWith("review #", StringComparison.Ordinal)));
                    provenance.Add(new FieldSupport(field, e.After ?? "",
                        [$"review #{e.Id} by {e.Reviewer} ({e.At[..Math.Min(10, e.At.Length)]}): {e.Reason}"]));
                    break;
            }
        }
        var trail = reviews.Concat(trailOnly).Select(r => r.Entry).DistinctBy(e => e.Id).OrderBy(e => e.Id).ToList();
        var state = new ReviewState(rejected ? ReviewStatus.Rejected : ReviewStatus.Reviewed, set, machine, trail);
        return record with { Provenance = provenance, Review = state };
    }

    private sealed class Group(List<string> members, string id, FusedRecord? machine)
    {
        public List<string> Members { get; } = members;
        public string Id { get; } = id;
        /// <summary>The machine's record while the group is as the machine made it; null once a person changed its members.</summary>
        public FusedRecord? Machine { get; set; } = machine;
        /// <summary>The reviews that apply to this group, in order.</summary>
        public List<StoredReview> Applied { get; } = [];
        /// <summary>Reviews of records merged into this one: in its trail, not applied.</summary>
        public List<StoredReview> TrailOnly { get; } = [];
    }
}
