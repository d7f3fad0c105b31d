-- Disclosures as the events told them: every status, so internal reads and the public filter work from here.
CREATE TABLE disclosure_view (
    id                UUID          PRIMARY KEY,
    organization_code VARCHAR(32)   NOT NULL,
    scope             VARCHAR(20)   NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    item_codes        VARCHAR(500)  NOT NULL,
    category_codes    VARCHAR(200)  NOT NULL,
    title             VARCHAR(200)  NOT NULL,
    body              TEXT          NOT NULL,
    period_start      DATE          NOT NULL,
    period_end        DATE          NOT NULL,
    channels          VARCHAR(500),
    content_version   INTEGER       NOT NULL,
    published_at      TIMESTAMPTZ,
    withdraw_reason   TEXT,
    withdrawn_at      TIMESTAMPTZ,
    comment_count     INTEGER       NOT NULL DEFAULT 0,
    updated_at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX disclosure_view_public ON disclosure_view (published_at DESC) WHERE scope = 'PUBLIC' AND status = 'PUBLISHED';
CREATE INDEX disclosure_view_organization ON disclosure_view (organization_code);

-- Each published content version; corrections add one, the history is shown.
CREATE TABLE disclosure_version_view (
    disclosure_id   UUID         NOT NULL REFERENCES disclosure_view (id),
    content_version INTEGER      NOT NULL,
    title           VARCHAR(200) NOT NULL,
    body            TEXT         NOT NULL,
    reason          TEXT,
    at              TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (disclosure_id, content_version)
);

-- Approved comments only: nothing unmoderated is ever stored on the public side.
CREATE TABLE comment_view (
    id            UUID         PRIMARY KEY,
    disclosure_id UUID         NOT NULL,
    author_name   VARCHAR(50)  NOT NULL,
    body          TEXT         NOT NULL,
    approved_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX comment_view_disclosure ON comment_view (disclosure_id, approved_at);

-- The compliance matrix: organization × period. KEPT: published and never lapsed; MISSING: lapsed; LATE: lapsed,
-- then published.
CREATE TABLE compliance_view (
    organization_code VARCHAR(32) NOT NULL,
    period_start      DATE        NOT NULL,
    period_end        DATE        NOT NULL,
    organization_type VARCHAR(40) NOT NULL,
    state             VARCHAR(10) NOT NULL CHECK (state IN ('KEPT', 'MISSING', 'LATE')),
    due_date          DATE,
    disclosure_id     UUID,
    PRIMARY KEY (organization_code, period_start)
);
