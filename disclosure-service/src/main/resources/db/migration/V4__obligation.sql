-- The cadence engine's obligations: one per active organization and period of its cadence, computed, never typed.
CREATE TABLE disclosure_obligation (
    id                UUID        PRIMARY KEY,
    organization_id   UUID        NOT NULL REFERENCES organization (id),
    period_start      DATE        NOT NULL,
    period_end        DATE        NOT NULL,
    due_date          DATE        NOT NULL,
    -- OPEN: nothing published yet; MET: published by the due date; LATE: published after it (no lapse raised
    -- yet); LAPSED: the due date passed with nothing published (DisclosureOverdue sent); CURED: published after lapsing
    status            VARCHAR(10) NOT NULL CHECK (status IN ('OPEN', 'MET', 'LATE', 'LAPSED', 'CURED')),
    disclosure_id     UUID        REFERENCES disclosure (id),
    published_at      TIMESTAMPTZ,
    lapsed_at         TIMESTAMPTZ,
    version           BIGINT      NOT NULL,
    UNIQUE (organization_id, period_start)
);
CREATE INDEX disclosure_obligation_open ON disclosure_obligation (due_date) WHERE status = 'OPEN';
