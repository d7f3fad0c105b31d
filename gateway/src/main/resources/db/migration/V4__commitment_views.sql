-- Commitments with their progress and the public's ratings, as the events told them.
CREATE TABLE commitment_view (
    id                UUID          PRIMARY KEY,
    kind              VARCHAR(20)   NOT NULL,
    title             VARCHAR(200)  NOT NULL,
    description       TEXT,
    category          VARCHAR(40),
    department_code   VARCHAR(32),
    department_name   VARCHAR(100),
    organization_code VARCHAR(32),
    organization_name VARCHAR(100),
    responsible       VARCHAR(50)   NOT NULL,
    target_quantity   NUMERIC(14, 2),
    target_unit       VARCHAR(20),
    milestones        TEXT          NOT NULL,
    pledged_on        DATE          NOT NULL,
    due_date          DATE          NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    progress_percent  INTEGER,
    fulfilled_on      DATE,
    on_time           BOOLEAN,
    evidence          TEXT,
    withdraw_reason   TEXT,
    satisfied         INTEGER       NOT NULL DEFAULT 0,
    basically_satisfied INTEGER     NOT NULL DEFAULT 0,
    dissatisfied      INTEGER       NOT NULL DEFAULT 0,
    updated_at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX commitment_view_department ON commitment_view (department_code);
CREATE INDEX commitment_view_organization ON commitment_view (organization_code);

CREATE TABLE progress_view (
    id                UUID         PRIMARY KEY,
    commitment_id     UUID         NOT NULL,
    percent           INTEGER,
    quantity          NUMERIC(14, 2),
    note              TEXT,
    reason            TEXT,
    milestone_reached VARCHAR(100),
    reported_on       DATE         NOT NULL,
    at                TIMESTAMPTZ  NOT NULL
);
CREATE INDEX progress_view_commitment ON progress_view (commitment_id, reported_on, at);

-- Approved evaluation comments only.
CREATE TABLE evaluation_comment_view (
    id            UUID         PRIMARY KEY,
    commitment_id UUID         NOT NULL,
    rating        VARCHAR(20)  NOT NULL,
    comment       TEXT         NOT NULL,
    approved_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX evaluation_comment_view_commitment ON evaluation_comment_view (commitment_id, approved_at);

-- Which commitment an evaluation rated, so a later moderation event finds its commitment and rating.
CREATE TABLE evaluation_rating_view (
    id            UUID        PRIMARY KEY,
    commitment_id UUID        NOT NULL,
    rating        VARCHAR(20) NOT NULL
);
