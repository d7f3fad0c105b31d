-- The audit trail: who (an official, a department's system, the public, a service on its own) did what, when and
-- why, for every event any service emitted (one row per event id, written when the gateway applies it) and for the
-- gateway's own commands (webhooks, address ranges, rebuilds; no event id). Kept like the event log: a rebuild of
-- the read models neither empties nor repeats it. Read by the county admin only.
CREATE TABLE audit_entry (
    seq               BIGSERIAL    PRIMARY KEY,
    event_id          VARCHAR(64)  UNIQUE,
    occurred_at       TIMESTAMPTZ  NOT NULL,
    -- An account, a system's client id, 'public', or the service's name; null for events from before actors were
    -- recorded whose body names nobody.
    actor             VARCHAR(200),
    actor_kind        VARCHAR(16),
    -- The event's short type (DisclosurePublished) or the gateway's own action (WebhookSubscribed).
    action            VARCHAR(100) NOT NULL,
    source            VARCHAR(100) NOT NULL,
    subject           VARCHAR(100),
    subject_label     VARCHAR(300),
    organization_code VARCHAR(32),
    department_code   VARCHAR(32),
    -- Why: the reasons, the review's checks, the moderation's decision, as the command gave them.
    reason            TEXT
);
CREATE INDEX audit_entry_occurred ON audit_entry (occurred_at, seq);
CREATE INDEX audit_entry_organization ON audit_entry (organization_code, occurred_at);
CREATE INDEX audit_entry_actor ON audit_entry (actor, occurred_at);
CREATE INDEX audit_entry_action ON audit_entry (action, occurred_at);
