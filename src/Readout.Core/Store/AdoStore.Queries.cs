using System.Data.Common;
using System.Globalization;
using Readout.Extract;

namespace Readout.Store;

/// <summary>
/// The reads behind the HTTP server — pages of records, actors, dyads, sources, full-text search, the review
/// queue's neighbours — written once for both backends. The filter is <see cref="FilterSql"/>; what the SQL
/// writes differently is the backend's <see cref="Dialect"/>; how a read sees one snapshot (and how a request's
/// cancellation interrupts it) is the backend's <see cref="InSnapshot{T}"/>.
/// </summary>
public abstract partial class AdoStore : IStoreQueries
{
    private const string SummaryColumns = SummaryRows.Columns;
    private const string NewestFirst = "r.date IS NOT NULL DESC, r.date DESC, r.id DESC";

    /// <summary>What this backend's SQL writes differently.</summary>
    private protected abstract SqlDialect Dialect { get; }

    /// <summary>List totals and dyad summaries kept between requests (a SQLite server's readers share one), or null to read every time.</summary>
    private protected virtual CountCache? SharedCounts => null;

    /// <summary>
    /// Runs several statements in one read transaction, so they all see the same commit: a page and its total,
    /// or a dyad's counts and timeline, agree even while a writer commits in between. <paramref name="ct"/>
    /// interrupts the read when it fires (the client went away, or the request ran past its time limit).
    /// </summary>
    private protected abstract T InSnapshot<T>(Func<T> read, CancellationToken ct);

    /// <summary>The store's version for cached results: the newest report's and the newest review's ids (every write adds one of them).</summary>
    private long StoreVersion() => Convert.ToInt64(Scalar(null,
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM documents) * 4294967296 + (SELECT COALESCE(MAX(id), 0) FROM reviews)"), CultureInfo.InvariantCulture);

    public Page<InteractionSummary> ListInteractions(InteractionQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return InSnapshot(() =>
        {
            var filter = FilterSql.Build(query.Filter, query.Text, Dialect);
            var countSql = $"SELECT COUNT(*) FROM records r WHERE {filter.Where}";
            int Count()
            {
                using var count = FilterCmd(countSql, filter);
                return Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            var total = SharedCounts is null ? Count() : SharedCounts.GetOrCount(countSql + "\u0001" + filter.CacheKey, StoreVersion(), Count);
            ct.ThrowIfCancellationRequested();
            if (Dialect.HasIndexHint && query.Filter.Countries is { Count: 1 })
            {
                // One country's records are many: reading them all to sort them costs more than walking the
                // order's index until the page is full, which takes about (offset + limit) * records / total steps.
                var all = Convert.ToInt32(Scalar(null, "SELECT COUNT(*) FROM records"), CultureInfo.InvariantCulture);
                if (total > 0 && (long)(query.Offset + query.Limit) * all / total < total)
                    filter = FilterSql.Build(query.Filter, query.Text, Dialect, scanInOrder: true);
            }
            var order = query.Sort switch
            {
                InteractionSort.DateDescending => NewestFirst,
                InteractionSort.MostSources => "r.source_count DESC, " + NewestFirst,
                _ => "r.date IS NULL, r.date, r.id",
            };
            using var page = FilterCmd($"SELECT {SummaryColumns} FROM records r WHERE {filter.Where} ORDER BY {order} LIMIT @limit OFFSET @offset", filter);
            Add(page, "limit", query.Limit);
            Add(page, "offset", query.Offset);
            return new Page<InteractionSummary>(total, query.Offset, query.Limit, ReadSummaries(page, ct));
        }, ct);
    }

    public FilterSummary Summarise(InteractionQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return InSnapshot(() =>
        {
            var filter = FilterSql.Build(query.Filter, query.Text, Dialect);
            FilterSummary Read() => FilterSummaries.Read(filter.Where, sql => FilterCmd(sql, filter), ct);
            return SharedCounts is null ? Read() : SharedCounts.GetOrRead("summary\u0001" + filter.CacheKey, StoreVersion(), Read);
        }, ct);
    }

    public IReadOnlyList<InteractionSummary> SamePrincipals(string recordId, int limit, CancellationToken ct = default) => InSnapshot(() =>
    {
        using var cmd = Cmd(null, $"""
            SELECT {SummaryColumns} FROM records r
            WHERE r.block_key = (SELECT block_key FROM records WHERE id = @id) AND r.id <> @id
            ORDER BY {NewestFirst} LIMIT @limit
            """);
        Add(cmd, "id", recordId);
        Add(cmd, "limit", limit);
        return (IReadOnlyList<InteractionSummary>)ReadSummaries(cmd, ct);
    }, ct);

    /// <remarks>Run in a snapshot so that <paramref name="ct"/> interrupts it: it looks at every actor's name (found by the query fuzzer).</remarks>
    public IReadOnlyList<ActorMatch> SearchActors(string text, int limit, CancellationToken ct = default) => InSnapshot(() =>
    {
        var filtered = !string.IsNullOrWhiteSpace(text);
        // name_fold is the folded name of the same row, so filtering rows is filtering the groups of names
        using var cmd = Cmd(null, $"""
            SELECT a.name, a.country, COUNT(DISTINCT a.record_id) AS n FROM record_actors a
            WHERE a.name IS NOT NULL {(filtered ? "AND " + Dialect.Contains("a.name_fold", "@text") : "")}
            GROUP BY a.name, a.country
            ORDER BY n DESC, a.name LIMIT @limit
            """);
        if (filtered) Add(cmd, "text", Fold(text.Trim()));
        Add(cmd, "limit", limit);
        return ReadActorMatches(cmd, ct);
    }, ct);

    public IReadOnlyList<ActorMatch> ActorsNamed(IReadOnlyList<string> names, int limit, CancellationToken ct = default) => InSnapshot(() =>
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0) return (IReadOnlyList<ActorMatch>)[];
        var list = string.Join(", ", names.Select((_, i) => "@n" + i.ToString(CultureInfo.InvariantCulture)));
        using var cmd = Cmd(null, $"""
            SELECT a.name, a.country, COUNT(DISTINCT a.record_id) AS n FROM record_actors a
            WHERE a.name IN ({list})
            GROUP BY a.name, a.country
            ORDER BY n DESC, a.name LIMIT @limit
            """);
        for (var i = 0; i < names.Count; i++) Add(cmd, "n" + i.ToString(CultureInfo.InvariantCulture), names[i]);
        Add(cmd, "limit", limit);
        return ReadActorMatches(cmd, ct);
    }, ct);

