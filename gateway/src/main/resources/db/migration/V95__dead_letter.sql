-- Events a consumer of the suite could never apply, as they were parked on the dead-letter topics (dlq.<service>),
-- for the county admin to read and to send again onto their original topic after a fix.
CREATE TABLE dead_letter (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service            TEXT        NOT NULL,
    dlq_topic          TEXT        NOT NULL,
    dlq_partition      INT         NOT NULL,
    dlq_offset         BIGINT      NOT NULL,
    -- SmallRye's dead-letter-topic/-partition/-offset: where the parked record was first published
    original_topic     TEXT,
    original_partition INT,
    original_offset    BIGINT,
    record_key         BYTEA,
    record_value       BYTEA,
    -- every header of the parked record, in order: [{"name": "...", "value": "<base64>"}, ...]
    headers            JSONB       NOT NULL,
    event_type         TEXT,
    event_id           TEXT,
    aggregate_id       TEXT,
    aggregate_version  BIGINT,
    reason             TEXT,
    parked_at          TIMESTAMPTZ NOT NULL,
    received_at        TIMESTAMPTZ NOT NULL,
    replay_count       INT         NOT NULL DEFAULT 0,
    replayed_at        TIMESTAMPTZ,
    replayed_by        TEXT,
    replayed_offset    BIGINT,
    UNIQUE (dlq_topic, dlq_partition, dlq_offset)
);
CREATE INDEX dead_letter_service ON dead_letter (service, id);
