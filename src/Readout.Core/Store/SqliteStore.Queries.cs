using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Readout.Documents;
using Readout.Extract;

namespace Readout.Store;

/// <summary>
/// The reads behind the HTTP server: pages of records, actors, dyads, sources and full-text search.
/// Plain SQL over the tables of the earlier steps; full-text search (SQLite FTS5) is confined to
/// <see cref="IndexForSearch"/>, <see cref="FtsDocumentIds"/> and <see cref="SearchText"/>.
/// </summary>
public sealed partial class SqliteStore : IStoreQueries
{
    private const string SummaryColumns = SummaryRows.Columns;
    private const string DatedYear = SummaryRows.DatedYear;

    private readonly bool _readOnly;   // a per-request reader: no PRAGMA optimize on closing

    private readonly CountCache? _counts;   // a reader's list totals, shared with the other readers of this database

    private SqliteStore(string path, SqliteConnection connection, CountCache? counts)
    {
        Path = path;
        _conn = connection;
        _readOnly = true;
        _counts = counts;
    }

    /// <summary>The store's version for cached totals: the newest report's and the newest review's ids (every write adds one of them).</summary>
    private long StoreVersion() => Convert.ToInt64(QueryScalar(null, "SELECT (SELECT COALESCE(MAX(id), 0) FROM documents) * 4294967296 + (SELECT COALESCE(MAX(id), 0) FROM reviews)"), CultureInfo.InvariantCulture);

    /// <summary>
    /// Opens an existing database for reading only, through a pooled connection: cheap enough to open per
    /// request, and safe beside a writer because the database is in WAL mode (readers see the last commit).
    /// It neither migrates nor fuses, so the database must have been opened once by <see cref="SqliteStore(string)"/>.
    /// </summary>
    /// <exception cref="ReadoutException">RO2002 when the file does not exist, RO2001 when it cannot be opened.</exception>
    /// <param name="counts">List totals shared by the readers of this database (the server keeps one), or null to count every time.</param>
    public static SqliteStore OpenReader(string path, CountCache? counts = null) => OpenReader(path, counts, immutable: false);

    /// <summary>
    /// Opens a database for a command that only reads it (events, show, export...): it is never created,
    /// migrated or written, so a file that is not a Readout database is refused rather than given tables,
    /// and a database on a read-only mount, where SQLite cannot make its WAL index beside it, is read as
    /// an unchanging file.
    /// </summary>
    /// <exception cref="ReadoutException">RO2002 when the file does not exist, RO2003 when it is not a Readout database of this version, RO2001 when it cannot be read.</exception>
    public static SqliteStore OpenExisting(string path)
    {
        SqliteStore store;
        try { store = OpenReader(path, null, immutable: false); }
        catch (ReadoutException e) when (e.InnerException is SqliteException { SqliteErrorCode: 14 or 8 })   // CANTOPEN, READONLY: no -shm can be made
        {
            store = OpenReader(path, null, immutable: true);
        }
        try
        {
            var version = store.SchemaVersionOnFile();
            if (version == SchemaVersion) return store;
            store.Dispose();
            throw new ReadoutException(ErrorCodes.NotReadout, path, version switch
            {
                null => "is not a Readout database (it has no Readout tables); read commands never change a file: pass the right --db",
                < 0 => "is not a Readout database (it is not a SQLite file); read commands never change a file: pass the right --db",
                var v when v < SchemaVersion => $"was written by an older Readout (schema {v}, this one reads {SchemaVersion}); bring it up to date once with a command that writes, e.g. 'readout ingest' of any report",
                var v => $"was written by a newer Readout (schema {v}, this one reads {SchemaVersion}); upgrade Readout",
            });
        }
        catch (SqliteException e)
        {
            store.Dispose();
            throw new ReadoutException(ErrorCodes.Store, path, "cannot read the database: " + e.Message, e);
        }
    }

