-- Events whose stored record may miss an article: the pipeline commits an article with its
-- event marked here and reconciles the event later (once per batch). Saving the event's
-- record removes the mark; dropping the event (a merge) drops it too.
CREATE TABLE stale_events (
    event_id TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) WITHOUT ROWID;
