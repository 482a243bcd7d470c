using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Readout.Documents;
using Readout.Extract;
using Readout.Pipeline;

namespace Readout.Store;

/// <summary>
/// The Readout database: one row per report (with its clean text, so evidence offsets can be shown
/// again) and one per interaction, its full record kept as JSON and its searchable fields as columns.
/// Opening a database brings its schema up to date. Each report is written in one transaction: either
/// the report and all its interactions are stored, or nothing is.
/// </summary>
public sealed partial class SqliteStore : IDisposable
{
    static SqliteStore() => SQLitePCL.Batteries_V2.Init();

    private readonly SqliteConnection _conn;
    private bool _disposed;

    /// <summary>The database file (or ":memory:").</summary>
    public string Path { get; }

    /// <summary>The schema version this build writes.</summary>
    public static int SchemaVersion => Migrations.Steps.Count;

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and migrates it.</summary>
    /// <exception cref="ReadoutException">RO2001 when the file cannot be opened as a Readout database.</exception>
    public SqliteStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,        // release the file on Dispose
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
        _conn = new SqliteConnection(cs);
        try
        {
            _conn.Open();
            _conn.CreateFunction<string?, string?, bool>("readout_icontains",
                (hay, needle) => hay is not null && needle is not null && Fold(hay).Contains(Fold(needle), StringComparison.Ordinal),
                isDeterministic: true);
            Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
            Migrate();
            FuseUnfused();
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            _conn.Dispose();
            throw new ReadoutException(ErrorCodes.Store, path, "cannot open the database: " + e.Message, e);
        }
    }

    private void Migrate()
    {
        Exec("CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY)");
        using var tx = _conn.BeginTransaction();
        var current = Convert.ToInt32(Scalar(tx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);
        if (current > Migrations.Steps.Count)
            throw new InvalidOperationException($"schema version {current} is newer than this Readout understands ({Migrations.Steps.Count}); upgrade Readout");
        for (var v = current + 1; v <= Migrations.Steps.Count; v++)
        {
            using (var step = Cmd(tx, Migrations.Steps[v - 1])) step.ExecuteNonQuery();
            using var mark = Cmd(tx, "INSERT INTO schema_migrations(version) VALUES ($v)");
            mark.Parameters.AddWithValue("$v", v);
            mark.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>Whether a report with this content hash is already stored.</summary>
    public bool HasDocument(string contentHash)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var cmd = Cmd(null, "SELECT 1 FROM documents WHERE content_hash = $h");
        cmd.Parameters.AddWithValue("$h", contentHash);
        return cmd.ExecuteScalar() is not null;
    }

    /// <summary>
    /// Stores a report and its interactions in one transaction. A report whose content hash is already
    /// stored is left as it is; an interaction whose id is already stored is kept in its first form.
    /// </summary>
    /// <exception cref="ReadoutException">RO2001 when anything fails; nothing of the report is then written.</exception>
    public void SaveDocument(DocumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var doc = result.Document;
        var uri = doc.Raw.Uri;
        SqliteTransaction? tx = null;
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            tx = _conn.BeginTransaction();

            long documentId;
            using (var ins = Cmd(tx, """
                INSERT OR IGNORE INTO documents(content_hash, uri, title, published, format, clean_text)
                VALUES ($hash, $uri, $title, $published, $format, $text)
                RETURNING id
                """))
            {
                ins.Parameters.AddWithValue("$hash", doc.Raw.ContentHash);
                ins.Parameters.AddWithValue("$uri", uri);
                ins.Parameters.AddWithValue("$title", Db(doc.Title ?? doc.Raw.Title));
                ins.Parameters.AddWithValue("$published", Db(doc.Published?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                ins.Parameters.AddWithValue("$format", Db(doc.Raw.Format));
                ins.Parameters.AddWithValue("$text", doc.Text);
                var id = ins.ExecuteScalar();
                if (id is null) { tx.Rollback(); return; }   // already stored: idempotent
                documentId = Convert.ToInt64(id, CultureInfo.InvariantCulture);
            }
            IndexForSearch(tx, documentId, doc.Title ?? doc.Raw.Title, doc.Text);

            using var insI = Cmd(tx, """
                INSERT OR IGNORE INTO interactions(id, document_id, status, mode, date, date_basis, city, country, venue, record_json, block_key)
                VALUES ($id, $doc, $status, $mode, $date, $basis, $city, $country, $venue, $json, $block)
                """);
            var pId = insI.Parameters.Add("$id", SqliteType.Text);
            insI.Parameters.AddWithValue("$doc", documentId);
            var pStatus = insI.Parameters.Add("$status", SqliteType.Text);
            var pMode = insI.Parameters.Add("$mode", SqliteType.Text);
            var pDate = insI.Parameters.Add("$date", SqliteType.Text);
            var pBasis = insI.Parameters.Add("$basis", SqliteType.Text);
            var pCity = insI.Parameters.Add("$city", SqliteType.Text);
            var pCountry = insI.Parameters.Add("$country", SqliteType.Text);
            var pVenue = insI.Parameters.Add("$venue", SqliteType.Text);
            var pJson = insI.Parameters.Add("$json", SqliteType.Text);
            var pBlock = insI.Parameters.Add("$block", SqliteType.Text);
            var blocks = new HashSet<string>(StringComparer.Ordinal);

            using var insA = Cmd(tx, "INSERT INTO interaction_actors(interaction_id, kind, name, country, role) VALUES ($id, $kind, $name, $country, $role)");
            var aId = insA.Parameters.Add("$id", SqliteType.Text);
            var aKind = insA.Parameters.Add("$kind", SqliteType.Text);
            var aName = insA.Parameters.Add("$name", SqliteType.Text);
            var aCountry = insA.Parameters.Add("$country", SqliteType.Text);
            var aRole = insA.Parameters.Add("$role", SqliteType.Text);

            foreach (var i in result.Interactions)
            {
                if (i is null || string.IsNullOrWhiteSpace(i.Id))
                    throw new InvalidOperationException("an interaction has no id");
                var participants = i.Participants ?? throw new InvalidOperationException($"interaction {i.Id} has no participant list");
                var attendees = i.Attendees ?? [];

                pId.Value = i.Id;
                pStatus.Value = Db(i.Status);
                pMode.Value = Db(i.Mode);
                pDate.Value = Db(i.Date);
                pBasis.Value = Db(i.DateBasis);
                pCity.Value = Db(i.Location?.City);
                pCountry.Value = Db(i.Location?.Country);
                pVenue.Value = Db(i.Location?.Venue);
                pJson.Value = RecordJson.Serialize(i);
                pBlock.Value = Fuse.FusionEngine.BlockKey(i);
                if (insI.ExecuteNonQuery() == 0) continue;   // this id is already stored
                blocks.Add(Fuse.FusionEngine.BlockKey(i));

                aId.Value = i.Id;
                foreach (var (kind, list) in new[] { ("participant", participants), ("attendee", attendees) })
                    foreach (var a in list)
                    {
                        aKind.Value = kind;
                        aName.Value = Db(a.Name);
                        aCountry.Value = Db(a.Country);
                        aRole.Value = Db(a.Role);
                        insA.ExecuteNonQuery();
                    }
            }
            SaveStatements(tx, documentId, result);
            foreach (var b in LinkFamily(tx, documentId, doc.Raw.ContentHash, doc.Text)) blocks.Add(b);
            foreach (var b in blocks.Order(StringComparer.Ordinal)) RefuseBlock(tx, b);
            tx.Commit();
        }
        catch (Exception e)
        {
            try { tx?.Rollback(); } catch { /* the connection is gone; SQLite discards the open transaction */ }
            throw new ReadoutException(ErrorCodes.Store, uri, "cannot be stored: " + e.Message, e);
        }
        finally
        {
            tx?.Dispose();
        }
    }

    /// <summary>The stored interactions that pass <paramref name="f"/>, by date (undated last) then id.</summary>
    public IReadOnlyList<Interaction> Query(InteractionFilter f)
    {
        ArgumentNullException.ThrowIfNull(f);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var cmd = Cmd(null, "");
        var sql = new StringBuilder("SELECT i.record_json FROM records i WHERE 1 = 1");
        if (!string.IsNullOrEmpty(f.Status))
        {
            sql.Append(" AND i.status = $status");
            cmd.Parameters.AddWithValue("$status", f.Status);
        }
        if (!string.IsNullOrEmpty(f.Mode))
        {
            sql.Append(" AND i.mode = $mode");
            cmd.Parameters.AddWithValue("$mode", f.Mode);
        }
        if (!string.IsNullOrEmpty(f.From) || !string.IsNullOrEmpty(f.To))
            sql.Append(" AND i.date IS NOT NULL AND i.date NOT LIKE '--%'");
        if (!string.IsNullOrEmpty(f.From))
        {
            sql.Append(" AND i.date >= $from");
            cmd.Parameters.AddWithValue("$from", f.From);
        }
        if (!string.IsNullOrEmpty(f.To))
        {
            // a prefix bound is inclusive of its whole period: --to 2024-09 keeps 2024-09-30
            sql.Append(" AND substr(i.date, 1, length($to)) <= $to");
            cmd.Parameters.AddWithValue("$to", f.To);
        }
        var n = 0;
        foreach (var actor in (f.Actors ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Distinct())
        {
            sql.Append($" AND EXISTS (SELECT 1 FROM record_actors a WHERE a.record_id = i.id AND a.kind = 'participant' AND readout_icontains(a.name, $actor{n}))");
            cmd.Parameters.AddWithValue($"$actor{n}", actor.Trim());
            n++;
        }
        n = 0;
        foreach (var country in (f.Countries ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct())
        {
            sql.Append($" AND EXISTS (SELECT 1 FROM record_actors a WHERE a.record_id = i.id AND a.kind = 'participant' AND a.country = $country{n})");
            cmd.Parameters.AddWithValue($"$country{n}", country);
            n++;
        }
        sql.Append(" ORDER BY i.date IS NULL, i.date, i.id");
        cmd.CommandText = sql.ToString();

        var list = new List<Interaction>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(Read(r.GetString(0)));
        return list;
    }

    /// <summary>The interaction with this id, or with the only id starting with it; null if none or several.</summary>
    public Interaction? Get(string idOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (idOrPrefix.Length == 0) return null;
        using (var exact = Cmd(null, "SELECT record_json FROM records WHERE id = COALESCE((SELECT new_id FROM record_aliases WHERE old_id = $id), $id)"))
        {
            exact.Parameters.AddWithValue("$id", idOrPrefix);
            if (exact.ExecuteScalar() is string json) return Read(json);
        }
        var ids = FindIds(idOrPrefix, 2);
        if (ids.Count != 1) return null;
        using var one = Cmd(null, "SELECT record_json FROM records WHERE id = $id");
        one.Parameters.AddWithValue("$id", ids[0]);
        return one.ExecuteScalar() is string j ? Read(j) : null;
    }

    /// <summary>Up to <paramref name="limit"/> stored ids starting with <paramref name="prefix"/>, in order.</summary>
    public IReadOnlyList<string> FindIds(string prefix, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var cmd = Cmd(null, "SELECT id FROM records WHERE substr(id, 1, length($p)) = $p ORDER BY id LIMIT $n");
        cmd.Parameters.AddWithValue("$p", prefix);
        cmd.Parameters.AddWithValue("$n", limit);
        var ids = new List<string>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) ids.Add(r.GetString(0));
        return ids;
    }

    /// <summary>The clean text of the stored report with this content hash (evidence offsets point into it).</summary>
    public string? GetCleanText(string contentHash)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var cmd = Cmd(null, "SELECT clean_text FROM documents WHERE content_hash = $h");
        cmd.Parameters.AddWithValue("$h", contentHash);
        return cmd.ExecuteScalar() as string;
    }

    public (int Documents, int Records) Counts()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var cmd = Cmd(null, "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM records)");
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.GetInt32(0), r.GetInt32(1));
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_readOnly)
            try { Exec("PRAGMA optimize;"); } catch (SqliteException) { /* best effort */ }
        _conn.Dispose();
    }

    private Interaction Read(string json)
    {
        try { return RecordJson.Deserialize(json); }
        catch (System.Text.Json.JsonException e)
        {
            throw new ReadoutException(ErrorCodes.Store, Path, "a stored record cannot be read: " + e.Message, e);
        }
    }

    /// <summary>Case- and accent-insensitive form for name matching: "Erdoğan" and "ERDOGAN" fold alike.</summary>
    internal static string Fold(string s) => Readout.Lexicons.Lexicon.Fold(s);

    private static object Db(string? s) => s is null ? DBNull.Value : s;

    private SqliteCommand Cmd(SqliteTransaction? tx, string sql)
    {
        var cmd = _conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private object? Scalar(SqliteTransaction? tx, string sql)
    {
        using var cmd = Cmd(tx, sql);
        return cmd.ExecuteScalar();
    }

    private void Exec(string sql)
    {
        using var cmd = Cmd(null, sql);
        cmd.ExecuteNonQuery();
    }
}
