-- Lapses the other services reported (a disclosure period missed, a practical thing overdue), of every organization:
-- a unit designated later gets findings for those still open. One row per lapse, keyed by the lapsed obligation's
-- or the overdue commitment's id, however often the event arrives.
CREATE TABLE lapse (
    id                UUID        PRIMARY KEY,
    kind              VARCHAR(20) NOT NULL CHECK (kind IN ('DISCLOSURE', 'COMMITMENT')),
    organization_code VARCHAR(32) NOT NULL,
    description       TEXT        NOT NULL,
    due_date          DATE        NOT NULL,
    detected_on       DATE        NOT NULL,
    cured_on          DATE,
    cure              TEXT
);
CREATE INDEX lapse_organization ON lapse (organization_code, due_date);

-- Findings (问题) and their rectification. An automatic finding names its lapse; UNIQUE keeps it one per lapse.
CREATE TABLE finding (
    id            UUID         PRIMARY KEY,
    unit_code     VARCHAR(32)  NOT NULL,
    source        VARCHAR(20)  NOT NULL
        CHECK (source IN ('INSPECTION', 'GUIDANCE', 'DISCLOSURE_LAPSE', 'COMMITMENT_LAPSE')),
    inspection_id UUID         REFERENCES inspection (id),
    lapse_id      UUID         UNIQUE REFERENCES lapse (id),
    description   TEXT         NOT NULL,
    severity      VARCHAR(10)  NOT NULL CHECK (severity IN ('MINOR', 'MAJOR', 'SERIOUS')),
    responsible   VARCHAR(50)  NOT NULL,
    raised_on     DATE         NOT NULL,
    deadline      DATE         NOT NULL,
    status        VARCHAR(30)  NOT NULL
        CHECK (status IN ('OPEN', 'RECTIFICATION_REPORTED', 'REOPENED', 'VERIFIED', 'RESOLVED')),
    evidence      TEXT,
    closed_on     DATE,
    overdue_since TIMESTAMPTZ,
    raised_by     VARCHAR(100) NOT NULL,
    version       BIGINT       NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    CHECK (deadline >= raised_on),
    CHECK ((source IN ('DISCLOSURE_LAPSE', 'COMMITMENT_LAPSE')) = (lapse_id IS NOT NULL)),
    CHECK ((status IN ('VERIFIED', 'RESOLVED')) = (closed_on IS NOT NULL))
);
CREATE INDEX finding_unit ON finding (unit_code, raised_on);
-- The overdue check looks only at findings awaiting rectification and not yet flagged.
CREATE INDEX finding_awaiting ON finding (deadline) WHERE status IN ('OPEN', 'REOPENED') AND overdue_since IS NULL;

-- Every step of a finding, in order: its status and deadline after the step, and the day it happened.
CREATE TABLE finding_history (
    id         UUID         PRIMARY KEY,
    finding_id UUID         NOT NULL REFERENCES finding (id),
    seq        INTEGER      NOT NULL,
    action     VARCHAR(30)  NOT NULL,
    status     VARCHAR(30)  NOT NULL,
    deadline   DATE         NOT NULL,
    on_date    DATE         NOT NULL,
    note       TEXT,
    actor      VARCHAR(100) NOT NULL,
    at         TIMESTAMPTZ  NOT NULL,
    UNIQUE (finding_id, seq)
);
