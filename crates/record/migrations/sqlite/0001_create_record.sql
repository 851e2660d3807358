-- The record: one row per act, never updated or deleted by tandoo.
-- actor and act hold canonical JSON (RFC 8785) as text so that anyone can read them with
-- any SQLite tool; hashes are 64 lowercase hex digits.
CREATE TABLE acts (
    seq         INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    legal_date  TEXT NOT NULL,
    actor       TEXT NOT NULL,
    act         TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
) STRICT;

-- One row describing the record itself. format_version is the version of the entry and
-- hash format (see the format document), independent of the schema migrations.
CREATE TABLE meta (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    format         TEXT NOT NULL,
    format_version INTEGER NOT NULL,
    record_id      TEXT NOT NULL,
    created_at     TEXT NOT NULL
) STRICT;
