namespace Readout.Store;

/// <summary>
/// The schema, as an ordered list of steps. Step i brings the database to version i + 1. Never edit a
/// released step: append a new one.
/// </summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<string> Steps =
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
    ];
}
