namespace Readout.Store;

/// <summary>
/// The schema, as an ordered list of steps. Step i brings the database to version i + 1. Never edit a
/// released step: append a new one.
/// </summary>
internal static class Migrations
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
    ];

    /// <summary>
    /// The same steps on PostgreSQL: the same tables, columns, keys and indexes, with PostgreSQL's types.
    /// Text compares byte-wise (COLLATE "C") as in SQLite, so ordering by date, id or family is the same.
    /// </summary>
    public static readonly IReadOnlyList<string> Postgres =
    [
        // 1
        """
        CREATE TABLE documents (
            id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            content_hash TEXT COLLATE "C" UNIQUE NOT NULL,
            uri          TEXT COLLATE "C" NOT NULL,
            title        TEXT,
            published    TEXT COLLATE "C",
            format       TEXT,
            clean_text   TEXT NOT NULL
        );
        CREATE TABLE interactions (
            id          TEXT COLLATE "C" PRIMARY KEY,
            document_id BIGINT NOT NULL REFERENCES documents(id),
            status      TEXT COLLATE "C",
            mode        TEXT COLLATE "C",
            date        TEXT COLLATE "C",
            date_basis  TEXT,
            city        TEXT COLLATE "C",
            country     TEXT COLLATE "C",
            venue       TEXT COLLATE "C",
            record_json TEXT NOT NULL
        );
        CREATE TABLE interaction_actors (
            interaction_id TEXT COLLATE "C" NOT NULL REFERENCES interactions(id),
            kind           TEXT COLLATE "C" NOT NULL,
            name           TEXT COLLATE "C",
            country        TEXT COLLATE "C",
            role           TEXT COLLATE "C"
        );
        CREATE INDEX ix_interactions_date     ON interactions(date);
        CREATE INDEX ix_interactions_mode     ON interactions(mode);
        CREATE INDEX ix_interactions_document ON interactions(document_id);
        CREATE INDEX ix_actors_interaction    ON interaction_actors(interaction_id);
        CREATE INDEX ix_actors_name           ON interaction_actors(lower(name));
        CREATE INDEX ix_actors_country        ON interaction_actors(country);
        """,
        // 2
        """
        ALTER TABLE documents ADD COLUMN family_hash TEXT COLLATE "C";
        ALTER TABLE documents ADD COLUMN minhash BYTEA;
        UPDATE documents SET family_hash = content_hash;
        CREATE INDEX ix_documents_family ON documents(family_hash);
        CREATE TABLE document_bands (
            band_key    BIGINT NOT NULL,
            document_id BIGINT NOT NULL REFERENCES documents(id)
        );
        CREATE INDEX ix_document_bands ON document_bands(band_key);
        ALTER TABLE interactions ADD COLUMN block_key TEXT COLLATE "C";
        ALTER TABLE interactions ADD COLUMN record_id TEXT COLLATE "C";
        CREATE INDEX ix_interactions_block  ON interactions(block_key);
        CREATE INDEX ix_interactions_record ON interactions(record_id);
        CREATE TABLE records (
            id           TEXT COLLATE "C" PRIMARY KEY,
            block_key    TEXT COLLATE "C" NOT NULL,
            status       TEXT COLLATE "C",
            mode         TEXT COLLATE "C",
            date         TEXT COLLATE "C",
            city         TEXT COLLATE "C",
            country      TEXT COLLATE "C",
            venue        TEXT COLLATE "C",
            source_count INTEGER,
            record_json  TEXT NOT NULL
        );
        CREATE INDEX ix_records_block ON records(block_key);
        CREATE INDEX ix_records_date  ON records(date);
        CREATE INDEX ix_records_mode  ON records(mode);
        CREATE TABLE record_actors (
            record_id TEXT COLLATE "C" NOT NULL,
            kind      TEXT COLLATE "C" NOT NULL,
            name      TEXT COLLATE "C",
            country   TEXT COLLATE "C",
            role      TEXT COLLATE "C"
        );
        CREATE INDEX ix_record_actors_record  ON record_actors(record_id);
        CREATE INDEX ix_record_actors_name    ON record_actors(lower(name));
        CREATE INDEX ix_record_actors_country ON record_actors(country);
        CREATE TABLE record_aliases (
            old_id TEXT COLLATE "C" PRIMARY KEY,
            new_id TEXT COLLATE "C" NOT NULL
        );
        """,
        // 3
        """
        CREATE TABLE statements (
            id             TEXT COLLATE "C" PRIMARY KEY,
            document_id    BIGINT NOT NULL REFERENCES documents(id),
            interaction_id TEXT COLLATE "C",
            start          INTEGER,
            plover         TEXT COLLATE "C",
            cameo          TEXT COLLATE "C",
            statement_json TEXT NOT NULL
        );
        CREATE INDEX ix_statements_document    ON statements(document_id);
        CREATE INDEX ix_statements_interaction ON statements(interaction_id);
        CREATE TABLE figures (
            id          TEXT COLLATE "C" PRIMARY KEY,
            document_id BIGINT NOT NULL REFERENCES documents(id),
            figure_json TEXT NOT NULL
        );
        CREATE INDEX ix_figures_document ON figures(document_id);
        """,
        // 4
        """
        ALTER TABLE record_actors ADD COLUMN name_fold TEXT COLLATE "C";
        """,
        // 5: the HTTP server — full-text search over the reports (a generated tsvector with a GIN index, so
        // PostgreSQL keeps it itself), the list orders' indexes, and record_dyads kept by triggers as on SQLite.
        // IF NOT EXISTS / OR REPLACE as on SQLite: a database taken back to an older version may still hold them.
        """
        ALTER TABLE documents ADD COLUMN IF NOT EXISTS search tsvector
            GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || clean_text)) STORED;
        CREATE INDEX IF NOT EXISTS ix_documents_search ON documents USING GIN (search);
        CREATE INDEX IF NOT EXISTS ix_records_date_asc  ON records((date IS NULL), date, id);
        CREATE INDEX IF NOT EXISTS ix_records_date_desc ON records((date IS NOT NULL), date, id);
        CREATE INDEX IF NOT EXISTS ix_records_sources   ON records(source_count, (date IS NOT NULL), date, id);
        CREATE INDEX IF NOT EXISTS ix_records_mode_sort ON records(mode, (date IS NOT NULL), date, id);
        CREATE TABLE IF NOT EXISTS record_dyads (
            record_id TEXT COLLATE "C" NOT NULL,
            country_a TEXT COLLATE "C" NOT NULL,
            country_b TEXT COLLATE "C" NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_record_dyads_pair   ON record_dyads(country_a, country_b, record_id);
        CREATE INDEX IF NOT EXISTS ix_record_dyads_record ON record_dyads(record_id);
        DELETE FROM record_dyads;
        INSERT INTO record_dyads(record_id, country_a, country_b)
            SELECT DISTINCT a.record_id, a.country, b.country FROM record_actors a
            JOIN record_actors b ON b.record_id = a.record_id AND b.kind = 'participant' AND b.country > a.country
            WHERE a.kind = 'participant';
        CREATE OR REPLACE FUNCTION readout_record_dyads_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.kind = 'participant' AND NEW.country IS NOT NULL THEN
                INSERT INTO record_dyads(record_id, country_a, country_b)
                    SELECT DISTINCT NEW.record_id, LEAST(NEW.country, o.country), GREATEST(NEW.country, o.country)
                    FROM record_actors o
                    WHERE o.record_id = NEW.record_id AND o.kind = 'participant' AND o.country IS NOT NULL
                      AND o.country <> NEW.country
                      AND NOT EXISTS (SELECT 1 FROM record_dyads d WHERE d.record_id = NEW.record_id
                                      AND d.country_a = LEAST(NEW.country, o.country) AND d.country_b = GREATEST(NEW.country, o.country));
            END IF;
            RETURN NULL;
        END $$;
        CREATE OR REPLACE FUNCTION readout_record_dyads_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.kind = 'participant' THEN
                DELETE FROM record_dyads WHERE record_id = OLD.record_id;
            END IF;
            RETURN NULL;
        END $$;
        DROP TRIGGER IF EXISTS record_dyads_insert ON record_actors;
        DROP TRIGGER IF EXISTS record_dyads_delete ON record_actors;
        CREATE TRIGGER record_dyads_insert AFTER INSERT ON record_actors FOR EACH ROW EXECUTE FUNCTION readout_record_dyads_insert();
        CREATE TRIGGER record_dyads_delete AFTER DELETE ON record_actors FOR EACH ROW EXECUTE FUNCTION readout_record_dyads_delete();
        CREATE INDEX IF NOT EXISTS ix_record_actors_dyad  ON record_actors(country, kind, record_id);
        CREATE INDEX IF NOT EXISTS ix_record_actors_named ON record_actors(name, record_id);
        """,
        // 6
        """
        ALTER TABLE record_actors ADD COLUMN IF NOT EXISTS organisation TEXT COLLATE "C";
        UPDATE record_actors SET organisation = CASE country WHEN 'EUR' THEN 'EU' WHEN 'UNO' THEN 'UN' WHEN 'AFU' THEN 'AU' ELSE country END,
            country = NULL WHERE country IN ('EUR', 'NATO', 'UNO', 'AFU');
        UPDATE record_actors SET name_fold = NULL;
        """,
    ];
}
