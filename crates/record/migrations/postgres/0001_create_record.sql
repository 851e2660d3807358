-- The record: one row per act, never updated or deleted by tandoo.
-- actor and act hold canonical JSON (RFC 8785) as text, not jsonb, so that what is stored is
-- byte for byte what was hashed and anyone can check it with psql; hashes are 64 lowercase
-- hex digits.
CREATE TABLE acts (
    seq         BIGINT PRIMARY KEY CHECK (seq >= 1),
    recorded_at TEXT NOT NULL,
    legal_date  TEXT NOT NULL,
    actor       TEXT NOT NULL,
    act         TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);

-- One row describing the record itself. format_version is the version of the entry and
-- hash format (see the format document), independent of the schema migrations. Appends
-- lock this row, which serialises them across every process using the database.
CREATE TABLE meta (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    format         TEXT NOT NULL,
    format_version BIGINT NOT NULL,
    record_id      TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
