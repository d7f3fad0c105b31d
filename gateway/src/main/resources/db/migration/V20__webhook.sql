-- Webhooks for other departments' systems: who subscribed to what, how far each got in event_log, and every attempt.

CREATE TABLE webhook_subscription (
    id              UUID          PRIMARY KEY,
    -- The username of the system (or county admin) that created it.
    owner           VARCHAR(100)  NOT NULL,
    target_url      VARCHAR(2000) NOT NULL,
    -- CloudEvents types to deliver; empty: every type. Only PUBLIC events are ever delivered.
    event_types     TEXT[]        NOT NULL,
    -- The HMAC-SHA256 key. Shown to the owner once, at creation; needed here to sign every delivery.
    secret          VARCHAR(100)  NOT NULL,
    status          VARCHAR(10)   NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED')),
    -- The last event_log seq handled: delivered, or skipped as not for this subscription.
    cursor_seq      BIGINT        NOT NULL,
    -- Failed attempts at the event after the cursor (0 while nothing fails); sets the back-off.
    failed_attempts INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    -- Raised by each replay, so a delivery already under way cannot move the cursor back over it.
    epoch           INTEGER       NOT NULL DEFAULT 0,
    -- The replica delivering to it right now, if any; a lease that ran out may be taken by another replica.
    lease_token     UUID,
    leased_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX webhook_subscription_due ON webhook_subscription (next_attempt_at) WHERE status = 'ACTIVE';
CREATE INDEX webhook_subscription_owner ON webhook_subscription (owner);

-- The delivery log: one row per attempt, successful or not.
CREATE TABLE webhook_delivery (
    id              BIGSERIAL     PRIMARY KEY,
    subscription_id UUID          NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_seq       BIGINT        NOT NULL,
    event_id        VARCHAR(64)   NOT NULL,
    event_type      VARCHAR(200)  NOT NULL,
    attempt         INTEGER       NOT NULL,
    -- The receiver's HTTP status; null when it did not answer.
    status_code     INTEGER,
    error           VARCHAR(500),
    attempted_at    TIMESTAMPTZ   NOT NULL,
    duration_ms     BIGINT        NOT NULL,
    -- When the same event is tried again; null once delivered.
    next_attempt_at TIMESTAMPTZ
);
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id, id);
CREATE INDEX webhook_delivery_attempted ON webhook_delivery (attempted_at);
