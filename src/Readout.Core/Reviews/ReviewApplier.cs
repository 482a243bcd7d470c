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

        foreach (var r in ordered)
        {
            if (r.Entry.Action == ReviewActions.Split)
            {
                var moved = r.Members.Where(byId.ContainsKey).ToHashSet(StringComparer.Ordinal);
                if (moved.Count == 0) continue;
                var from = groups.Where(g => g.Members.Any(moved.Contains)).ToList();
                if (from.All(g => g.Members.All(moved.Contains)) && from.Count == 1) continue;   // already apart
                foreach (var g in from) { g.Members.RemoveAll(moved.Contains); g.Machine = null; }
                groups.Add(new Group(moved.Order(StringComparer.Ordinal).ToList(), SplitId(moved), null));
            }
            else if (r.Entry.Action == ReviewActions.Merge)
            {
                var target = Best(groups, r.Members);
                if (target is null) continue;
                var absorbed = groups.Where(g => g != target && g.Members.Any(r.OtherMembers.Contains)).ToList();
                foreach (var g in absorbed) { target.Members.AddRange(g.Members); groups.Remove(g); }
                if (absorbed.Count > 0) target.Machine = null;
            }
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
            var mine = ordered.Where(r => Best(groups, r.Members) == g || (r.Entry.Action == ReviewActions.Merge && r.OtherMembers.Any(g.Members.Contains))).ToList();
            result.Add(new FusedRecord(mine.Count == 0 ? record : ApplyFields(record, mine), fused.MemberIds));
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

    private static Interaction ApplyFields(Interaction record, List<StoredReview> reviews)
    {
        var rejected = false;
        var set = new List<string>();
        var machine = new List<MachineValue>();
        var provenance = (record.Provenance ?? []).ToList();
        foreach (var r in reviews)
        {
            var e = r.Entry;
            switch (e.Action)
            {
                case ReviewActions.Reject: rejected = true; break;
                case ReviewActions.Restore: rejected = false; break;
                case ReviewActions.Correct when e.Field is not null && ReviewFields.All.Contains(e.Field):
                    if (!set.Contains(e.Field))
                    {
                        set.Add(e.Field);
                        machine.Add(new MachineValue(e.Field, FieldValues.Format(record, e.Field)));
                    }
                    record = FieldValues.Set(record, e.Field, e.After);
                    provenance.RemoveAll(p => p.Field == e.Field && p.Sources.Any(s => s.StartsWith("review #", StringComparison.Ordinal)));
                    provenance.Add(new FieldSupport(e.Field, e.After ?? "", [$"review #{e.Id} by {e.Reviewer} ({e.At[..Math.Min(10, e.At.Length)]}): {e.Reason}"]));
                    break;
            }
        }
        var state = new ReviewState(rejected ? ReviewStatus.Rejected : ReviewStatus.Reviewed, set, machine, reviews.Select(r => r.Entry).ToList());
        return record with { Provenance = provenance, Review = state };
    }

    private sealed class Group(List<string> members, string id, FusedRecord? machine)
    {
        public List<string> Members { get; } = members;
        public string Id { get; } = id;
        /// <summary>The machine's record while the group is as the machine made it; null once a person changed its members.</summary>
        public FusedRecord? Machine { get; set; } = machine;
    }
}
