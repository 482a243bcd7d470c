using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using Readout.Documents;
using Readout.Extract;

namespace Readout.Store;

/// <summary>
/// The reads behind the HTTP server on PostgreSQL, giving what <see cref="SqliteStore"/>'s do: the same
/// filters, orders (the text columns use the "C" collation, so they sort as SQLite's binary order) and
/// pages. Full-text search uses PostgreSQL's text search on the generated <c>documents.search</c> vector
/// (migration 5): <c>to_tsquery</c> with every word required and the last also a prefix, <c>ts_rank</c>
/// for the order and <c>ts_headline</c> for the snippet.
/// </summary>
public sealed partial class PostgresStore : IStoreQueries
{
    private const string SummaryColumns = SummaryRows.Columns;
    private const string DatedYear = SummaryRows.DatedYear;
    private const string TsQuery = "to_tsquery('simple', @q)";

    // chr(2)/chr(3) are TextHit.MatchStart/MatchEnd; ts_headline's options cannot carry them literally in a constant string
    private const string HeadlineOptions = "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=\"…\"'";

    /// <summary>A per-request reader: connects through the pool, neither migrates nor fuses.</summary>
    private PostgresStore(NpgsqlConnectionStringBuilder builder)
    {
        RetryWindow = TimeSpan.FromSeconds(15);
        Name = $"postgres://{builder.Host}:{builder.Port}/{builder.Database}" + (string.IsNullOrEmpty(builder.SearchPath) ? "" : $" (schema {builder.SearchPath})");
        _connectionString = builder.ConnectionString;
        _writerLockKey = 0;
        _conn = new NpgsqlConnection(_connectionString);
    }

