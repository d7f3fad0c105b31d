-- Public comments on published public disclosures (已有N人发表了评论), held for moderation.
CREATE TABLE disclosure_comment (
    id            UUID         PRIMARY KEY,
    disclosure_id UUID         NOT NULL REFERENCES disclosure (id),
    author_name   VARCHAR(50)  NOT NULL,
    body          VARCHAR(1000) NOT NULL,
    client_key    VARCHAR(64)  NOT NULL,
    status        VARCHAR(10)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    reject_reason TEXT,
    moderated_by  VARCHAR(100),
    moderated_at  TIMESTAMPTZ,
    version       BIGINT       NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX disclosure_comment_disclosure ON disclosure_comment (disclosure_id, status, created_at);
CREATE INDEX disclosure_comment_pending ON disclosure_comment (created_at) WHERE status = 'PENDING';
