using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Readout.Documents;
using Readout.Extract;
using Readout.Reviews;

namespace Readout.Store;

/// <summary>
/// Reviews: a person's rejections, restorations, confirmations, corrections, merges and splits, stored as a
/// trail apart from the machine's output (tables <c>reviews</c> and <c>review_members</c>, schema 6) and
/// applied by <see cref="ReviewApplier"/> every time a block is fused — so they survive new reports joining a
/// record, a re-fusion and an upgrade. The queue of records to review and the rejected records are kept by fusion.
/// </summary>
public abstract partial class AdoStore
{
    /// <summary>The reviews about any interaction of a block, oldest first.</summary>
    private List<StoredReview> BlockReviews(DbTransaction? tx, string block) => ReadReviews(tx,
        "r.id IN (SELECT m.review_id FROM review_members m JOIN interactions i ON i.id = m.interaction_id WHERE i.block_key = @b)", "b", block);

    private List<StoredReview> ReadReviews(DbTransaction? tx, string where, string? name = null, object? value = null)
    {
        var entries = new List<ReviewEntry>();
        using (var q = Cmd(tx, $"SELECT r.id, r.action, r.record_id, r.field, r.before_value, r.after_value, r.reason, r.reviewer, r.created_at, r.other_id FROM reviews r WHERE {where} ORDER BY r.id"))
        {
            if (name is not null) Add(q, name, value);
            using var r = q.ExecuteReader();
            while (r.Read())
                entries.Add(new ReviewEntry(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture),
                    Codes.ReviewAction.Parse(r.GetString(1)), r.GetString(2), Codes.Field.ParseOrNull(Str(r, 3)), Str(r, 4), Str(r, 5),
                    r.GetString(6), r.GetString(7), r.GetString(8), Str(r, 9)));
        }
        if (entries.Count == 0) return [];
        var members = entries.ToDictionary(e => e.Id, _ => (Record: new List<string>(), Other: new List<string>()));
        foreach (var chunk in entries.Select(e => e.Id).Chunk(500))
        {
            using var q = Cmd(tx, $"SELECT review_id, interaction_id, side FROM review_members WHERE review_id IN ({string.Join(", ", chunk.Select((_, n) => "@r" + n))}) ORDER BY interaction_id");
            for (var n = 0; n < chunk.Length; n++) Add(q, "r" + n, chunk[n]);
            using var r = q.ExecuteReader();
            while (r.Read())
            {
                var m = members[Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture)];
                (r.GetString(2) == "other" ? m.Other : m.Record).Add(r.GetString(1));
            }
        }
        return entries.Select(e => new StoredReview(e, members[e.Id].Record, members[e.Id].Other)).ToList();
    }

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>The record's <c>confidence</c> (0..1) when its JSON carries one, else null: the queue ranks by it.</summary>
    public static double? RecordConfidence(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : null;
    }

    /// <summary>
    /// Records a review and fuses the blocks it touches again, in one transaction. Refused (RO3004, nothing
    /// written) when the action does not fit the record: an unknown field or value, a correction to the value
    /// the record already has, restoring a record that is not rejected, a split that names no report of the record.
    /// </summary>
    /// <exception cref="ReadoutException">RO3001/RO3002 for an unknown or ambiguous id, RO3004 for a refused review, RO2001 when it cannot be stored.</exception>
    public ReviewOutcome Review(ReviewRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!Codes.ReviewAction.TryParse(request.Action, out var action))
        {
            throw Refused(request.Record,
                $"'{request.Action}' is not a review action; one of {string.Join(", ", Codes.ReviewAction.Wires)}");
        }
        if (string.IsNullOrWhiteSpace(request.Reason)) throw Refused(request.Record, "give the reason for the review (--reason): the trail keeps why");
        if (string.IsNullOrWhiteSpace(request.Reviewer)) throw Refused(request.Record, "give the reviewer's name (--reviewer or READOUT_REVIEWER)");
        var record = ResolveForReview(request.Record);
        var other = action == ReviewAction.Merge
            ? ResolveForReview(request.Other ?? throw Refused(request.Record, "a merge names the other record (--with ID)"))
            : null;
        return Run(() => ReviewOnce(request, action, record, other), CancellationToken.None);
    }

    private Interaction ResolveForReview(string key)
    {
        var record = Get(key.Trim());
        if (record is not null) return record;
        var ids = key.Trim().Length == 0 ? [] : FindIds(key.Trim(), 6);
        throw ids.Count > 1
            ? new ReadoutException(ErrorCodes.AmbiguousId, key, "several records start with this: " + string.Join(", ", ids.Take(5)) + "; give more of the id")
            : new ReadoutException(ErrorCodes.NoSuchId, key, "no record with this id");
    }

    private static ReadoutException Refused(string record, string message) => new(ErrorCodes.ReviewRefused, record, message);

    private ReviewOutcome ReviewOnce(ReviewRequest request, ReviewAction action, Interaction record, Interaction? other)
    {
        var tx = Connection.BeginTransaction();
        try
        {
            BeginWrite(tx);
            var state = record.Review?.Status ?? ReviewStatus.Unreviewed;
            RecordField? field = null;
            string? before = null, after = null;
            var members = record.Members ?? [];
            IReadOnlyList<string> otherMembers = [];
            switch (action)
            {
                case ReviewAction.Reject when state == ReviewStatus.Rejected:
                    throw Refused(record.Id, "the record is already rejected");
                case ReviewAction.Restore when state != ReviewStatus.Rejected:
                    throw Refused(record.Id, "the record is not rejected; only a rejected record can be restored");
                case ReviewAction.Correct:
                    var corrected = ReviewFields.Canonical(request.Field)
                        ?? throw Refused(record.Id, $"'{request.Field}' is not a field that can be corrected; one of {ReviewFields.Names}");
                    var (value, error) = FieldValues.Normalise(corrected, request.Value);
                    if (error is not null) throw Refused(record.Id, error);
                    before = FieldValues.Format(record, corrected);
                    after = value;
                    if (before == after) throw Refused(record.Id, $"{corrected.Wire()} is already {(after ?? "empty")}");
                    field = corrected;
                    break;
                case ReviewAction.Merge:
                    if (other!.Id == record.Id) throw Refused(record.Id, "a record cannot be merged with itself");
                    otherMembers = other.Members ?? [];
                    MoveToBlock(tx, otherMembers, BlockOf(tx, record.Id));
                    break;
                case ReviewAction.Split:
                    var wanted = request.Sources ?? [];
                    var moved = wanted.Count == 0 ? [] : MembersFrom(tx, record.Id, wanted);
                    if (moved.Count == 0)
                        throw Refused(record.Id, "name the reports that tell the other interaction (--source URI or the start of a content hash); the record's reports are: "
                            + string.Join(", ", record.Sources.Select(s => s.Uri)));
                    if (moved.Count == members.Count) throw Refused(record.Id, "every report of the record was named: a split leaves some reports behind");
                    members = moved;
                    after = ReviewApplier.SplitId(moved);
                    break;
            }
            long id;
            using (var ins = Cmd(tx, """
                INSERT INTO reviews(action, record_id, field, before_value, after_value, reason, reviewer, created_at, other_id)
                VALUES (@action, @record, @field, @before, @after, @reason, @reviewer, @at, @other)
                RETURNING id
                """))
            {
                Add(ins, "action", action.Wire());
                Add(ins, "record", record.Id);
                Add(ins, "field", field?.Wire());
                Add(ins, "before", before);
                Add(ins, "after", after);
                Add(ins, "reason", request.Reason.Trim());
                Add(ins, "reviewer", request.Reviewer.Trim());
                Add(ins, "at", request.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                Add(ins, "other", other?.Id);
                id = Convert.ToInt64(ins.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            InsertRows(tx, "review_members", ["review_id", "interaction_id", "side"],
                members.Select(m => new object?[] { id, m, "record" }).Concat(otherMembers.Select(m => new object?[] { id, m, "other" })));
            var blocks = new HashSet<string>(StringComparer.Ordinal) { BlockOf(tx, record.Id) };
            if (other is not null) blocks.Add(BlockOf(tx, other.Id));
            foreach (var b in blocks.Order(StringComparer.Ordinal)) RefuseBlock(tx, b);
            var entry = ReadReviews(tx, "r.id = @id", "id", id).Single().Entry;
            var records = new List<string> { ResolveIn(tx, record.Id) ?? record.Id };
            if (action == ReviewAction.Split && ResolveIn(tx, after!) is { } split) records.Add(split);
            tx.Commit();
            return new ReviewOutcome(entry, records);
        }
        catch
        {
            RollbackQuietly(tx);
            throw;
        }
        finally
        {
            tx.Dispose();
        }
    }

    private string BlockOf(DbTransaction tx, string recordId)
    {
        using var q = Cmd(tx, "SELECT block_key FROM records WHERE id = @id");
        Add(q, "id", recordId);
        return q.ExecuteScalar() as string ?? throw new ReadoutException(ErrorCodes.NoSuchId, recordId, "no record with this id");
    }

    private string? ResolveIn(DbTransaction tx, string id)
    {
        using var q = Cmd(tx, "SELECT COALESCE((SELECT new_id FROM record_aliases WHERE old_id = @id), (SELECT id FROM records WHERE id = @id))");
        Add(q, "id", id);
        return q.ExecuteScalar() as string;
    }

    /// <summary>A merge across blocks (the machine read the principals differently) moves the other record's interactions into this record's block, where the merge joins them.</summary>
    private void MoveToBlock(DbTransaction tx, IReadOnlyList<string> members, string block)
    {
        foreach (var chunk in members.Chunk(500))
        {
            using var u = Cmd(tx, $"UPDATE interactions SET block_key = @b WHERE id IN ({string.Join(", ", chunk.Select((_, n) => "@m" + n))})");
            Add(u, "b", block);
            for (var n = 0; n < chunk.Length; n++) Add(u, "m" + n, chunk[n]);
            u.ExecuteNonQuery();
        }
    }

    /// <summary>The record's interactions whose report has one of these uris or starts with one of these content hashes.</summary>
    private List<string> MembersFrom(DbTransaction tx, string recordId, IReadOnlyList<string> sources)
    {
        var found = new List<string>();
        using var q = Cmd(tx, "SELECT i.id, d.uri, d.content_hash FROM interactions i JOIN documents d ON d.id = i.document_id WHERE i.record_id = @r ORDER BY i.id");
        Add(q, "r", recordId);
        using var r = q.ExecuteReader();
        while (r.Read())
        {
            var (uri, hash) = (r.GetString(1), r.GetString(2));
            if (sources.Any(s => s.Trim() == uri || (s.Trim().Length >= 6 && hash.StartsWith(s.Trim(), StringComparison.OrdinalIgnoreCase))))
                found.Add(r.GetString(0));
        }
        return found;
    }

    /// <summary>The review trail: of one record (its id, an old id, or a unique prefix), or of every record, oldest first.</summary>
    public IReadOnlyList<ReviewEntry> ReviewTrail(string? recordId = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (recordId is null)
            return Run(() => ReadReviews(null, "1 = 1").Select(r => r.Entry).ToList(), CancellationToken.None);
        var record = Get(recordId);
        return record?.Review?.Trail ?? [];
    }

    /// <summary>
    /// Records waiting for review, the likeliest to be wrong first: the lowest <c>confidence</c> (when records
    /// carry one), then the most conflicts between sources, then the fewest sources; rejected and reviewed
    /// records are not in it. Also how many wait in all.
    /// </summary>
    public Page<QueueItem> ReviewQueue(int offset, int limit, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Run(() =>
        {
            var total = Convert.ToInt32(Scalar(null, "SELECT COUNT(*) FROM review_queue"), CultureInfo.InvariantCulture);
            using var q = Cmd(null, """
                SELECT r.record_json, q.conflicts, q.confidence FROM review_queue q JOIN records r ON r.id = q.record_id
                ORDER BY COALESCE(q.confidence, 1.0), q.conflicts DESC, q.source_count, q.record_id LIMIT @n OFFSET @o
                """);
            Add(q, "n", limit);
            Add(q, "o", offset);
            var items = new List<QueueItem>();
            using var r = q.ExecuteReader();
            while (r.Read())
            {
                ct.ThrowIfCancellationRequested();
                var rec = Read(r.GetString(0));
                var conflicts = Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture);
                double? confidence = r.IsDBNull(2) ? null : Convert.ToDouble(r.GetValue(2), CultureInfo.InvariantCulture);
                items.Add(new QueueItem(rec, conflicts, confidence, Why(rec, conflicts, confidence)));
            }
            return new Page<QueueItem>(total, offset, limit, items);
        }, ct);
    }

    private static string Why(Interaction r, int conflicts, double? confidence)
    {
        var why = new List<string>();
        if (confidence is { } c) why.Add("confidence " + c.ToString("0.00", CultureInfo.InvariantCulture));
        if (conflicts > 0) why.Add($"sources disagree on {string.Join(", ", (r.Conflicts ?? []).Select(x => x.Field.Wire()))}");
        why.Add(r.Sources.Count == 1 ? "one source" : $"{r.Sources.Count} sources");
        return string.Join("; ", why);
    }
}
