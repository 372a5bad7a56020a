-- wirecheck schema, version 1.
CREATE TABLE articles (
    id            TEXT PRIMARY KEY,
    content_hash  TEXT NOT NULL UNIQUE,
    text          TEXT NOT NULL,
    outlet        TEXT,
    url           TEXT,
    title         TEXT,
    published     TEXT,
    origin        TEXT NOT NULL,
    attribution   TEXT,
    boilerplate   TEXT NOT NULL DEFAULT '[]',
    ingested_at   TEXT NOT NULL,
    seq           INTEGER NOT NULL
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    data       TEXT NOT NULL
);

CREATE TABLE signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    data       TEXT NOT NULL
);

CREATE TABLE events (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    type         TEXT NOT NULL,
    date_start   TEXT,
    date_end     TEXT,
    date_best    TEXT,
    precision    TEXT,
    place_name   TEXT,
    country      TEXT,
    admin1       TEXT,
    city         TEXT,
    lat          REAL,
    lon          REAL,
    killed_best  INTEGER,
    injured_best INTEGER,
    n_articles   INTEGER NOT NULL,
    n_sources    INTEGER NOT NULL,
    has_disputes INTEGER NOT NULL,
    record       TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX events_dates ON events (date_start, date_end);

CREATE TABLE event_articles (
    event_id     TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    article_id   TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
    source_group TEXT NOT NULL
);
CREATE INDEX event_articles_event ON event_articles (event_id);

CREATE TABLE facts (
    id       INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL,
    text     TEXT NOT NULL,
    value    TEXT NOT NULL,
    speaker  TEXT,
    status   TEXT NOT NULL
);
CREATE INDEX facts_event ON facts (event_id);

CREATE TABLE fact_support (
    fact_id    INTEGER NOT NULL REFERENCES facts (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    value      TEXT NOT NULL
);
CREATE INDEX fact_support_fact ON fact_support (fact_id);

CREATE TABLE skips (
    id     INTEGER PRIMARY KEY,
    origin TEXT NOT NULL,
    reason TEXT NOT NULL,
    at     TEXT NOT NULL
);
