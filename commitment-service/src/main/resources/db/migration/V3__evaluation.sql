-- Public evaluations (群众评议): one per client per commitment; the comment, if any, is moderated.
CREATE TABLE evaluation (
    id             UUID         PRIMARY KEY,
    commitment_id  UUID         NOT NULL REFERENCES commitment (id),
    rating         VARCHAR(20)  NOT NULL CHECK (rating IN ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    comment        VARCHAR(1000),
    comment_status VARCHAR(10)  NOT NULL CHECK (comment_status IN ('NONE', 'PENDING', 'APPROVED', 'REJECTED')),
    reject_reason  TEXT,
    client_key     VARCHAR(64)  NOT NULL,
    moderated_by   VARCHAR(100),
    moderated_at   TIMESTAMPTZ,
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    UNIQUE (commitment_id, client_key)
);
CREATE INDEX evaluation_pending ON evaluation (created_at) WHERE comment_status = 'PENDING';
