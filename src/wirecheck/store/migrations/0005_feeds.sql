-- wirecheck schema, version 5: feeds being watched (conditional-request validators) and the
-- items already handled, so a restarted `wirecheck watch` fetches nothing twice.
CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    polled_at     TEXT NOT NULL
);

CREATE TABLE feed_items (
    feed_url TEXT NOT NULL,
    item_key TEXT NOT NULL,
    seen_at  TEXT NOT NULL,
    PRIMARY KEY (feed_url, item_key)
) WITHOUT ROWID;