    /// <summary>Rows of (name, country, interactions), read with the request's cancellation checked between rows.</summary>
    private static IReadOnlyList<ActorMatch> ReadActorMatches(DbCommand cmd, CancellationToken ct)
    {
        var found = new List<ActorMatch>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            ct.ThrowIfCancellationRequested();
            found.Add(new ActorMatch(r.GetString(0), NullableString(r, 1), Int(r, 2)));
        }
        return found;
    }

    public ActorProfile? GetActor(string name, int interactionLimit, CancellationToken ct = default) => InSnapshot(() =>
    {
        ArgumentNullException.ThrowIfNull(name);
        string canonical;
        using (var find = Cmd(null, $"SELECT name FROM record_actors WHERE {Dialect.EqualsIgnoringCase("name", "@name")} GROUP BY name ORDER BY COUNT(*) DESC LIMIT 1"))
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
                roles.Add(new ActorRole(Codes.ActorKind.Parse(r.GetString(0)), Codes.Office.ParseSpelledOrNull(NullableString(r, 1)),
                    NullableString(r, 2), NullableString(r, 3), NullableString(r, 4), Int(r, 5)));
        }
        ct.ThrowIfCancellationRequested();

        var counterparts = new List<Counterpart>();
        using (var cmd = Cmd(null, $"""
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
        using var list = Cmd(null, $"SELECT {SummaryColumns} FROM records r WHERE {mine} ORDER BY {NewestFirst} LIMIT @limit");
        Add(list, "name", canonical);
        Add(list, "limit", interactionLimit);
        return new ActorProfile(canonical, roles, counterparts, count, ReadSummaries(list, ct));
    }, ct);

    public DyadSummary GetDyad(string countryA, string countryB, int timelineLimit, CancellationToken ct = default) =>
        InSnapshot(() => SharedCounts is null ? GetDyadCore(countryA, countryB, timelineLimit, ct)
            : SharedCounts.GetOrRead(string.Create(CultureInfo.InvariantCulture, $"dyad\u0001{countryA}\u0001{countryB}\u0001{timelineLimit}"), StoreVersion(),
                () => GetDyadCore(countryA, countryB, timelineLimit, ct)), ct);

    private DyadSummary GetDyadCore(string countryA, string countryB, int timelineLimit, CancellationToken ct)
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

        // every record of the pair once, newest first; counts, first, last and the timeline come from these rows
        List<SummaryRow> rows;
        using (var cmd = DyadCmd($"SELECT {SummaryColumns} FROM records r WHERE {dyad} ORDER BY {NewestFirst}"))
            rows = SummaryRows.Read(cmd);
        ct.ThrowIfCancellationRequested();
        var shape = SummaryRows.ShapeDyad(rows, timelineLimit);
        var shown = WithParticipants(shape.Shown, ct).ToDictionary(x => x.Id, StringComparer.Ordinal);

        var topics = new List<YearTopicCount>();
        using (var cmd = DyadCmd($"""
            SELECT x.y, x.topic, x.n FROM (
                SELECT {SummaryRows.DatedYear} AS y, t.value AS topic, COUNT(*) AS n
                FROM records r
                JOIN interactions i ON i.record_id = r.id
                JOIN statements s ON s.interaction_id = i.id {Dialect.StatementTopics}
                WHERE {dyad}
                GROUP BY 1, 2) x
            ORDER BY x.y IS NULL, x.y, x.n DESC, {Dialect.BinaryOrder("x.topic")}
            """))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) topics.Add(new YearTopicCount(r.IsDBNull(0) ? null : Int(r, 0), r.GetString(1), Int(r, 2)));

        return SummaryRows.Summary(a, b, shape, topics, shown);
    }

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
        var match = Dialect.TextQuery(query);
        if (match is null) return new Page<TextHit>(0, offset, limit, []);
        return InSnapshot(() =>
        {
            int total;
            using (var count = Cmd(null, $"SELECT COUNT(*) FROM ({Dialect.DocumentsMatching("@q")}) m"))
            {
                Add(count, "q", match);
                total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            var hits = new List<(long Id, TextHit Hit)>();
            using (var cmd = Cmd(null, Dialect.SearchHits))
            {
                Add(cmd, "q", match);
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

    /// <summary>A command over <paramref name="sql"/> with the filter's parameters bound.</summary>
    private DbCommand FilterCmd(string sql, FilterSql filter)
    {
        var cmd = Cmd(null, sql);
        foreach (var (name, value) in filter.Args) Add(cmd, name, value);
        return cmd;
    }

    /// <summary>Reads rows of <see cref="SummaryColumns"/>, then the participants of all of them.</summary>
    private List<InteractionSummary> ReadSummaries(DbCommand cmd, CancellationToken ct)
    {
        var rows = SummaryRows.Read(cmd);
        ct.ThrowIfCancellationRequested();
        return WithParticipants(rows, ct);
    }

    private List<InteractionSummary> WithParticipants(List<SummaryRow> rows, CancellationToken ct)
    {
        var participants = rows.ToDictionary(x => x.Id, _ => new List<Actor>(), StringComparer.Ordinal);
        foreach (var chunk in rows.Select(x => x.Id).Chunk(500))
        {
            ct.ThrowIfCancellationRequested();
            using var actors = Cmd(null, Dialect.Participants(string.Join(",", chunk.Select((_, n) => "@p" + n.ToString(CultureInfo.InvariantCulture)))));
            for (var n = 0; n < chunk.Length; n++) Add(actors, "p" + n.ToString(CultureInfo.InvariantCulture), chunk[n]);
            using var r = actors.ExecuteReader();
            while (r.Read())
                participants[r.GetString(0)].Add(
                    new Actor(NullableString(r, 1) ?? "", NullableString(r, 2), Codes.Office.ParseSpelledOrNull(NullableString(r, 3))));
        }
        return rows.Select(x => new InteractionSummary(x.Id, x.Status, x.Mode, x.Date, participants[x.Id], x.Location, x.Sources)).ToList();
    }

    private static string? NullableString(DbDataReader r, int ordinal) => SummaryRows.NullableString(r, ordinal);

    /// <summary>PostgreSQL counts are bigint, SQLite's integers; the API's are int.</summary>
    private static int Int(DbDataReader r, int ordinal) => Convert.ToInt32(r.GetValue(ordinal), CultureInfo.InvariantCulture);
}
