-- Rounds of on-site inspection (督查) over planned units, and the inspections recorded in them.
CREATE TABLE inspection_round (
    id         UUID         PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    starts_on  DATE         NOT NULL,
    ends_on    DATE         NOT NULL,
    status     VARCHAR(10)  NOT NULL CHECK (status IN ('PLANNED', 'CLOSED')),
    planned_by VARCHAR(100) NOT NULL,
    closed_by  VARCHAR(100),
    closed_at  TIMESTAMPTZ,
    version    BIGINT       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    CHECK (ends_on >= starts_on)
);

CREATE TABLE inspection_round_unit (
    round_id  UUID        NOT NULL REFERENCES inspection_round (id),
    unit_code VARCHAR(32) NOT NULL,
    PRIMARY KEY (round_id, unit_code)
);

-- One inspection per unit per round.
CREATE TABLE inspection (
    id           UUID         PRIMARY KEY,
    round_id     UUID         NOT NULL REFERENCES inspection_round (id),
    unit_code    VARCHAR(32)  NOT NULL,
    group_code   VARCHAR(32),
    inspected_on DATE         NOT NULL,
    total_score  INTEGER      NOT NULL,
    max_score    INTEGER      NOT NULL,
    observations TEXT,
    recorded_by  VARCHAR(100) NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    UNIQUE (round_id, unit_code)
);
CREATE INDEX inspection_unit ON inspection (unit_code, inspected_on);

CREATE TABLE inspection_inspector (
    inspection_id UUID        NOT NULL REFERENCES inspection (id),
    position      INTEGER     NOT NULL,
    name          VARCHAR(50) NOT NULL,
    PRIMARY KEY (inspection_id, position)
);

-- The checklist's score per item, with the item's label and maximum as they were configured that day.
CREATE TABLE inspection_score (
    inspection_id UUID         NOT NULL REFERENCES inspection (id),
    position      INTEGER      NOT NULL,
    item          VARCHAR(40)  NOT NULL,
    label         VARCHAR(100) NOT NULL,
    score         INTEGER      NOT NULL,
    max_score     INTEGER      NOT NULL,
    note          TEXT,
    PRIMARY KEY (inspection_id, position),
    UNIQUE (inspection_id, item),
    CHECK (score BETWEEN 0 AND max_score)
);
