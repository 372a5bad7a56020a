-- wirecheck schema, version 3: the ACLED event type of an event next to its sub-event `type`.
-- Events stored before this migration get it when they are next reconciled.
ALTER TABLE events ADD COLUMN event_type TEXT;
