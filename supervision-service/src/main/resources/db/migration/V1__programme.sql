-- Guidance groups (督促指导小组) and their members.
CREATE TABLE guidance_group (
    id         UUID         PRIMARY KEY,
    code       VARCHAR(32)  NOT NULL UNIQUE,
    name       VARCHAR(100) NOT NULL,
    formed_by  VARCHAR(100) NOT NULL,
    version    BIGINT       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE guidance_group_member (
    group_id UUID         NOT NULL REFERENCES guidance_group (id),
    seq      INTEGER      NOT NULL,
    name     VARCHAR(50)  NOT NULL,
    position VARCHAR(100) NOT NULL,
    contact  VARCHAR(100),
    PRIMARY KEY (group_id, seq)
);

-- Demonstration units (示范单位): organizations of the register that the programme watches.
CREATE TABLE demonstration_unit (
    id                UUID         PRIMARY KEY,
    organization_code VARCHAR(32)  NOT NULL UNIQUE,
    organization_name VARCHAR(100) NOT NULL,
    organization_type VARCHAR(40)  NOT NULL,
    cadence_months    INTEGER      NOT NULL CHECK (cadence_months > 0),
    status            VARCHAR(20)  NOT NULL CHECK (status IN ('DESIGNATED', 'WITHDRAWN')),
    designated_on     DATE         NOT NULL,
    designated_by     VARCHAR(100) NOT NULL,
    withdrawn_on      DATE,
    withdraw_reason   TEXT,
    version           BIGINT       NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL
);

-- Which group is responsible for which unit, from a day until the day the next took over (or the designation
-- was withdrawn). Rows are never deleted: they are the reassignment history.
CREATE TABLE group_assignment (
    id             UUID         PRIMARY KEY,
    unit_id        UUID         NOT NULL REFERENCES demonstration_unit (id),
    group_code     VARCHAR(32)  NOT NULL REFERENCES guidance_group (code),
    assigned_from  DATE         NOT NULL,
    assigned_until DATE,
    reason         TEXT,
    assigned_by    VARCHAR(100) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    CHECK (assigned_until IS NULL OR assigned_until >= assigned_from)
);
-- One responsible group per unit at a time, whatever two requests race.
CREATE UNIQUE INDEX group_assignment_current ON group_assignment (unit_id) WHERE assigned_until IS NULL;
CREATE INDEX group_assignment_group ON group_assignment (group_code);

-- Each unit's set-up tasks, one row per kind, made when the unit is designated.
CREATE TABLE guidance_task (
    unit_id    UUID         NOT NULL REFERENCES demonstration_unit (id),
    kind       VARCHAR(40)  NOT NULL
        CHECK (kind IN ('IMPLEMENTATION_RULES', 'CONTENT_CATALOG', 'DISCLOSURE_METHODS', 'MATERIALS_LEDGERS')),
    status     VARCHAR(20)  NOT NULL CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'DONE')),
    status_on  DATE,
    note       TEXT,
    updated_by VARCHAR(100),
    PRIMARY KEY (unit_id, kind),
    CHECK (status <> 'DONE' OR status_on IS NOT NULL)
);
