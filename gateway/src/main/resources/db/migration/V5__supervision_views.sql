-- The supervision programme as far as the rest of the gateway needs it: which organizations are demonstration units
-- and under which guidance group, and the findings behind the officials' dashboard. Officials' business only: none
-- of it reaches the public side except whether an organization is a demonstration unit.
CREATE TABLE unit_view (
    organization_code VARCHAR(32) PRIMARY KEY,
    designated        BOOLEAN     NOT NULL,
    group_code        VARCHAR(32),
    designated_on     DATE
);

CREATE TABLE group_view (
    code VARCHAR(32)  PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE finding_view (
    id         UUID        PRIMARY KEY,
    unit_code  VARCHAR(32) NOT NULL,
    group_code VARCHAR(32),
    source     VARCHAR(30) NOT NULL,
    severity   VARCHAR(20) NOT NULL,
    -- OPEN, RECTIFIED (reported, awaiting verification) or CLOSED (verified or resolved)
    status     VARCHAR(10) NOT NULL,
    overdue    BOOLEAN     NOT NULL DEFAULT FALSE,
    deadline   DATE,
    raised_on  DATE        NOT NULL
);
CREATE INDEX finding_view_group ON finding_view (group_code, status);
