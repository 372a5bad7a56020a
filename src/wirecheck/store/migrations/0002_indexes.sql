-- wirecheck schema, version 2: indexes for ingest order, fact support by article, newest events.
CREATE UNIQUE INDEX articles_seq ON articles (seq);
CREATE INDEX fact_support_article ON fact_support (article_id);
CREATE INDEX events_day ON events (COALESCE(date_best, date_start));
