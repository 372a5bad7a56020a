-- wirecheck schema, version 4: full-text search over article titles and texts (FTS5).
-- External content: the index keeps no copy of the text; its rowid is articles.seq (stable,
-- unlike the implicit rowid of a table with a TEXT primary key, which VACUUM may renumber).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF seq, title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

-- Backfill the articles stored before this migration.
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

-- The web event list: newest first, optionally only events with disputed facts or in a country.
CREATE INDEX events_disputed_day ON events (has_disputes, COALESCE(date_best, date_start));
CREATE INDEX events_country_day ON events (country, COALESCE(date_best, date_start));
