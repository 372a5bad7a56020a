-- Events merged into another when a late article showed they were one.
CREATE TABLE event_merges (
    absorbed_id TEXT PRIMARY KEY,
    kept_id     TEXT NOT NULL,
    article_id  TEXT NOT NULL,
    merged_at   TEXT NOT NULL
);
CREATE INDEX event_merges_kept ON event_merges (kept_id);
