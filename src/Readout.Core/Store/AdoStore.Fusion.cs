using System.Data.Common;
using System.Globalization;
using Readout.Extract;
using Readout.Fuse;

namespace Readout.Store;

/// <summary>
/// Fusion inside the store: each new report is placed in its family of near-duplicate copies, and every
/// block of principals it touches is fused again from all its members. A block is looked up by key, so
/// the cost of a new report grows with the size of its blocks, not with the size of the store.
/// </summary>
public abstract partial class AdoStore
{
    /// <summary>A report's MinHash signature, its distinct band keys and the families of the stored reports it copies.</summary>
    private sealed record FamilyMatch(ulong[] Signature, long[] BandKeys, IReadOnlySet<string> Families)
    {
        /// <summary>
        /// The family's name: the smallest content hash among its members, so the name does not depend on the
        /// order reports arrive in.
        /// </summary>
        public string Label(string contentHash) => Families.Append(contentHash).Min(StringComparer.Ordinal)!;
    }

    /// <summary>
    /// Finds the near-duplicate families of stored reports that a text copies, through the MinHash bands they
    /// share. Run before the report's row is written, so that row is written once, with its signature and family.
    /// </summary>
    /// <param name="signature">The signature the pipeline computed, or null to compute it here.</param>
    private FamilyMatch FindFamilies(DbTransaction tx, IReadOnlyList<ulong>? signature, string text)
    {
        var sig = signature is { Count: NearDuplicates.Hashes } given ? [.. given] : NearDuplicates.Signature(text);
        // distinct: two bands may give one key, and a report is filed under a key once
        var keys = NearDuplicates.BandKeys(sig).Distinct().ToArray();
        var families = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (minhash, family) in FamilyCandidates(tx, keys))
            if (NearDuplicates.Similarity(sig, NearDuplicates.FromBytes(minhash)) >= NearDuplicates.CopyThreshold)
                families.Add(family);
        return new FamilyMatch(sig, keys, families);
    }

    /// <summary>Rows of a report's band lists read at first: more means a common band among them (see <see cref="FamilyCandidates"/>).</summary>
    private const int BandRowsAtFirst = 512;

    /// <summary>Band lists longer than this are read whole only when a report shares two or more of them.</summary>
    private const int CommonBandSize = 256;

    /// <summary>
    /// The signature and family of each stored report sharing at least <see cref="NearDuplicates.MinSharedBands"/> of
    /// <paramref name="keys"/>. Candidates share two bands: a copy (similarity 0.6 or more) shares about two or more of
    /// the 16, while reports that merely use the same boilerplate rarely share two. Boilerplate does make some bands
    /// common to thousands of reports, and reading such a list for every report made a report's cost grow with the
    /// store (1,450 rows read for a report, on average, against 100,000 generated reports). So the lists are read up
    /// to <see cref="BandRowsAtFirst"/> rows, which settles most reports (a wire's sixteen lists hold about sixteen
    /// rows). Past that, each list is measured up to <see cref="CommonBandSize"/>: with one longer list, a candidate
    /// shares another band, so it is found in the short lists and only looked up in the long one; with two or more,
    /// every list is read whole, as before. The candidates are the same in every case.
    /// </summary>
    private List<(byte[] Minhash, string Family)> FamilyCandidates(DbTransaction tx, long[] keys)
    {
        if (keys.Length < NearDuplicates.MinSharedBands) return [];
        // keys no stored report is filed under make no candidate: most reports share none with any other
        if (BandFilterFor(tx) is { } filter && keys.Count(filter.MayHold) < NearDuplicates.MinSharedBands) return [];
        var inList = string.Join(",", keys.Select((_, n) => "@k" + n));
        var first = Kept(tx, $"SELECT document_id FROM document_bands WHERE band_key IN ({inList}) LIMIT {BandRowsAtFirst + 1}");
        for (var n = 0; n < keys.Length; n++) Add(first, "k" + n, keys[n]);
        var shared = new Dictionary<long, int>();
        var rows = 0;
        using (var r = first.ExecuteReader())
            while (r.Read())
            {
                rows++;
                var id = r.GetInt64(0);
                shared[id] = shared.GetValueOrDefault(id) + 1;
            }
        if (rows <= BandRowsAtFirst)
        {
            var ids = shared.Where(kv => kv.Value >= NearDuplicates.MinSharedBands).Select(kv => kv.Key).ToList();
            if (ids.Count == 0) return [];
            // a few ids (a wire's copies) with a kept command; a long list once, not to crowd out the kept ones
            var sql = $"SELECT minhash, family_hash FROM documents WHERE id IN ({string.Join(",", ids.Select((_, n) => "@d" + n))})";
            using var once = ids.Count > 16 ? Cmd(tx, sql) : null;
            var fetch = once ?? Kept(tx, sql);
            for (var n = 0; n < ids.Count; n++) Add(fetch, "d" + n, ids[n]);
            return ReadCandidates(fetch);
        }

        var common = CommonBands(tx, keys);
        var read = common.Count == 1 ? keys.Where(k => k != common[0]).ToArray() : keys;
        var probe = common.Count == 1
            ? " + (SELECT COUNT(*) FROM document_bands h WHERE h.band_key = @common AND h.document_id = b.document_id)"
            : "";
        var find = Kept(tx, $"""
            SELECT d.minhash, d.family_hash FROM documents d
            JOIN (SELECT b.document_id FROM document_bands b WHERE b.band_key IN ({string.Join(",", read.Select((_, n) => "@k" + n))})
                  GROUP BY b.document_id HAVING COUNT(*){probe} >= {NearDuplicates.MinSharedBands}) c ON c.document_id = d.id
            """);
        for (var n = 0; n < read.Length; n++) Add(find, "k" + n, read[n]);
        if (common.Count == 1) Add(find, "common", common[0]);
        return ReadCandidates(find);
    }

    private static List<(byte[] Minhash, string Family)> ReadCandidates(DbCommand query)
    {
        var candidates = new List<(byte[], string)>();
        using var r = query.ExecuteReader();
        while (r.Read())
            if (!r.IsDBNull(0)) candidates.Add(((byte[])r[0], r.GetString(1)));
        return candidates;
    }

    /// <summary>Which of <paramref name="keys"/> hold more than <see cref="CommonBandSize"/> reports, each list counted no further.</summary>
    private List<long> CommonBands(DbTransaction tx, long[] keys)
    {
        var sizes = string.Join(" UNION ALL ", keys.Select((_, n) =>
            $"SELECT {n} AS n, COUNT(*) AS c FROM (SELECT 1 AS one FROM document_bands WHERE band_key = @k{n} LIMIT {CommonBandSize + 1}) p{n}"));
        var cmd = Kept(tx, $"SELECT n FROM ({sizes}) sizes WHERE c > {CommonBandSize}");
        for (var n = 0; n < keys.Length; n++) Add(cmd, "k" + n, keys[n]);
        var common = new List<long>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) common.Add(keys[Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture)]);
        return common;
    }

    /// <summary>
    /// Files a stored report under its bands and merges the families it copies into one, named by
    /// <paramref name="label"/>. Returns the blocks whose records must be fused again (those of renamed families).
    /// </summary>
    private List<string> JoinFamily(DbTransaction tx, long documentId, FamilyMatch match, string label)
    {
        var keys = match.BandKeys;
        // one statement for all bands against a server (one round trip instead of sixteen), a row each in SQLite
        InsertRows(tx, "document_bands", ["band_key", "document_id"], keys.Select(k => new object?[] { k, documentId }));
        if (_bandFilter is { } filter)
            foreach (var k in keys) filter.Add(k);
        var blocks = new List<string>();
        foreach (var old in match.Families.Where(f => f != label))
        {
            using (var q = Cmd(tx, "SELECT DISTINCT i.block_key FROM interactions i JOIN documents d ON d.id = i.document_id WHERE d.family_hash = @old"))
            {
                Add(q, "old", old);
                using var r = q.ExecuteReader();
                while (r.Read()) blocks.Add(r.GetString(0));
            }
            using var u = Cmd(tx, "UPDATE documents SET family_hash = @new WHERE family_hash = @old");
            Add(u, "new", label);
            Add(u, "old", old);
            u.ExecuteNonQuery();
        }
        return blocks;
    }

    /// <summary>
    /// Places a stored report without a family in its family: one stored before fusion existed
    /// (<see cref="FuseUnfused"/>), or one just inserted by a writer that only now holds the write lock.
    /// </summary>
    private List<string> LinkFamily(DbTransaction tx, long documentId, string contentHash, string text, IReadOnlyList<ulong>? signature = null)
    {
        var match = FindFamilies(tx, signature, text);
        var label = match.Label(contentHash);
        using (var upd = Cmd(tx, "UPDATE documents SET minhash = @m, family_hash = @f WHERE id = @d"))
        {
            Add(upd, "m", NearDuplicates.ToBytes(match.Signature));
            Add(upd, "f", label);
            Add(upd, "d", documentId);
            upd.ExecuteNonQuery();
        }
        return JoinFamily(tx, documentId, match, label);
    }

    /// <summary>
    /// Fuses one block again and replaces its records; ids that disappear become aliases. With
    /// <paramref name="parts"/> (see <see cref="FusionEngine.FusionPart"/>) only the members and records of those
    /// parts are read and replaced, which gives the same records as fusing the whole block, at a cost that does not
    /// grow with the block's history; a block with reviews is always fused whole, since a merge or a split may join
    /// parts.
    /// </summary>
    private void RefuseBlock(DbTransaction tx, string block, IReadOnlySet<string>? parts = null)
    {
        var reviews = BlockReviews(tx, block);
        if (reviews.Count > 0) parts = null;
        List<string>? partIds = null;
        if (parts is not null)
        {
            partIds = [];
            using var q = Cmd(tx, "SELECT id, status, date FROM interactions WHERE block_key = @b");
            Add(q, "b", block);
            using var r = q.ExecuteReader();
            while (r.Read())
                if (parts.Contains(FusionEngine.FusionPart(r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2))))
                    partIds.Add(r.GetString(0));
        }

        var members = new List<Interaction>();
        var family = new Dictionary<string, string>(StringComparer.Ordinal);
        var oldRecordOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        const string select = "SELECT i.id, i.record_json, d.content_hash, COALESCE(d.family_hash, d.content_hash), i.record_id FROM interactions i JOIN documents d ON d.id = i.document_id WHERE ";
        // the whole block in one query, or the members of the parts a report joins, 500 ids to a query
        var chunks = partIds is null ? new List<string[]?> { null } : partIds.Chunk(500).Select(c => (string[]?)c).ToList();
        foreach (var chunk in chunks)
        {
            using var q = Cmd(tx, select + (chunk is null ? "i.block_key = @b" : $"i.id IN ({string.Join(", ", chunk.Select((_, n) => "@m" + n))})"));
            if (chunk is null) Add(q, "b", block);
            else for (var n = 0; n < chunk.Length; n++) Add(q, "m" + n, chunk[n]);
            using var r = q.ExecuteReader();
            while (r.Read())
            {
                members.Add(RecordJson.Deserialize(r.GetString(1)));
                family[r.GetString(2)] = r.GetString(3);
                oldRecordOf[r.GetString(0)] = r.IsDBNull(4) ? null : r.GetString(4);
            }
        }
        string FamilyOf(string h) => family.GetValueOrDefault(h, h);
        var fused = Reviews.ReviewApplier.Apply(FusionEngine.FuseBlock(members, FamilyOf), members, reviews, FamilyOf);

        if (partIds is null)
        {
            foreach (var sql in new[]
            {
                "DELETE FROM record_actors WHERE record_id IN (SELECT id FROM records WHERE block_key = @b)", "DELETE FROM records WHERE block_key = @b",
                "DELETE FROM review_queue WHERE block_key = @b", "DELETE FROM rejected_records WHERE block_key = @b",
            })
            {
                using var del = Cmd(tx, sql);
                Add(del, "b", block);
                del.ExecuteNonQuery();
            }
        }
        else
        {
            // the records of these parts: those their members were linked to (no other record holds them)
            foreach (var chunk in oldRecordOf.Values.OfType<string>().Distinct(StringComparer.Ordinal).Chunk(500))
                foreach (var sql in new[]
                {
                    "DELETE FROM record_actors WHERE record_id IN ({0})", "DELETE FROM records WHERE id IN ({0})",
                    "DELETE FROM review_queue WHERE record_id IN ({0})", "DELETE FROM rejected_records WHERE record_id IN ({0})",
                })
                {
                    using var del = Cmd(tx, string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, string.Join(", ", chunk.Select((_, n) => "@r" + n))));
                    for (var n = 0; n < chunk.Length; n++) Add(del, "r" + n, chunk[n]);
                    del.ExecuteNonQuery();
                }
        }
        // one statement per table (and one link update per record), not one per row: against a server each
        // statement is a round trip, and this runs while other writers wait for the fusion lock
        var rows = fused.Select(f => (Record: f.Record, Json: RecordJson.Serialize(f.Record))).ToList();
        InsertRows(tx, "records", ["id", "block_key", "status", "mode", "date", "city", "country", "venue", "source_count", "record_json"],
            rows.Select(x => new object?[]
            {
                x.Record.Id, block, x.Record.Status.Wire(), x.Record.Mode.Wire(), x.Record.Date, x.Record.Location?.City, x.Record.Location?.Country, x.Record.Location?.Venue,
                x.Record.Sources.Count, x.Json,
            }));
        // a rejected record keeps its row (show, the trail) but has no actors: no actor, country or dyad list finds it
        var rejected = rows.Where(x => x.Record.Review?.Status == Reviews.ReviewStatus.Rejected).Select(x => x.Record).ToList();
        InsertRows(tx, "record_actors", ["record_id", "kind", "name", "country", "role", "name_fold", "organisation"],
            rows.Select(x => x.Record).Except(rejected).SelectMany(rec =>
                new[] { (ActorKind.Participant, rec.Participants), (ActorKind.Attendee, rec.Attendees) }.SelectMany(x => x.Item2.Select(a =>
                    new object?[] { rec.Id, x.Item1.Wire(), a.Name, a.Country, a.Role?.Wire(), a.Name is null ? null : Fold(a.Name),
                        a.Organisation }))));
        InsertRows(tx, "rejected_records", ["record_id", "block_key"], rejected.Select(rec => new object?[] { rec.Id, block }));
        InsertRows(tx, "review_queue", ["record_id", "block_key", "conflicts", "confidence", "source_count"],
            rows.Where(x => x.Record.Review is null).Select(x => new object?[]
                { x.Record.Id, block, x.Record.Conflicts?.Count ?? 0, RecordConfidence(x.Json) is { } c ? c : new TypedNull(System.Data.DbType.Double), x.Record.Sources.Count }));
        foreach (var f in fused)
            foreach (var ids in f.MemberIds.Chunk(500))
            {
                using var link = Cmd(tx, $"UPDATE interactions SET record_id = @r WHERE id IN ({string.Join(", ", ids.Select((_, n) => "@m" + n))})");
                Add(link, "r", f.Record.Id);
                for (var n = 0; n < ids.Length; n++) Add(link, "m" + n, ids[n]);
                link.ExecuteNonQuery();
            }

        // a record id that is gone points to the record that now holds most of its members
        var newIds = fused.Select(f => f.Record.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in oldRecordOf.Values.Where(v => v is not null && !newIds.Contains(v)).Distinct())
        {
            var target = oldRecordOf.Where(kv => kv.Value == gone)
                .Select(kv => fused.FirstOrDefault(f => f.MemberIds.Contains(kv.Key))?.Record.Id)
                .Where(t => t is not null).GroupBy(t => t).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key).FirstOrDefault();
            if (target is null) continue;
            foreach (var sql in new[]
            {
                "INSERT INTO record_aliases(old_id, new_id) VALUES (@old, @new) ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id",
                "UPDATE record_aliases SET new_id = @new WHERE new_id = @old",
            })
            {
                using var alias = Cmd(tx, sql);
                Add(alias, "old", gone!);
                Add(alias, "new", target);
                alias.ExecuteNonQuery();
            }
        }
        foreach (var id in newIds)
        {
            using var un = Cmd(tx, "DELETE FROM record_aliases WHERE old_id = @id");
            Add(un, "id", id);
            un.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Reports stored before fusion existed (schema 1) have no family and interactions without a block:
    /// place and fuse them once, on opening, so an upgraded database shows all it holds.
    /// </summary>
    private void FuseUnfused()
    {
        using var tx = Connection.BeginTransaction();
        BeginWrite(tx);
        var docs = new List<(long Id, string Hash, string Text)>();
        using (var q = Cmd(tx, "SELECT id, content_hash, clean_text FROM documents WHERE minhash IS NULL ORDER BY id"))
        using (var r = q.ExecuteReader())
            while (r.Read()) docs.Add((r.GetInt64(0), r.GetString(1), r.GetString(2)));
        var blocks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, hash, text) in docs)
            foreach (var b in LinkFamily(tx, id, hash, text)) blocks.Add(b);
        var unblocked = new List<(string Id, string Json)>();
        using (var q = Cmd(tx, "SELECT id, record_json FROM interactions WHERE block_key IS NULL"))
        using (var r = q.ExecuteReader())
            while (r.Read()) unblocked.Add((r.GetString(0), r.GetString(1)));
        foreach (var (id, json) in unblocked)
        {
            var key = FusionEngine.BlockKey(RecordJson.Deserialize(json));
            using var u = Cmd(tx, "UPDATE interactions SET block_key = @b WHERE id = @id");
            Add(u, "b", key);
            Add(u, "id", id);
            u.ExecuteNonQuery();
            blocks.Add(key);
        }
        foreach (var b in blocks.Order(StringComparer.Ordinal)) RefuseBlock(tx, b);
        tx.Commit();
    }

    /// <summary>The id a record id now resolves to (itself, or the record it was merged into), or null.</summary>
    public string? Resolve(string id)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Run(() =>
        {
            using var cmd = Cmd(null, "SELECT COALESCE((SELECT new_id FROM record_aliases WHERE old_id = @id), (SELECT id FROM records WHERE id = @id))");
            Add(cmd, "id", id);
            return cmd.ExecuteScalar() as string;
        }, CancellationToken.None);
    }

    /// <summary>Families of near-duplicate reports: each family's name and its members' uris.</summary>
    public IReadOnlyList<(string Family, IReadOnlyList<string> Uris)> Families()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var rows = Run(() =>
        {
            using var cmd = Cmd(null, "SELECT family_hash, uri FROM documents ORDER BY family_hash, uri");
            using var r = cmd.ExecuteReader();
            var list = new List<(string, string)>();
            while (r.Read()) list.Add((r.GetString(0), r.GetString(1)));
            return list;
        }, CancellationToken.None);
        return rows.GroupBy(x => x.Item1).Select(g => (g.Key, (IReadOnlyList<string>)g.Select(x => x.Item2).ToList())).ToList();
    }
}
