-- A guidance group's progress report per period: generated from its units' figures, edited, then filed for good.
CREATE TABLE progress_report (
    id           UUID         PRIMARY KEY,
    group_code   VARCHAR(32)  NOT NULL REFERENCES guidance_group (code),
    period       VARCHAR(10)  NOT NULL,
    period_start DATE         NOT NULL,
    period_end   DATE         NOT NULL,
    status       VARCHAR(10)  NOT NULL CHECK (status IN ('DRAFT', 'FILED')),
    -- the figures as JSON (totals and one row per unit), as generated
    figures      TEXT         NOT NULL,
    summary      TEXT         NOT NULL,
    next_steps   TEXT,
    generated_by VARCHAR(100) NOT NULL,
    generated_at TIMESTAMPTZ  NOT NULL,
    filed_by     VARCHAR(100),
    filed_at     TIMESTAMPTZ,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    UNIQUE (group_code, period)
);
