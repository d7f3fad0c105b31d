-- Every event the gateway has applied, in the order it applied them (seq), with who may see it. The live streams
-- and the webhooks read from here, so every gateway replica serves every event and a client resumes by seq.
CREATE TABLE event_log (
    seq               BIGSERIAL    PRIMARY KEY,
    event_id          VARCHAR(64)  NOT NULL UNIQUE,
    type              VARCHAR(200) NOT NULL,
    source            VARCHAR(100) NOT NULL,
    subject           UUID         NOT NULL,
    aggregate_version BIGINT       NOT NULL,
    occurred_at       TIMESTAMPTZ  NOT NULL,
    recorded_at       TIMESTAMPTZ  NOT NULL,
    -- PUBLIC: safe for anyone (public disclosures, approved comments, commitments ...); INTERNAL: officials only.
    audience          VARCHAR(10)  NOT NULL CHECK (audience IN ('PUBLIC', 'INTERNAL')),
    -- The organization or department the event belongs to, for scoping the internal stream; null: county-wide.
    organization_code VARCHAR(32),
    department_code   VARCHAR(32),
    data              TEXT         NOT NULL
);
CREATE INDEX event_log_public ON event_log (seq) WHERE audience = 'PUBLIC';
CREATE INDEX event_log_occurred ON event_log (occurred_at);