    /// <summary>
    /// Opens a database for reading only, through a pooled connection (cheap enough per request; read-only
    /// transactions, so a reader can never write). It neither migrates nor fuses, so the database must have
    /// been opened once by <see cref="PostgresStore(string, TimeSpan?)"/>.
    /// </summary>
    /// <exception cref="ReadoutException">RO5002 for a connection string that cannot be read; RO5001 when the
    /// server cannot be reached; RO2002 when the database has no Readout schema.</exception>
    public static PostgresStore OpenReader(string db)
    {
        ArgumentException.ThrowIfNullOrEmpty(db);
        var builder = ParseConnectionString(db);
        builder.Pooling = true;
        builder.Options = ((builder.Options ?? "") + " -c default_transaction_read_only=on").Trim();
        var reader = new PostgresStore(builder);
        try
        {
            var migrated = reader.Run(() => reader.Scalar(null, "SELECT to_regclass('schema_migrations') IS NOT NULL") is true, CancellationToken.None);
            if (!migrated)
                throw new ReadoutException(ErrorCodes.NoDatabase, reader.Name, "no Readout database here; run 'readout ingest --db ... PATH...' first");
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Refreshes the planner's statistics; a server calls it once at start (a store filled in one go has none yet).</summary>
    public void PrepareForServing()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        Run(() =>
        {
            using var cmd = Cmd(null, "ANALYZE documents, records, record_actors, record_dyads, interactions, statements");
            return cmd.ExecuteNonQuery();
        }, CancellationToken.None);
    }

    public Page<InteractionSummary> ListInteractions(InteractionQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return InSnapshot(() =>
        {
            var args = new List<(string Name, object Value)>();
            var where = Where(query.Filter, query.Text, args);
            int total;
            using (var count = Cmd(null, $"SELECT COUNT(*) FROM records r WHERE {where}"))
            {
                Bind(count, args);
                total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            ct.ThrowIfCancellationRequested();
            var order = query.Sort switch
            {
                InteractionSort.DateDescending => "r.date IS NOT NULL DESC, r.date DESC, r.id DESC",
                InteractionSort.MostSources => "r.source_count DESC, r.date IS NOT NULL DESC, r.date DESC, r.id DESC",
                _ => "r.date IS NULL, r.date, r.id",
            };
            using var page = Cmd(null, $"SELECT {SummaryColumns} FROM records r WHERE {where} ORDER BY {order} LIMIT @limit OFFSET @offset");
            Bind(page, args);
            Add(page, "limit", query.Limit);
            Add(page, "offset", query.Offset);
            return new Page<InteractionSummary>(total, query.Offset, query.Limit, ReadSummaries(page, ct));
        }, ct);
    }

    public FilterSummary Summarise(InteractionQuery query, CancellationToken ct = default) => InSnapshot(() =>
    {
        ArgumentNullException.ThrowIfNull(query);
        var args = new List<(string Name, object Value)>();
        var where = Where(query.Filter, query.Text, args);
        return FilterSummaries.Read(where, sql =>
        {
            var cmd = Cmd(null, sql);
            Bind(cmd, args);
            return cmd;
        }, ct);
    }, ct);

    public IReadOnlyList<InteractionSummary> SamePrincipals(string recordId, int limit, CancellationToken ct = default) => InSnapshot(() =>
    {
        using var cmd = Cmd(null, $"""
            SELECT {SummaryColumns} FROM records r
            WHERE r.block_key = (SELECT block_key FROM records WHERE id = @id) AND r.id <> @id
            ORDER BY r.date IS NOT NULL DESC, r.date DESC, r.id DESC LIMIT @limit
            """);
        Add(cmd, "id", recordId);
        Add(cmd, "limit", limit);
        return (IReadOnlyList<InteractionSummary>)ReadSummaries(cmd, ct);
    }, ct);

    public IReadOnlyList<ActorMatch> SearchActors(string text, int limit, CancellationToken ct = default) => InSnapshot(() =>
    {
        var filtered = !string.IsNullOrWhiteSpace(text);
        // name_fold is the folded name of the same row, so filtering rows equals SQLite's filtering of groups
        using var cmd = Cmd(null, $"""
            SELECT a.name, a.country, COUNT(DISTINCT a.record_id) AS n FROM record_actors a
            WHERE a.name IS NOT NULL {(filtered ? "AND " + ContainsSql("a.name_fold", "@text") : "")}
            GROUP BY a.name, a.country
            ORDER BY n DESC, a.name LIMIT @limit
            """);
        if (filtered) Add(cmd, "text", Fold(text.Trim()));
        Add(cmd, "limit", limit);
        var list = new List<ActorMatch>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            ct.ThrowIfCancellationRequested();
            list.Add(new ActorMatch(r.GetString(0), NullableString(r, 1), Int(r, 2)));
        }
        return (IReadOnlyList<ActorMatch>)list;
    }, ct);

    public ActorProfile? GetActor(string name, int interactionLimit, CancellationToken ct = default) => InSnapshot(() =>
    {
        string canonical;
        // SQLite's COLLATE NOCASE folds ASCII letters only; lower() under the "C" collation does the same
        using (var find = Cmd(null, "SELECT name FROM record_actors WHERE lower(name) = lower(@name) GROUP BY name ORDER BY COUNT(*) DESC LIMIT 1"))
        {
            Add(find, "name", name.Trim());
            if (find.ExecuteScalar() is not string found) return null;
            canonical = found;
        }

        var roles = new List<ActorRole>();
        using (var cmd = Cmd(null, """
            SELECT x.kind, x.role, x.country, x.first, x.last, x.n FROM (
                SELECT a.kind, a.role, a.country,
                       MIN(CASE WHEN r.date NOT LIKE '--%' THEN r.date END) AS first, MAX(CASE WHEN r.date NOT LIKE '--%' THEN r.date END) AS last,
                       COUNT(DISTINCT r.id) AS n
                FROM record_actors a JOIN records r ON r.id = a.record_id
                WHERE a.name = @name
                GROUP BY a.kind, a.role, a.country) x
            ORDER BY x.first IS NULL, x.first, x.kind DESC
            """))
        {
            Add(cmd, "name", canonical);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                roles.Add(new ActorRole(r.GetString(0), NullableString(r, 1), NullableString(r, 2), NullableString(r, 3), NullableString(r, 4), Int(r, 5)));
        }
        ct.ThrowIfCancellationRequested();

        var counterparts = new List<Counterpart>();
        using (var cmd = Cmd(null, """
            SELECT b.name, b.country, COUNT(DISTINCT b.record_id) AS n
            FROM record_actors a JOIN record_actors b ON b.record_id = a.record_id AND b.kind = 'participant' AND b.name <> a.name
            WHERE a.name = @name AND b.name IS NOT NULL
            GROUP BY b.name, b.country
            ORDER BY n DESC, b.name
            """))
        {
            Add(cmd, "name", canonical);
            using var r = cmd.ExecuteReader();
            while (r.Read()) counterparts.Add(new Counterpart(r.GetString(0), NullableString(r, 1), Int(r, 2)));
        }
        ct.ThrowIfCancellationRequested();

        const string mine = "r.id IN (SELECT record_id FROM record_actors WHERE name = @name)";
        int count;
        using (var cmd = Cmd(null, $"SELECT COUNT(*) FROM records r WHERE {mine}"))
        {
            Add(cmd, "name", canonical);
            count = Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        using var list = Cmd(null, $"SELECT {SummaryColumns} FROM records r WHERE {mine} ORDER BY r.date IS NOT NULL DESC, r.date DESC, r.id DESC LIMIT @limit");
        Add(list, "name", canonical);
        Add(list, "limit", interactionLimit);
        return new ActorProfile(canonical, roles, counterparts, count, ReadSummaries(list, ct));
    }, ct);

    public DyadSummary GetDyad(string countryA, string countryB, int timelineLimit, CancellationToken ct = default) => InSnapshot(() =>
    {
        var a = countryA.Trim().ToUpperInvariant();
        var b = countryB.Trim().ToUpperInvariant();
        if (string.CompareOrdinal(a, b) > 0) (a, b) = (b, a);
        const string dyad = "r.id IN (SELECT record_id FROM record_dyads WHERE country_a = @a AND country_b = @b)";
        DbCommand DyadCmd(string sql)
        {
            var cmd = Cmd(null, sql);
            Add(cmd, "a", a);
            Add(cmd, "b", b);
            return cmd;
        }

        List<SummaryRow> rows;
        using (var cmd = DyadCmd($"SELECT {SummaryColumns} FROM records r WHERE {dyad} ORDER BY r.date IS NOT NULL DESC, r.date DESC, r.id DESC"))
            rows = ReadRows(cmd);
        ct.ThrowIfCancellationRequested();
        var shape = SummaryRows.ShapeDyad(rows, timelineLimit);
        var shown = WithParticipants(shape.Shown, ct).ToDictionary(x => x.Id, StringComparer.Ordinal);

        // a statement without a topics array contributes no topic (jsonb_array_elements_text rejects a scalar)
        var topics = new List<YearTopicCount>();
        using (var cmd = DyadCmd($"""
            SELECT x.y, x.topic, x.n FROM (
                SELECT {DatedYear} AS y, t.value AS topic, COUNT(*) AS n
                FROM records r
                JOIN interactions i ON i.record_id = r.id
                JOIN statements s ON s.interaction_id = i.id
                CROSS JOIN LATERAL jsonb_array_elements_text(
                    CASE WHEN jsonb_typeof(s.statement_json::jsonb -> 'topics') = 'array' THEN s.statement_json::jsonb -> 'topics' ELSE '[]'::jsonb END) AS t(value)
                WHERE {dyad}
                GROUP BY 1, 2) x
            ORDER BY x.y IS NULL, x.y, x.n DESC, x.topic COLLATE "C"
            """))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) topics.Add(new YearTopicCount(r.IsDBNull(0) ? null : Int(r, 0), r.GetString(1), Int(r, 2)));

        return SummaryRows.Summary(a, b, shape, topics, shown);
    }, ct);

    public Page<SourceSummary> ListSources(int offset, int limit, CancellationToken ct = default) => InSnapshot(() =>
    {
        var total = Convert.ToInt32(Scalar(null, "SELECT COUNT(*) FROM documents"), CultureInfo.InvariantCulture);
        using var cmd = Cmd(null, """
            SELECT d.uri, d.title, d.published, d.content_hash, d.family_hash,
                   (SELECT COUNT(DISTINCT i.record_id) FROM interactions i WHERE i.document_id = d.id)
            FROM documents d ORDER BY d.id LIMIT @limit OFFSET @offset
            """);
        Add(cmd, "limit", limit);
        Add(cmd, "offset", offset);
        var list = new List<SourceSummary>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            ct.ThrowIfCancellationRequested();
            list.Add(new SourceSummary(r.GetString(0), NullableString(r, 1), NullableString(r, 2), r.GetString(3), NullableString(r, 4), Int(r, 5)));
        }
        return new Page<SourceSummary>(total, offset, limit, list);
    }, ct);

