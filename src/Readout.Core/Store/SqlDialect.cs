namespace Readout.Store;

/// <summary>
/// What the store's read SQL writes differently on each backend. Everything else — the filter
/// (<see cref="FilterSql"/>), the list, actor, dyad, source and search queries (<c>AdoStore.Queries.cs</c>) — is
/// written once over these pieces. Parameters are named <c>@name</c> on both backends.
/// </summary>
internal abstract class SqlDialect
{
    public static SqlDialect Sqlite { get; } = new SqliteDialect();
    public static SqlDialect Postgres { get; } = new PostgresDialect();

    /// <summary>True when <paramref name="haystack"/> contains <paramref name="needle"/> (both folded already).</summary>
    public abstract string Contains(string haystack, string needle);

    /// <summary>The number under <paramref name="key"/> of the JSON text in <paramref name="column"/>.</summary>
    public abstract string JsonNumber(string column, string key);

    /// <summary>
    /// <paramref name="expression"/> in a form the planner will not look up by index, so it walks the list order's
    /// index instead (SQLite's unary <c>+</c>); where the planner needs no such hint, the expression itself.
    /// </summary>
    public abstract string NotIndexed(string expression);

    /// <summary>Whether <see cref="NotIndexed"/> changes anything (so a list query is worth planning twice).</summary>
    public abstract bool HasIndexHint { get; }

    /// <summary>Text equality ignoring the case of ASCII letters, as SQLite's <c>COLLATE NOCASE</c>.</summary>
    public abstract string EqualsIgnoringCase(string column, string parameter);

    /// <summary><paramref name="column"/> for ORDER BY in binary order (PostgreSQL's default collation is not).</summary>
    public abstract string BinaryOrder(string column);

    /// <summary>A user's search words as the backend's full-text query; null when no word is left.</summary>
    public abstract string? TextQuery(string userQuery);

    /// <summary>SQL selecting the ids of the documents matching the full-text query bound to <paramref name="parameter"/>.</summary>
    public abstract string DocumentsMatching(string parameter);

    /// <summary>
    /// The best matches of the full-text query <c>@q</c>, a page (<c>@limit</c>, <c>@offset</c>): the document's id,
    /// uri, title, published, content hash and a snippet with the matches between <see cref="TextHit.MatchStart"/>
    /// and <see cref="TextHit.MatchEnd"/>.
    /// </summary>
    public abstract string SearchHits { get; }

    /// <summary>
    /// Joins, after <c>statements s</c>, each topic of a statement as <c>t.value</c> (a statement without a
    /// topics array gives none).
    /// </summary>
    public abstract string StatementTopics { get; }

    /// <summary>
    /// The participants of the records whose ids are <paramref name="idList"/> (a list of parameters), as rows of
    /// record id, name, country, role, in each record's own order.
    /// </summary>
    public abstract string Participants(string idList);

    private sealed class SqliteDialect : SqlDialect
    {
        public override string Contains(string haystack, string needle) => $"instr({haystack}, {needle}) > 0";
        public override string JsonNumber(string column, string key) => $"json_extract({column}, '$.{key}')";
        public override string NotIndexed(string expression) => "+" + expression;
        public override bool HasIndexHint => true;
        public override string EqualsIgnoringCase(string column, string parameter) => $"{column} = {parameter} COLLATE NOCASE";
        public override string BinaryOrder(string column) => column;

        /// <summary>
        /// An FTS5 expression: each word quoted (so punctuation and FTS5 operators in the input are plain text),
        /// all required, the last one also as a prefix.
        /// </summary>
        public override string? TextQuery(string userQuery)
        {
            var words = SearchWords.Of(userQuery);
            if (words.Count == 0) return null;
            return string.Join(" ", words.Select((w, n) => n == words.Count - 1 ? $"\"{w}\"*" : $"\"{w}\""));
        }

        public override string DocumentsMatching(string parameter) => $"SELECT rowid FROM documents_fts WHERE documents_fts MATCH {parameter}";

        public override string SearchHits => """
            SELECT d.id, d.uri, d.title, d.published, d.content_hash, snippet(documents_fts, 1, char(2), char(3), '…', 24)
            FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
            WHERE documents_fts MATCH @q ORDER BY rank, d.id LIMIT @limit OFFSET @offset
            """;

        public override string StatementTopics => ", json_each(s.statement_json, '$.topics') t";

        // record_actors keeps the record's order in its rowid
        public override string Participants(string idList) =>
            $"SELECT record_id, name, country, role FROM record_actors WHERE kind = 'participant' AND record_id IN ({idList}) ORDER BY rowid";
    }

    private sealed class PostgresDialect : SqlDialect
    {
        // chr(2)/chr(3) are TextHit.MatchStart/MatchEnd; ts_headline's options cannot carry them literally in a constant string
        private const string HeadlineOptions =
            "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=\"…\"'";

        public override string Contains(string haystack, string needle) => $"strpos({haystack}, {needle}) > 0";
        public override string JsonNumber(string column, string key) => $"(({column})::json->>'{key}')::double precision";
        public override string NotIndexed(string expression) => expression;
        public override bool HasIndexHint => false;

        // lower() under the "C" collation folds ASCII letters only, as SQLite's NOCASE
        public override string EqualsIgnoringCase(string column, string parameter) => $"lower({column}) = lower({parameter})";
        public override string BinaryOrder(string column) => column + " COLLATE \"C\"";

        /// <summary>
        /// A <c>to_tsquery</c> expression: each word quoted (so operators in the input are plain text), all
        /// required (<c>&amp;</c>), the last one also as a prefix (<c>:*</c>).
        /// </summary>
        public override string? TextQuery(string userQuery)
        {
            var words = SearchWords.Of(userQuery);
            if (words.Count == 0) return null;
            return string.Join(" & ", words.Select((w, n) => n == words.Count - 1 ? $"'{w}':*" : $"'{w}'"));
        }

        public override string DocumentsMatching(string parameter) => $"SELECT id FROM documents WHERE search @@ to_tsquery('simple', {parameter})";

        public override string SearchHits => $"""
            SELECT d.id, d.uri, d.title, d.published, d.content_hash, ts_headline('simple', d.clean_text, q.query, {HeadlineOptions})
            FROM documents d, to_tsquery('simple', @q) AS q(query)
            WHERE d.search @@ q.query ORDER BY ts_rank(d.search, q.query) DESC, d.id LIMIT @limit OFFSET @offset
            """;

        // jsonb_array_elements_text rejects a scalar, so a statement without a topics array contributes none
        public override string StatementTopics => """
             CROSS JOIN LATERAL jsonb_array_elements_text(
                CASE WHEN jsonb_typeof(s.statement_json::jsonb -> 'topics') = 'array' THEN s.statement_json::jsonb -> 'topics' ELSE '[]'::jsonb END) AS t(value)
            """;

        // PostgreSQL has no insertion-ordered rowid, so the participants come from the record's JSON, which holds them in order
        public override string Participants(string idList) => $"""
            SELECT r.id, p.value ->> 'name', p.value ->> 'country', p.value ->> 'role'
            FROM records r CROSS JOIN LATERAL jsonb_array_elements(r.record_json::jsonb -> 'participants') WITH ORDINALITY AS p(value, n)
            WHERE r.id IN ({idList})
            ORDER BY r.id, p.n
            """;
    }
}
