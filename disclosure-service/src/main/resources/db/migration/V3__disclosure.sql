-- Disclosures and their workflow (提出 → 审核 → 审批 → 实施). The event history is the full audit trail; the
-- step table keeps who, when and why for the service's own reads.
CREATE TABLE disclosure (
    id                     UUID         PRIMARY KEY,
    organization_id        UUID         NOT NULL REFERENCES organization (id),
    title                  VARCHAR(200) NOT NULL,
    body                   TEXT         NOT NULL,
    period_start           DATE         NOT NULL,
    period_end             DATE         NOT NULL CHECK (period_end >= period_start),
    scope                  VARCHAR(16)  NOT NULL CHECK (scope IN ('PUBLIC', 'PARTY_WIDE', 'PARTY_PART')),
    planned_channels       VARCHAR(300) NOT NULL,
    planned_publication_at TIMESTAMPTZ  NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    escalated              BOOLEAN      NOT NULL DEFAULT FALSE,
    published_channels     VARCHAR(300),
    published_at           TIMESTAMPTZ,
    withdrawn_reason       TEXT,
    content_version        INTEGER      NOT NULL,
    version                BIGINT       NOT NULL,
    created_by             VARCHAR(100) NOT NULL,
    created_at             TIMESTAMPTZ  NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL
);
CREATE INDEX disclosure_organization ON disclosure (organization_id, period_start);
CREATE INDEX disclosure_status ON disclosure (status);

CREATE TABLE disclosure_item (
    disclosure_id UUID        NOT NULL REFERENCES disclosure (id),
    item_code     VARCHAR(16) NOT NULL REFERENCES catalog_item (code),
    PRIMARY KEY (disclosure_id, item_code)
);

-- Every workflow step: who did what, when, and why (reasons for sending back, escalating, correcting, withdrawing).
CREATE TABLE disclosure_step (
    id            BIGSERIAL    PRIMARY KEY,
    disclosure_id UUID         NOT NULL REFERENCES disclosure (id),
    action        VARCHAR(20)  NOT NULL,
    status_after  VARCHAR(16)  NOT NULL,
    actor         VARCHAR(100) NOT NULL,
    reason        TEXT,
    at            TIMESTAMPTZ  NOT NULL
);
CREATE INDEX disclosure_step_disclosure ON disclosure_step (disclosure_id, id);

-- Published content versions: a correction adds one, the earlier ones stay visible.
CREATE TABLE disclosure_revision (
    disclosure_id   UUID         NOT NULL REFERENCES disclosure (id),
    content_version INTEGER      NOT NULL,
    title           VARCHAR(200) NOT NULL,
    body            TEXT         NOT NULL,
    reason          TEXT,
    revised_by      VARCHAR(100) NOT NULL,
    revised_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (disclosure_id, content_version)
);