    public Page<TextHit> SearchText(string query, int offset, int limit, CancellationToken ct = default)
    {
        var tsquery = TsQueryExpression(query);
        if (tsquery is null) return new Page<TextHit>(0, offset, limit, []);
        return InSnapshot(() =>
        {
            int total;
            using (var count = Cmd(null, $"SELECT COUNT(*) FROM documents WHERE search @@ {TsQuery}"))
            {
                Add(count, "q", tsquery);
                total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            var hits = new List<(long Id, TextHit Hit)>();
            using (var cmd = Cmd(null, $"""
                SELECT d.id, d.uri, d.title, d.published, d.content_hash, ts_headline('simple', d.clean_text, q.query, {HeadlineOptions})
                FROM documents d, {TsQuery} AS q(query)
                WHERE d.search @@ q.query ORDER BY ts_rank(d.search, q.query) DESC, d.id LIMIT @limit OFFSET @offset
                """))
            {
                Add(cmd, "q", tsquery);
                Add(cmd, "limit", limit);
                Add(cmd, "offset", offset);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                    hits.Add((r.GetInt64(0), new TextHit(r.GetString(1), NullableString(r, 2), NullableString(r, 3), r.GetString(4), r.GetString(5), [])));
            }
            ct.ThrowIfCancellationRequested();
            using var records = Cmd(null, "SELECT DISTINCT record_id FROM interactions WHERE document_id = @d AND record_id IS NOT NULL ORDER BY record_id");
            var pDoc = Add(records, "d", 0L);
            var items = new List<TextHit>();
            foreach (var (id, hit) in hits)
            {
                pDoc.Value = id;
                var ids = new List<string>();
                using (var r = records.ExecuteReader()) while (r.Read()) ids.Add(r.GetString(0));
                items.Add(hit with { Records = ids });
            }
            return new Page<TextHit>(total, offset, limit, items);
        }, ct);
    }

    /// <summary>
    /// The words of a user's query as a <c>to_tsquery</c> expression: each word quoted (so operators in the
    /// input are plain text), all required (<c>&amp;</c>), the last one also as a prefix (<c>:*</c>), as
    /// <see cref="SqliteStore.MatchExpression"/> does for FTS5. Null when no word is left.
    /// </summary>
    public static string? TsQueryExpression(string query)
    {
        var words = SearchWords.Of(query);
        if (words.Count == 0) return null;
        return string.Join(" & ", words.Select((w, n) => n == words.Count - 1 ? $"'{w}':*" : $"'{w}'"));
    }

    // ---- helpers ----

    /// <summary>
    /// Runs several statements in one repeatable-read transaction, so they all see the same snapshot: a page
    /// and its total, or a dyad's counts and timeline, agree even while a writer commits in between. A
    /// lost connection retries the whole read.
    /// </summary>
    private T InSnapshot<T>(Func<T> read, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return Run(() =>
        {
            using var tx = _conn.BeginTransaction(IsolationLevel.RepeatableRead);
            var result = read();
            tx.Commit();
            return result;
        }, ct);
    }

    private string Where(InteractionFilter f, string? text, List<(string Name, object Value)> args)
    {
        var sql = new StringBuilder(InteractionFilter.ReviewSql(f.Review, "r") + f.ConfidenceSql("r", postgres: true));
        if (!string.IsNullOrEmpty(f.Status)) { sql.Append(" AND r.status = @status"); args.Add(("status", f.Status)); }
        if (!string.IsNullOrEmpty(f.Mode)) { sql.Append(" AND r.mode = @mode"); args.Add(("mode", f.Mode)); }
        if (!string.IsNullOrEmpty(f.From) || !string.IsNullOrEmpty(f.To)) sql.Append(" AND r.date IS NOT NULL AND r.date NOT LIKE '--%'");
        if (!string.IsNullOrEmpty(f.From)) { sql.Append(" AND r.date >= @from"); args.Add(("from", f.From)); }
        if (!string.IsNullOrEmpty(f.To))
        {
            // a prefix bound is inclusive of its whole period, as in the CLI
            sql.Append(" AND substr(r.date, 1, length(@to)) <= @to");
            args.Add(("to", f.To));
        }
        var n = 0;
        foreach (var actor in (f.Actors ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct())
        {
            var forms = f.FormsOf(actor);
            sql.Append($" AND EXISTS (SELECT 1 FROM record_actors a WHERE a.record_id = r.id AND a.kind = 'participant' AND ({string.Join(" OR ", forms.Select((_, k) => ContainsSql("a.name_fold", $"@actor{n}_{k}")))}))");
            for (var k = 0; k < forms.Count; k++) args.Add(($"actor{n}_{k}", Fold(forms[k])));
            n++;
        }
        var countries = (f.Countries ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        if (countries.Count == 2)
        {
            var pair = countries.Order(StringComparer.Ordinal).ToList();
            sql.Append(" AND r.id IN (SELECT record_id FROM record_dyads WHERE country_a = @country0 AND country_b = @country1)");
            args.Add(("country0", pair[0]));
            args.Add(("country1", pair[1]));
        }
        else if (countries.Count > 0)
        {
            sql.Append(" AND r.id IN (" + string.Join(" INTERSECT ", countries.Select((_, i) => $"SELECT record_id FROM record_actors WHERE country = @country{i} AND kind = 'participant'")) + ")");
            for (var i = 0; i < countries.Count; i++) args.Add(($"country{i}", countries[i]));
        }
        if (TsQueryExpression(text ?? "") is { } match)
        {
            sql.Append(" AND r.id IN (SELECT i.record_id FROM interactions i WHERE i.document_id IN (SELECT id FROM documents WHERE search @@ to_tsquery('simple', @text)))");
            args.Add(("text", match));
        }
        return sql.ToString();
    }

    private static void Bind(DbCommand cmd, List<(string Name, object Value)> args)
    {
        foreach (var (name, value) in args) Add(cmd, name, value);
    }

    private List<InteractionSummary> ReadSummaries(DbCommand cmd, CancellationToken ct)
    {
        var rows = ReadRows(cmd);
        ct.ThrowIfCancellationRequested();
        return WithParticipants(rows, ct);
    }

    private static List<SummaryRow> ReadRows(DbCommand cmd) => SummaryRows.Read(cmd);

    /// <summary>
    /// The participants of the rows, in the record's own order. PostgreSQL has no insertion-ordered rowid
    /// to sort record_actors by, so they are read from the record's JSON, which holds them in that order.
    /// </summary>
    private List<InteractionSummary> WithParticipants(List<SummaryRow> rows, CancellationToken ct)
    {
        var participants = rows.ToDictionary(x => x.Id, _ => new List<Actor>(), StringComparer.Ordinal);
        foreach (var chunk in rows.Select(x => x.Id).Chunk(500))
        {
            ct.ThrowIfCancellationRequested();
            using var actors = Cmd(null, $"""
                SELECT r.id, p.value ->> 'name', p.value ->> 'country', p.value ->> 'role'
                FROM records r CROSS JOIN LATERAL jsonb_array_elements(r.record_json::jsonb -> 'participants') WITH ORDINALITY AS p(value, n)
                WHERE r.id IN ({string.Join(",", chunk.Select((_, n) => "@p" + n))})
                ORDER BY r.id, p.n
                """);
            for (var n = 0; n < chunk.Length; n++) Add(actors, "p" + n, chunk[n]);
            using var r = actors.ExecuteReader();
            while (r.Read()) participants[r.GetString(0)].Add(new Actor(NullableString(r, 1) ?? "", NullableString(r, 2), NullableString(r, 3)));
        }
        return rows.Select(x => new InteractionSummary(x.Id, x.Status, x.Mode, x.Date, participants[x.Id], x.Location, x.Sources)).ToList();
    }

    private static string? NullableString(DbDataReader r, int ordinal) => SummaryRows.NullableString(r, ordinal);

    /// <summary>PostgreSQL counts are bigint; the API's are int.</summary>
    private static int Int(DbDataReader r, int ordinal) => Convert.ToInt32(r.GetValue(ordinal), CultureInfo.InvariantCulture);
}
