-- Who caused each event (the audit trail's "who"): an official's account, a department's system, the public, or the
-- service itself. Empty for the events written before it was recorded.
ALTER TABLE outbox_event ADD COLUMN actor VARCHAR(200), ADD COLUMN actor_kind VARCHAR(16);
