-- Platform tables, present in every service's database. Platform migrations are numbered 0.x so that each
-- service's own migrations (1, 2, 3 ...) follow them.

-- Transactional outbox: written in the same transaction as the state change, sent to Kafka by the relay in seq order.
CREATE TABLE outbox_event (
    seq               BIGSERIAL PRIMARY KEY,
    id                UUID         NOT NULL UNIQUE,
    topic             VARCHAR(100) NOT NULL,
    event_type        VARCHAR(200) NOT NULL,
    aggregate_id      UUID         NOT NULL,
    aggregate_version BIGINT       NOT NULL,
    payload           TEXT         NOT NULL,
    occurred_at       TIMESTAMPTZ  NOT NULL,
    sent_at           TIMESTAMPTZ
);
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE sent_at IS NULL;

-- Idempotent consumer: the ids of events a consumer has applied, and the last aggregate version it has passed.
CREATE TABLE processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     VARCHAR(100) NOT NULL,
    event_type   VARCHAR(200) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

CREATE TABLE aggregate_position (
    consumer     VARCHAR(100) NOT NULL,
    aggregate_id UUID         NOT NULL,
    version      BIGINT       NOT NULL,
    PRIMARY KEY (consumer, aggregate_id)
);
