-- Public commitments: department heads' service commitments and organizations' practical things for the people.
CREATE TABLE commitment (
    id                UUID          PRIMARY KEY,
    kind              VARCHAR(20)   NOT NULL CHECK (kind IN ('SERVICE', 'PRACTICAL_THING')),
    title             VARCHAR(200)  NOT NULL,
    description       TEXT,
    category          VARCHAR(40),
    department_code   VARCHAR(32)   REFERENCES department (code),
    organization_code VARCHAR(32),
    responsible       VARCHAR(50)   NOT NULL,
    target_quantity   NUMERIC(14, 2),
    target_unit       VARCHAR(20),
    pledged_on        DATE          NOT NULL,
    due_date          DATE          NOT NULL,
    status            VARCHAR(20)   NOT NULL
        CHECK (status IN ('PLEDGED', 'IN_PROGRESS', 'OVERDUE', 'FULFILLED', 'WITHDRAWN')),
    progress_percent  INTEGER       CHECK (progress_percent BETWEEN 0 AND 100),
    progress_quantity NUMERIC(14, 2),
    fulfilled_on      DATE,
    on_time           BOOLEAN,
    evidence          TEXT,
    withdraw_reason   TEXT,
    overdue_since     TIMESTAMPTZ,
    pledged_by        VARCHAR(100)  NOT NULL,
    version           BIGINT        NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    CHECK ((kind = 'SERVICE' AND department_code IS NOT NULL) OR (kind = 'PRACTICAL_THING' AND organization_code IS NOT NULL))
);
CREATE INDEX commitment_department ON commitment (department_code);
CREATE INDEX commitment_organization ON commitment (organization_code);
-- The overdue check looks only at open commitments.
CREATE INDEX commitment_open_due ON commitment (due_date) WHERE status IN ('PLEDGED', 'IN_PROGRESS');

CREATE TABLE commitment_milestone (
    commitment_id UUID         NOT NULL REFERENCES commitment (id),
    position      INTEGER      NOT NULL,
    title         VARCHAR(100) NOT NULL,
    due_date      DATE,
    reached_on    DATE,
    PRIMARY KEY (commitment_id, position)
);

CREATE TABLE progress_report (
    id               UUID         PRIMARY KEY,
    commitment_id    UUID         NOT NULL REFERENCES commitment (id),
    percent          INTEGER      CHECK (percent BETWEEN 0 AND 100),
    quantity         NUMERIC(14, 2),
    note             TEXT,
    reason           TEXT,
    milestone_reached VARCHAR(100),
    reported_on      DATE         NOT NULL,
    reported_by      VARCHAR(100) NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX progress_report_commitment ON progress_report (commitment_id, reported_on, created_at);
