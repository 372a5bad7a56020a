-- Articles the event index moved to another event that fits them better, once more of the
-- stream had arrived (EventIndex.refine): where each went, from where and when.
CREATE TABLE article_moves (
    article_id TEXT NOT NULL,
    from_id    TEXT NOT NULL,
    to_id      TEXT NOT NULL,
    moved_at   TEXT NOT NULL
);
CREATE INDEX article_moves_article ON article_moves (article_id);
