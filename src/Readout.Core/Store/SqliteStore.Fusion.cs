using Microsoft.Data.Sqlite;
using Readout.Extract;
using Readout.Fuse;

namespace Readout.Store;

/// <summary>
/// Fusion inside the store: each new report is placed in its family of near-duplicate copies, and every
/// block of principals it touches is fused again from all its members. A block is looked up by key, so
/// the cost of a new report grows with the size of its blocks, not with the size of the store.
/// </summary>
public sealed partial class SqliteStore
{
    /// <summary>
    /// Finds the report's near-duplicate family through the MinHash bands it shares with stored reports.
    /// A family is named by the smallest content hash among its members, so the name does not depend on
    /// the order reports arrive in. Returns the blocks whose records must be fused again.
    /// </summary>
    private IEnumerable<string> LinkFamily(SqliteTransaction tx, long documentId, string contentHash, string text)
    {
        var sig = NearDuplicates.Signature(text);
        var keys = NearDuplicates.BandKeys(sig);
        var families = new HashSet<string>(StringComparer.Ordinal);
        // candidates share at least two bands: a copy (similarity 0.6 or more) shares about two or more of
        // the 16 bands, while reports that merely use the same boilerplate rarely share two
        var inList = string.Join(",", keys.Select((_, n) => "$k" + n));
        using (var find = Cmd(tx, $"""
            SELECT d.id, d.minhash, d.family_hash FROM documents d
            JOIN (SELECT document_id FROM document_bands WHERE band_key IN ({inList}) AND document_id <> $self
                  GROUP BY document_id HAVING COUNT(*) >= {NearDuplicates.MinSharedBands}) c ON c.document_id = d.id
            """))
        {
            for (int n = 0; n < keys.Length; n++) find.Parameters.AddWithValue("$k" + n, keys[n]);
            find.Parameters.AddWithValue("$self", documentId);
            using var r = find.ExecuteReader();
            while (r.Read())
            {
                if (r.IsDBNull(1)) continue;
                if (NearDuplicates.Similarity(sig, NearDuplicates.FromBytes((byte[])r[1])) >= NearDuplicates.CopyThreshold)
                    families.Add(r.GetString(2));
            }
        }
        using (var ins = Cmd(tx, "INSERT INTO document_bands(band_key, document_id) VALUES ($k, $d)"))
        {
            var pk = ins.Parameters.Add("$k", SqliteType.Integer);
            ins.Parameters.AddWithValue("$d", documentId);
            foreach (var k in keys.Distinct()) { pk.Value = k; ins.ExecuteNonQuery(); }
        }
        var label = families.Append(contentHash).Min(StringComparer.Ordinal)!;
        using (var upd = Cmd(tx, "UPDATE documents SET minhash = $m, family_hash = $f WHERE id = $d"))
        {
            upd.Parameters.AddWithValue("$m", NearDuplicates.ToBytes(sig));
            upd.Parameters.AddWithValue("$f", label);
            upd.Parameters.AddWithValue("$d", documentId);
            upd.ExecuteNonQuery();
        }
        var relabelled = families.Where(f => f != label).ToList();
        if (relabelled.Count == 0) return [];
        var blocks = new List<string>();
        foreach (var old in relabelled)
        {
            using (var q = Cmd(tx, "SELECT DISTINCT i.block_key FROM interactions i JOIN documents d ON d.id = i.document_id WHERE d.family_hash = $old"))
            {
                q.Parameters.AddWithValue("$old", old);
                using var r = q.ExecuteReader();
                while (r.Read()) blocks.Add(r.GetString(0));
            }
            using var u = Cmd(tx, "UPDATE documents SET family_hash = $new WHERE family_hash = $old");
            u.Parameters.AddWithValue("$new", label);
            u.Parameters.AddWithValue("$old", old);
            u.ExecuteNonQuery();
        }
        return blocks;
    }