    /// <summary>The schema version recorded in the file; null without Readout's tables, -1 when the file is not SQLite.</summary>
    private int? SchemaVersionOnFile()
    {
        try
        {
            if (QueryScalar(null, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") is null) return null;
            return Convert.ToInt32(QueryScalar(null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 26)   // SQLITE_NOTADB
        {
            return -1;
        }
    }

    private static SqliteStore OpenReader(string path, CountCache? counts, bool immutable)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new ReadoutException(ErrorCodes.NoDatabase, path, "no database here; run 'readout ingest PATH...' first, or pass --db FILE");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            // immutable: SQLite reads the file without any lock or WAL index (for a read-only mount, where nothing writes it)
            DataSource = immutable ? new Uri(System.IO.Path.GetFullPath(path)).AbsoluteUri + "?immutable=1" : path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = !immutable,
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            connection.Open();
            connection.CreateFunction<string?, string?, bool>("readout_icontains",
                (hay, needle) => hay is not null && needle is not null && Fold(hay).Contains(Fold(needle), StringComparison.Ordinal),
                isDeterministic: true);
            // Reads go through a memory map rather than a read() per page: less system time under load. A
            // pooled connection keeps its map; setting it again would remap, so only a new connection sets it.
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA mmap_size";
                if (Convert.ToInt64(pragma.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
                {
                    pragma.CommandText = "PRAGMA mmap_size = 268435456; PRAGMA busy_timeout = 5000;";
                    pragma.ExecuteNonQuery();
                }
            }
            return new SqliteStore(path, connection, counts);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new ReadoutException(ErrorCodes.Store, path, "cannot open the database for reading: " + e.Message, e);
        }
    }

    /// <summary>
    /// Refreshes the statistics SQLite's planner chooses indexes by (a full ANALYZE: about a second on 50k records). A server
    /// calls it once at start: without statistics a store filled in one go plans dyad and mode queries on
    /// the wrong index and answers several times slower.
    /// </summary>
    public void PrepareForServing()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        Exec("PRAGMA analysis_limit = 0; ANALYZE;");
    }

    public Page<InteractionSummary> ListInteractions(InteractionQuery query, CancellationToken ct = default) => InSnapshot(() => ListInteractionsCore(query, ct), ct);

    private Page<InteractionSummary> ListInteractionsCore(InteractionQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var args = new List<(string Name, object Value)>();
        var where = Where(query.Filter, query.Text, args, scanInOrder: false);
        var countSql = $"SELECT COUNT(*) FROM records r WHERE {where}";
        int Count()
        {
            using var count = QueryCmd(null, countSql);
            Bind(count, args);
            return Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        var total = _counts is null ? Count()
            : _counts.GetOrCount(countSql + "\u0001" + string.Join("\u0001", args.Select(a => a.Name + "=" + Convert.ToString(a.Value, CultureInfo.InvariantCulture))),
                StoreVersion(), Count);
        ct.ThrowIfCancellationRequested();
        if (query.Filter.Countries is { Count: 1 })
        {
            // One country's records are many: reading them all to sort them costs more than walking the
            // order's index until the page is full, which takes about (offset + limit) * records / total steps.
            var all = Convert.ToInt32(QueryScalar(null, "SELECT COUNT(*) FROM records"), CultureInfo.InvariantCulture);
            if (total > 0 && (long)(query.Offset + query.Limit) * all / total < total)
            {
                args.Clear();
                where = Where(query.Filter, query.Text, args, scanInOrder: true);
            }
        }
        var order = query.Sort switch
        {
            InteractionSort.DateDescending => "r.date IS NOT NULL DESC, r.date DESC, r.id DESC",
            InteractionSort.MostSources => "r.source_count DESC, r.date IS NOT NULL DESC, r.date DESC, r.id DESC",
            _ => "r.date IS NULL, r.date, r.id",
        };
        using var page = QueryCmd(null, $"SELECT {SummaryColumns} FROM records r WHERE {where} ORDER BY {order} LIMIT $limit OFFSET $offset");
        Bind(page, args);
        page.Parameters.AddWithValue("$limit", query.Limit);
        page.Parameters.AddWithValue("$offset", query.Offset);
        return new Page<InteractionSummary>(total, query.Offset, query.Limit, ReadSummaries(page, ct));
    }

    public FilterSummary Summarise(InteractionQuery query, CancellationToken ct = default) => InSnapshot(() =>
    {
        ArgumentNullException.ThrowIfNull(query);
        var args = new List<(string Name, object Value)>();
        var where = Where(query.Filter, query.Text, args, scanInOrder: false);
        FilterSummary Read() => FilterSummaries.Read(where, sql =>
        {
            var cmd = QueryCmd(null, sql);
            Bind(cmd, args);
            return cmd;
        }, ct);
        return _counts is null ? Read()
            : _counts.GetOrRead("summary\u0001" + where + "\u0001" + string.Join("\u0001", args.Select(a => a.Name + "=" + Convert.ToString(a.Value, CultureInfo.InvariantCulture))),
                StoreVersion(), Read);
    });

    public IReadOnlyList<InteractionSummary> SamePrincipals(string recordId, int limit, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        using var cmd = QueryCmd(null, $"""
            SELECT {SummaryColumns} FROM records r
            WHERE r.block_key = (SELECT block_key FROM records WHERE id = $id) AND r.id <> $id
            ORDER BY r.date IS NOT NULL DESC, r.date DESC, r.id DESC LIMIT $limit
            """);
        cmd.Parameters.AddWithValue("$id", recordId);
        cmd.Parameters.AddWithValue("$limit", limit);
        return ReadSummaries(cmd, ct);
    }

    /// <remarks>Run in a snapshot so that <paramref name="ct"/> interrupts it: it folds every actor's name (found by the query fuzzer).</remarks>
    public IReadOnlyList<ActorMatch> SearchActors(string text, int limit, CancellationToken ct = default) => InSnapshot(() => SearchActorsCore(text, limit, ct), ct);

    private IReadOnlyList<ActorMatch> SearchActorsCore(string text, int limit, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var filtered = !string.IsNullOrWhiteSpace(text);
        using var cmd = QueryCmd(null, $"""
            SELECT a.name, a.country, COUNT(DISTINCT a.record_id) AS n FROM record_actors a
            WHERE a.name IS NOT NULL
            GROUP BY a.name, a.country
            {(filtered ? "HAVING readout_icontains(a.name, $text)" : "")}
            ORDER BY n DESC, a.name LIMIT $limit
            """);
        if (filtered) cmd.Parameters.AddWithValue("$text", text.Trim());
        cmd.Parameters.AddWithValue("$limit", limit);
        var list = new List<ActorMatch>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            ct.ThrowIfCancellationRequested();
            list.Add(new ActorMatch(r.GetString(0), NullableString(r, 1), r.GetInt32(2)));
        }
        return list;
    }

    public ActorProfile? GetActor(string name, int interactionLimit, CancellationToken ct = default) => InSnapshot(() => GetActorCore(name, interactionLimit, ct), ct);

    private ActorProfile? GetActorCore(string name, int interactionLimit, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        string canonical;
        using (var find = QueryCmd(null, "SELECT name FROM record_actors WHERE name = $name COLLATE NOCASE GROUP BY name ORDER BY COUNT(*) DESC LIMIT 1"))
        {
            find.Parameters.AddWithValue("$name", name.Trim());
            if (find.ExecuteScalar() is not string found) return null;
            canonical = found;
        }

        var roles = new List<ActorRole>();
        using (var cmd = QueryCmd(null, """
            SELECT a.kind, a.role, a.country,
                   MIN(CASE WHEN r.date NOT LIKE '--%' THEN r.date END), MAX(CASE WHEN r.date NOT LIKE '--%' THEN r.date END),
                   COUNT(DISTINCT r.id)
            FROM record_actors a JOIN records r ON r.id = a.record_id
            WHERE a.name = $name
            GROUP BY a.kind, a.role, a.country
            ORDER BY 4 IS NULL, 4, a.kind DESC
            """))
        {
            cmd.Parameters.AddWithValue("$name", canonical);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                roles.Add(new ActorRole(r.GetString(0), NullableString(r, 1), NullableString(r, 2), NullableString(r, 3), NullableString(r, 4), r.GetInt32(5)));
        }
        ct.ThrowIfCancellationRequested();

        var counterparts = new List<Counterpart>();
        using (var cmd = QueryCmd(null, """
            SELECT b.name, b.country, COUNT(DISTINCT b.record_id) AS n
            FROM record_actors a JOIN record_actors b ON b.record_id = a.record_id AND b.kind = 'participant' AND b.name <> a.name
            WHERE a.name = $name AND b.name IS NOT NULL
            GROUP BY b.name, b.country
            ORDER BY n DESC, b.name
            """))
        {
            cmd.Parameters.AddWithValue("$name", canonical);
            using var r = cmd.ExecuteReader();
            while (r.Read()) counterparts.Add(new Counterpart(r.GetString(0), NullableString(r, 1), r.GetInt32(2)));
        }
        ct.ThrowIfCancellationRequested();

        const string mine = "r.id IN (SELECT record_id FROM record_actors WHERE name = $name)";
        int count;
        using (var cmd = QueryCmd(null, $"SELECT COUNT(*) FROM records r WHERE {mine}"))
        {
            cmd.Parameters.AddWithValue("$name", canonical);
            count = Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        using var list = QueryCmd(null, $"SELECT {SummaryColumns} FROM records r WHERE {mine} ORDER BY r.date IS NOT NULL DESC, r.date DESC, r.id DESC LIMIT $limit");
        list.Parameters.AddWithValue("$name", canonical);
        list.Parameters.AddWithValue("$limit", interactionLimit);
        return new ActorProfile(canonical, roles, counterparts, count, ReadSummaries(list, ct));
    }

    public DyadSummary GetDyad(string countryA, string countryB, int timelineLimit, CancellationToken ct = default) =>
        InSnapshot(() => _counts is null ? GetDyadCore(countryA, countryB, timelineLimit, ct)
            : _counts.GetOrRead(string.Create(CultureInfo.InvariantCulture, $"dyad\u0001{countryA}\u0001{countryB}\u0001{timelineLimit}"), StoreVersion(),
                () => GetDyadCore(countryA, countryB, timelineLimit, ct)), ct);

    private DyadSummary GetDyadCore(string countryA, string countryB, int timelineLimit, CancellationToken ct)
    {
        var a = countryA.Trim().ToUpperInvariant();
        var b = countryB.Trim().ToUpperInvariant();
        if (string.CompareOrdinal(a, b) > 0) (a, b) = (b, a);
        const string dyad = "r.id IN (SELECT record_id FROM record_dyads WHERE country_a = $a AND country_b = $b)";
        SqliteCommand DyadCmd(string sql)
        {
            var cmd = QueryCmd(null, sql);
            cmd.Parameters.AddWithValue("$a", a);
            cmd.Parameters.AddWithValue("$b", b);
            return cmd;
        }

        // every record of the pair once, newest first; counts, first, last and the timeline come from these rows
        List<SummaryRow> rows;
        using (var cmd = DyadCmd($"SELECT {SummaryColumns} FROM records r WHERE {dyad} ORDER BY r.date IS NOT NULL DESC, r.date DESC, r.id DESC"))
            rows = ReadRows(cmd);
        ct.ThrowIfCancellationRequested();
        var shape = SummaryRows.ShapeDyad(rows, timelineLimit);
        var shown = WithParticipants(shape.Shown, ct).ToDictionary(x => x.Id, StringComparer.Ordinal);

        var topics = new List<YearTopicCount>();
        using (var cmd = DyadCmd($"""
            SELECT {DatedYear} AS y, t.value AS topic, COUNT(*) AS n
            FROM records r
            JOIN interactions i ON i.record_id = r.id
            JOIN statements s ON s.interaction_id = i.id, json_each(s.statement_json, '$.topics') t
            WHERE {dyad}
            GROUP BY y, topic ORDER BY y IS NULL, y, n DESC, topic
            """))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) topics.Add(new YearTopicCount(r.IsDBNull(0) ? null : r.GetInt32(0), r.GetString(1), r.GetInt32(2)));

        return SummaryRows.Summary(a, b, shape, topics, shown);
    }

    public Page<SourceSummary> ListSources(int offset, int limit, CancellationToken ct = default) => InSnapshot(() => ListSourcesCore(offset, limit, ct), ct);

    private Page<SourceSummary> ListSourcesCore(int offset, int limit, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var total = Convert.ToInt32(QueryScalar(null, "SELECT COUNT(*) FROM documents"), CultureInfo.InvariantCulture);
        using var cmd = QueryCmd(null, """
            SELECT d.uri, d.title, d.published, d.content_hash, d.family_hash,
                   (SELECT COUNT(DISTINCT i.record_id) FROM interactions i WHERE i.document_id = d.id)
            FROM documents d ORDER BY d.id LIMIT $limit OFFSET $offset
            """);
        cmd.Parameters.AddWithValue("$limit", limit);
        cmd.Parameters.AddWithValue("$offset", offset);
        var list = new List<SourceSummary>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            ct.ThrowIfCancellationRequested();
            list.Add(new SourceSummary(r.GetString(0), NullableString(r, 1), NullableString(r, 2), r.GetString(3), NullableString(r, 4), r.GetInt32(5)));
        }
        return new Page<SourceSummary>(total, offset, limit, list);
    }

    // ---- full-text search (SQLite FTS5): the only SQLite-specific queries of this file ----

    /// <summary>Keeps the full-text index in step with <c>documents</c> (an external-content FTS5 table; schema step 4).</summary>
    private void IndexForSearch(SqliteTransaction tx, long documentId, string? title, string cleanText)
    {
        using var cmd = QueryCmd(tx, "INSERT INTO documents_fts(rowid, title, clean_text) VALUES ($id, $title, $text)");
        cmd.Parameters.AddWithValue("$id", documentId);
        cmd.Parameters.AddWithValue("$title", (object?)title ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$text", cleanText);
        cmd.ExecuteNonQuery();
    }

    /// <summary>SQL selecting the ids of documents matching the FTS5 expression bound to <paramref name="parameter"/>.</summary>
    private static string FtsDocumentIds(string parameter) => $"SELECT rowid FROM documents_fts WHERE documents_fts MATCH {parameter}";

    public Page<TextHit> SearchText(string query, int offset, int limit, CancellationToken ct = default) => InSnapshot(() => SearchTextCore(query, offset, limit, ct), ct);

    private Page<TextHit> SearchTextCore(string query, int offset, int limit, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var match = MatchExpression(query);
        if (match is null) return new Page<TextHit>(0, offset, limit, []);
        int total;
        using (var count = QueryCmd(null, $"SELECT COUNT(*) FROM ({FtsDocumentIds("$q")})"))
        {
            count.Parameters.AddWithValue("$q", match);
            total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        var hits = new List<(long Id, TextHit Hit)>();
        using (var cmd = QueryCmd(null, """
            SELECT d.id, d.uri, d.title, d.published, d.content_hash, snippet(documents_fts, 1, char(2), char(3), '…', 24)
            FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
            WHERE documents_fts MATCH $q ORDER BY rank, d.id LIMIT $limit OFFSET $offset
            """))
        {
            cmd.Parameters.AddWithValue("$q", match);
            cmd.Parameters.AddWithValue("$limit", limit);
            cmd.Parameters.AddWithValue("$offset", offset);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                hits.Add((r.GetInt64(0), new TextHit(r.GetString(1), NullableString(r, 2), NullableString(r, 3), r.GetString(4), r.GetString(5), [])));
        }
        ct.ThrowIfCancellationRequested();
        using var records = QueryCmd(null, "SELECT DISTINCT record_id FROM interactions WHERE document_id = $d AND record_id IS NOT NULL ORDER BY record_id");
        var pDoc = records.Parameters.Add("$d", SqliteType.Integer);
        var items = new List<TextHit>();
        foreach (var (id, hit) in hits)
        {
            pDoc.Value = id;
            var ids = new List<string>();
            using (var r = records.ExecuteReader()) while (r.Read()) ids.Add(r.GetString(0));
            items.Add(hit with { Records = ids });
        }
        return new Page<TextHit>(total, offset, limit, items);
    }

    /// <summary>
    /// The words of a user's query as an FTS5 expression: each word quoted (so punctuation and FTS5
    /// operators in the input are plain text), all required, the last one also as a prefix. Null when no word is left.
    /// </summary>
    public static string? MatchExpression(string query)
    {
        var words = SearchWords.Of(query);
        if (words.Count == 0) return null;
        return string.Join(" ", words.Select((w, n) => n == words.Count - 1 ? $"\"{w}\"*" : $"\"{w}\""));
    }

    // ---- helpers ----

    /// <summary>
    /// Runs several statements in one read transaction, so they all see the same commit: a page and its
    /// total, or a dyad's counts and timeline, agree even while a writer commits in between.
    /// </summary>
    /// <remarks>
    /// <paramref name="ct"/> interrupts the statement running when it fires (the client went away, or the
    /// request ran past its time limit): SQLite stops at its next step rather than finishing a long scan.
    /// </remarks>
    private T InSnapshot<T>(Func<T> read, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        ct.ThrowIfCancellationRequested();
        Exec("BEGIN");
        try
        {
            T result;
            using (ct.Register(() => SQLitePCL.raw.sqlite3_interrupt(_conn.Handle)))
                result = read();
            Exec("COMMIT");
            return result;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 9 && ct.IsCancellationRequested)   // SQLITE_INTERRUPT
        {
            Rollback();
            throw new OperationCanceledException("the query was interrupted", e, ct);
        }
        catch
        {
            Rollback();
            throw;
        }
    }

    private void Rollback()
    {
        // an interrupted statement may already have ended the transaction
        if (!_conn.Handle!.IsInvalid && SQLitePCL.raw.sqlite3_get_autocommit(_conn.Handle) == 0) Exec("ROLLBACK");
    }

    /// <param name="scanInOrder">test country membership per row (unary +, so SQLite walks the order's index) rather than look the country's records up.</param>
    private static string Where(InteractionFilter f, string? text, List<(string Name, object Value)> args, bool scanInOrder)
    {
        var sql = new StringBuilder(InteractionFilter.ReviewSql(f.Review, "r") + f.ConfidenceSql("r", postgres: false));
        if (!string.IsNullOrEmpty(f.Status)) { sql.Append(" AND r.status = $status"); args.Add(("$status", f.Status)); }
        if (!string.IsNullOrEmpty(f.Mode)) { sql.Append(" AND r.mode = $mode"); args.Add(("$mode", f.Mode)); }
        if (!string.IsNullOrEmpty(f.From) || !string.IsNullOrEmpty(f.To)) sql.Append(" AND r.date IS NOT NULL AND r.date NOT LIKE '--%'");
        if (!string.IsNullOrEmpty(f.From)) { sql.Append(" AND r.date >= $from"); args.Add(("$from", f.From)); }
        if (!string.IsNullOrEmpty(f.To))
        {
            // a prefix bound is inclusive of its whole period, as in the CLI
            sql.Append(" AND substr(r.date, 1, length($to)) <= $to");
            args.Add(("$to", f.To));
        }
        var n = 0;
        foreach (var actor in (f.Actors ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct())
        {
            var forms = f.FormsOf(actor);
            sql.Append($" AND EXISTS (SELECT 1 FROM record_actors a WHERE a.record_id = r.id AND a.kind = 'participant' AND ({string.Join(" OR ", forms.Select((_, k) => $"readout_icontains(a.name, $actor{n}_{k})"))}))");
            for (var k = 0; k < forms.Count; k++) args.Add(($"$actor{n}_{k}", forms[k]));
            n++;
        }
        var countries = (f.Countries ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        if (countries.Count == 2)
        {
            // a dyad: one range of record_dyads (the pair is stored smaller code first)
            var pair = countries.Order(StringComparer.Ordinal).ToList();
            sql.Append(" AND r.id IN (SELECT record_id FROM record_dyads WHERE country_a = $country0 AND country_b = $country1)");
            args.Add(("$country0", pair[0]));
            args.Add(("$country1", pair[1]));
        }
        else if (countries.Count > 0)
        {
            sql.Append($" AND {(scanInOrder ? "+" : "")}r.id IN (" + string.Join(" INTERSECT ", countries.Select((_, i) => $"SELECT record_id FROM record_actors WHERE country = $country{i} AND kind = 'participant'")) + ")");
            for (var i = 0; i < countries.Count; i++) args.Add(($"$country{i}", countries[i]));
        }
        if (MatchExpression(text ?? "") is { } match)
        {
            sql.Append($" AND r.id IN (SELECT i.record_id FROM interactions i WHERE i.document_id IN ({FtsDocumentIds("$text")}))");
            args.Add(("$text", match));
        }
        return sql.ToString();
    }

    private static void Bind(SqliteCommand cmd, List<(string Name, object Value)> args)
    {
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
    }

    /// <summary>Reads rows of <see cref="SummaryColumns"/>, then the participants of all of them in one query.</summary>
    private List<InteractionSummary> ReadSummaries(SqliteCommand cmd, CancellationToken ct)
    {
        var rows = ReadRows(cmd);
        ct.ThrowIfCancellationRequested();
        return WithParticipants(rows, ct);
    }

    private static List<SummaryRow> ReadRows(SqliteCommand cmd) => SummaryRows.Read(cmd);

    private List<InteractionSummary> WithParticipants(List<SummaryRow> rows, CancellationToken ct)
    {
        var participants = rows.ToDictionary(x => x.Id, _ => new List<Actor>(), StringComparer.Ordinal);
        foreach (var chunk in rows.Select(x => x.Id).Chunk(500))
        {
            ct.ThrowIfCancellationRequested();
            using var actors = QueryCmd(null, $"SELECT record_id, name, country, role FROM record_actors WHERE kind = 'participant' AND record_id IN ({string.Join(",", chunk.Select((_, n) => "$p" + n))}) ORDER BY rowid");
            for (var n = 0; n < chunk.Length; n++) actors.Parameters.AddWithValue("$p" + n, chunk[n]);
            using var r = actors.ExecuteReader();
            while (r.Read()) participants[r.GetString(0)].Add(new Actor(NullableString(r, 1) ?? "", NullableString(r, 2), NullableString(r, 3)));
        }
        return rows.Select(x => new InteractionSummary(x.Id, x.Status, x.Mode, x.Date, participants[x.Id], x.Location, x.Sources)).ToList();
    }

    private static string? NullableString(SqliteDataReader r, int ordinal) => SummaryRows.NullableString(r, ordinal);

    /// <summary>A SQLite command for the server's queries (which bind SQLite's own parameter types).</summary>
    private SqliteCommand QueryCmd(SqliteTransaction? tx, string sql)
    {
        var cmd = _conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private object? QueryScalar(SqliteTransaction? tx, string sql)
    {
        using var cmd = QueryCmd(tx, sql);
        return cmd.ExecuteScalar();
    }
}
