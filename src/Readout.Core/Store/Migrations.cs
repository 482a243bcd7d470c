namespace Readout.Store;

/// <summary>
/// The schema, as an ordered list of steps. Step i brings the database to version i + 1. Never edit a
/// released step: append a new one.
/// </summary>
internal static partial class Migrations
{
    /// <summary>The steps on SQLite.</summary>
    public static readonly IReadOnlyList<string> Sqlite =
    [
        // 1: documents, interactions and the actors of each interaction
        """
        CREATE TABLE documents (
            id           INTEGER PRIMARY KEY,
            content_hash TEXT UNIQUE NOT NULL,
            uri          TEXT NOT NULL,
            title        TEXT,
            published    TEXT,
            format       TEXT,
            clean_text   TEXT NOT NULL
        );
        CREATE TABLE interactions (
            id          TEXT PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            status      TEXT,
            mode        TEXT,
            date        TEXT,
            date_basis  TEXT,
            city        TEXT,
            country     TEXT,
            venue       TEXT,
            record_json TEXT NOT NULL
        );
        CREATE TABLE interaction_actors (
            interaction_id TEXT NOT NULL REFERENCES interactions(id),
            kind           TEXT NOT NULL, -- participant | attendee
            name           TEXT,
            country        TEXT,
            role           TEXT
        );
        CREATE INDEX ix_interactions_date     ON interactions(date);
        CREATE INDEX ix_interactions_mode     ON interactions(mode);
        CREATE INDEX ix_interactions_document ON interactions(document_id);
        CREATE INDEX ix_actors_interaction    ON interaction_actors(interaction_id);
        CREATE INDEX ix_actors_name           ON interaction_actors(name COLLATE NOCASE);
        CREATE INDEX ix_actors_country        ON interaction_actors(country);
        """,
        // 2: fusion — near-duplicate families, one record per real interaction, aliases of merged records
        """
        ALTER TABLE documents ADD COLUMN family_hash TEXT;
        ALTER TABLE documents ADD COLUMN minhash BLOB;
        UPDATE documents SET family_hash = content_hash;
        CREATE INDEX ix_documents_family ON documents(family_hash);
        CREATE TABLE document_bands (
            band_key    INTEGER NOT NULL,
            document_id INTEGER NOT NULL REFERENCES documents(id)
        );
        CREATE INDEX ix_document_bands ON document_bands(band_key);
        ALTER TABLE interactions ADD COLUMN block_key TEXT;
        ALTER TABLE interactions ADD COLUMN record_id TEXT;
        CREATE INDEX ix_interactions_block  ON interactions(block_key);
        CREATE INDEX ix_interactions_record ON interactions(record_id);
        CREATE TABLE records (
            id           TEXT PRIMARY KEY,
            block_key    TEXT NOT NULL,
            status       TEXT,
            mode         TEXT,
            date         TEXT,
            city         TEXT,
            country      TEXT,
            venue        TEXT,
            source_count INTEGER,
            record_json  TEXT NOT NULL
        );
        CREATE INDEX ix_records_block ON records(block_key);
        CREATE INDEX ix_records_date  ON records(date);
        CREATE INDEX ix_records_mode  ON records(mode);
        CREATE TABLE record_actors (
            record_id TEXT NOT NULL,
            kind      TEXT NOT NULL,
            name      TEXT,
            country   TEXT,
            role      TEXT
        );
        CREATE INDEX ix_record_actors_record  ON record_actors(record_id);
        CREATE INDEX ix_record_actors_name    ON record_actors(name COLLATE NOCASE);
        CREATE INDEX ix_record_actors_country ON record_actors(country);
        CREATE TABLE record_aliases (
            old_id TEXT PRIMARY KEY,
            new_id TEXT NOT NULL
        );
        """,
        // 3: statements and figures of each report
        """
        CREATE TABLE statements (
            id             TEXT PRIMARY KEY,
            document_id    INTEGER NOT NULL REFERENCES documents(id),
            interaction_id TEXT,
            start          INTEGER,
            plover         TEXT,
            cameo          TEXT,
            statement_json TEXT NOT NULL
        );
        CREATE INDEX ix_statements_document    ON statements(document_id);
        CREATE INDEX ix_statements_interaction ON statements(interaction_id);
        CREATE TABLE figures (
            id          TEXT PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            figure_json TEXT NOT NULL
        );
        CREATE INDEX ix_figures_document ON figures(document_id);
        """,
        // 4: actor names folded (case and accents) by Readout itself, so both backends match names alike
        """
        ALTER TABLE record_actors ADD COLUMN name_fold TEXT;
        """,
        // 5: the HTTP server — full-text search over the reports (FTS5, kept by SaveDocument, filled here
        // for reports stored before), and indexes for its list orders, dyads and actor pages. IF NOT EXISTS:
        // a database taken back to an older version by hand may still hold them; 'rebuild' refills the index.
        """
        CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, clean_text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
        INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
        CREATE INDEX IF NOT EXISTS ix_records_date_asc    ON records(date IS NULL, date, id);
        CREATE INDEX IF NOT EXISTS ix_records_date_desc   ON records(date IS NOT NULL, date, id);
        CREATE INDEX IF NOT EXISTS ix_records_sources     ON records(source_count, date IS NOT NULL, date, id);
        CREATE INDEX IF NOT EXISTS ix_records_mode_sort   ON records(mode, date IS NOT NULL, date, id);
        -- the country pairs of each record's participants, kept by triggers as fusion rewrites record_actors,
        -- so a dyad is one index range instead of an intersection of two countries' records
        CREATE TABLE IF NOT EXISTS record_dyads (
            record_id TEXT NOT NULL,
            country_a TEXT NOT NULL,   -- the smaller ISO3 code of the pair
            country_b TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_record_dyads_pair   ON record_dyads(country_a, country_b, record_id);
        CREATE INDEX IF NOT EXISTS ix_record_dyads_record ON record_dyads(record_id);
        DELETE FROM record_dyads;
        INSERT INTO record_dyads(record_id, country_a, country_b)
            SELECT DISTINCT a.record_id, a.country, b.country FROM record_actors a
            JOIN record_actors b ON b.record_id = a.record_id AND b.kind = 'participant' AND b.country > a.country
            WHERE a.kind = 'participant';
        CREATE TRIGGER IF NOT EXISTS record_dyads_insert AFTER INSERT ON record_actors
        WHEN new.kind = 'participant' AND new.country IS NOT NULL
        BEGIN
            INSERT INTO record_dyads(record_id, country_a, country_b)
                SELECT DISTINCT new.record_id, min(new.country, o.country), max(new.country, o.country) FROM record_actors o
                WHERE o.record_id = new.record_id AND o.kind = 'participant' AND o.rowid <> new.rowid
                  AND o.country IS NOT NULL AND o.country <> new.country
                  AND NOT EXISTS (SELECT 1 FROM record_dyads d WHERE d.record_id = new.record_id
                                  AND d.country_a = min(new.country, o.country) AND d.country_b = max(new.country, o.country));
        END;
        CREATE TRIGGER IF NOT EXISTS record_dyads_delete AFTER DELETE ON record_actors
        WHEN old.kind = 'participant'
        BEGIN
            DELETE FROM record_dyads WHERE record_id = old.record_id;
        END;
        CREATE INDEX IF NOT EXISTS ix_record_actors_dyad  ON record_actors(country, kind, record_id);
        CREATE INDEX IF NOT EXISTS ix_record_actors_named ON record_actors(name, record_id);
        """,
        // 6: officials of international organisations (UN, EU, NATO, AU) are not a country: their organisation
        // gets a column of its own and country keeps ISO 3166-1 codes only; names are folded again, since
        // folding now also reduces letters such as ø and ı (the store fills NULL folds when it opens)
        """
        ALTER TABLE record_actors ADD COLUMN organisation TEXT;
        UPDATE record_actors SET organisation = CASE country WHEN 'EUR' THEN 'EU' WHEN 'UNO' THEN 'UN' WHEN 'AFU' THEN 'AU' ELSE country END,
            country = NULL WHERE country IN ('EUR', 'NATO', 'UNO', 'AFU');
        UPDATE record_actors SET name_fold = NULL;
        """,
        // 7: the web — the response behind each report fetched from the web (evidence: address, time,
        // headers, body as sent), the feeds Readout follows, and every feed item seen, so a restart neither
        // misses nor repeats items
        """
        CREATE TABLE IF NOT EXISTS document_fetches (
            document_id  INTEGER PRIMARY KEY REFERENCES documents(id),
            url          TEXT NOT NULL,
            final_url    TEXT NOT NULL,
            fetched_at   TEXT NOT NULL,
            status       INTEGER NOT NULL,
            content_type TEXT,
            charset      TEXT,
            headers      TEXT NOT NULL,
            body         BLOB NOT NULL
        );
        CREATE TABLE IF NOT EXISTS feeds (
            url           TEXT PRIMARY KEY,
            title         TEXT,
            interval_s    INTEGER NOT NULL,
            etag          TEXT,
            last_modified TEXT,
            last_poll     TEXT,
            last_success  TEXT,
            last_status   TEXT,
            last_error    TEXT,
            failures      INTEGER NOT NULL DEFAULT 0,
            next_poll     TEXT
        );
        CREATE TABLE IF NOT EXISTS feed_items (
            feed_url     TEXT NOT NULL,
            item_key     TEXT NOT NULL,
            link         TEXT,
            state        TEXT NOT NULL,
            attempts     INTEGER NOT NULL DEFAULT 1,
            content_hash TEXT,
            error        TEXT,
            first_seen   TEXT NOT NULL,
            done_at      TEXT,
            PRIMARY KEY (feed_url, item_key)
        );
        CREATE INDEX IF NOT EXISTS ix_feed_items_state ON feed_items(feed_url, state);
        """,
        // 8: reviews — what people did to records, kept apart from the machine's output (the trail and the
        // interactions each review is about), the records waiting for review (unreviewed, with what ranks them)
        // and the rejected records. Kept by fusion like record_actors; IF NOT EXISTS and refilled, so it can run again.
        """
        CREATE TABLE IF NOT EXISTS reviews (
            id          INTEGER PRIMARY KEY,
            action      TEXT NOT NULL,
            record_id   TEXT NOT NULL,
            field       TEXT,
            before_value TEXT,
            after_value TEXT,
            reason      TEXT NOT NULL,
            reviewer    TEXT NOT NULL,
            created_at  TEXT NOT NULL,
            other_id    TEXT
        );
        CREATE TABLE IF NOT EXISTS review_members (
            review_id      INTEGER NOT NULL REFERENCES reviews(id),
            interaction_id TEXT NOT NULL,
            side           TEXT NOT NULL    -- record (the record reviewed, or the interactions split off) | other (the record merged in)
        );
        CREATE INDEX IF NOT EXISTS ix_review_members_interaction ON review_members(interaction_id);
        CREATE INDEX IF NOT EXISTS ix_review_members_review ON review_members(review_id);
        CREATE INDEX IF NOT EXISTS ix_reviews_record ON reviews(record_id);
        CREATE TABLE IF NOT EXISTS review_queue (
            record_id    TEXT PRIMARY KEY,
            block_key    TEXT NOT NULL,
            conflicts    INTEGER NOT NULL,
            confidence   REAL,
            source_count INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_review_queue_rank ON review_queue(COALESCE(confidence, 1.0), conflicts DESC, source_count, record_id);
        CREATE INDEX IF NOT EXISTS ix_review_queue_block ON review_queue(block_key);
        CREATE TABLE IF NOT EXISTS rejected_records (
            record_id TEXT PRIMARY KEY,
            block_key TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_rejected_records_block ON rejected_records(block_key);
        DELETE FROM review_queue;
        INSERT INTO review_queue(record_id, block_key, conflicts, confidence, source_count)
            SELECT id, block_key, COALESCE(json_array_length(record_json, '$.conflicts'), 0), json_extract(record_json, '$.confidence'), COALESCE(source_count, 0)
            FROM records WHERE json_extract(record_json, '$.review') IS NULL;
        """,
        // 9: the near-duplicate bands as one B-tree keyed by (band, report), without a rowid table beside its
        // index: every report adds sixteen rows at random places in it, and one tree is half the writing
        """
        CREATE TABLE document_bands_keyed (
            band_key    INTEGER NOT NULL,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            PRIMARY KEY (band_key, document_id)
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO document_bands_keyed(band_key, document_id) SELECT band_key, document_id FROM document_bands;
        DROP TABLE document_bands;
        ALTER TABLE document_bands_keyed RENAME TO document_bands;
        """,
    ];
}