    /// <summary>Fuses one block again from all its members and replaces its records; ids that disappear become aliases.</summary>
    private void RefuseBlock(SqliteTransaction tx, string block)
    {
        var members = new List<Interaction>();
        var family = new Dictionary<string, string>(StringComparer.Ordinal);
        var oldRecordOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        using (var q = Cmd(tx, "SELECT i.id, i.record_json, d.content_hash, COALESCE(d.family_hash, d.content_hash), i.record_id FROM interactions i JOIN documents d ON d.id = i.document_id WHERE i.block_key = $b"))
        {
            q.Parameters.AddWithValue("$b", block);
            using var r = q.ExecuteReader();
            while (r.Read())
            {
                members.Add(RecordJson.Deserialize(r.GetString(1)));
                family[r.GetString(2)] = r.GetString(3);
                oldRecordOf[r.GetString(0)] = r.IsDBNull(4) ? null : r.GetString(4);
            }
        }
        var fused = FusionEngine.FuseBlock(members, h => family.GetValueOrDefault(h, h));

        using (var del = Cmd(tx, "DELETE FROM record_actors WHERE record_id IN (SELECT id FROM records WHERE block_key = $b); DELETE FROM records WHERE block_key = $b;"))
        {
            del.Parameters.AddWithValue("$b", block);
            del.ExecuteNonQuery();
        }
        using var insR = Cmd(tx, """
            INSERT INTO records(id, block_key, status, mode, date, city, country, venue, source_count, record_json)
            VALUES ($id, $b, $status, $mode, $date, $city, $country, $venue, $n, $json)
            """);
        using var insA = Cmd(tx, "INSERT INTO record_actors(record_id, kind, name, country, role) VALUES ($id, $kind, $name, $country, $role)");
        using var link = Cmd(tx, "UPDATE interactions SET record_id = $r WHERE id = $i");
        foreach (var f in fused)
        {
            var rec = f.Record;
            insR.Parameters.Clear();
            insR.Parameters.AddWithValue("$id", rec.Id);
            insR.Parameters.AddWithValue("$b", block);
            insR.Parameters.AddWithValue("$status", rec.Status);
            insR.Parameters.AddWithValue("$mode", rec.Mode);
            insR.Parameters.AddWithValue("$date", Db(rec.Date));
            insR.Parameters.AddWithValue("$city", Db(rec.Location?.City));
            insR.Parameters.AddWithValue("$country", Db(rec.Location?.Country));
            insR.Parameters.AddWithValue("$venue", Db(rec.Location?.Venue));
            insR.Parameters.AddWithValue("$n", rec.Sources.Count);
            insR.Parameters.AddWithValue("$json", RecordJson.Serialize(rec));
            insR.ExecuteNonQuery();
            foreach (var (kind, list) in new[] { ("participant", rec.Participants), ("attendee", rec.Attendees) })
                foreach (var a in list)
                {
                    insA.Parameters.Clear();
                    insA.Parameters.AddWithValue("$id", rec.Id);
                    insA.Parameters.AddWithValue("$kind", kind);
                    insA.Parameters.AddWithValue("$name", Db(a.Name));
                    insA.Parameters.AddWithValue("$country", Db(a.Country));
                    insA.Parameters.AddWithValue("$role", Db(a.Role));
                    insA.ExecuteNonQuery();
                }
            foreach (var m in f.MemberIds)
            {
                link.Parameters.Clear();
                link.Parameters.AddWithValue("$r", rec.Id);
                link.Parameters.AddWithValue("$i", m);
                link.ExecuteNonQuery();
            }
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
            using var alias = Cmd(tx, "INSERT OR REPLACE INTO record_aliases(old_id, new_id) VALUES ($old, $new); UPDATE record_aliases SET new_id = $new WHERE new_id = $old;");
            alias.Parameters.AddWithValue("$old", gone!);
            alias.Parameters.AddWithValue("$new", target);
            alias.ExecuteNonQuery();
        }
        foreach (var id in newIds)
        {
            using var un = Cmd(tx, "DELETE FROM record_aliases WHERE old_id = $id");
            un.Parameters.AddWithValue("$id", id);
            un.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Reports stored before fusion existed (schema 1) have no family and interactions without a block:
    /// place and fuse them once, on opening, so an upgraded database shows all it holds.
    /// </summary>
    private void FuseUnfused()
    {
        using var tx = _conn.BeginTransaction();
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
            using var u = Cmd(tx, "UPDATE interactions SET block_key = $b WHERE id = $id");
            u.Parameters.AddWithValue("$b", key);
            u.Parameters.AddWithValue("$id", id);
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
        using var cmd = Cmd(null, "SELECT COALESCE((SELECT new_id FROM record_aliases WHERE old_id = $id), (SELECT id FROM records WHERE id = $id))");
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>Families of near-duplicate reports: each family's name and its members' uris.</summary>
    public IReadOnlyList<(string Family, IReadOnlyList<string> Uris)> Families()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var cmd = Cmd(null, "SELECT family_hash, uri FROM documents ORDER BY family_hash, uri");
        using var r = cmd.ExecuteReader();
        var rows = new List<(string, string)>();
        while (r.Read()) rows.Add((r.GetString(0), r.GetString(1)));
        return rows.GroupBy(x => x.Item1).Select(g => (g.Key, (IReadOnlyList<string>)g.Select(x => x.Item2).ToList())).ToList();
    }
}
