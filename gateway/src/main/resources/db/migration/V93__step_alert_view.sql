-- Waiting workflow steps that were reminded or escalated (DisclosureStepReminded, DisclosureStepEscalated): at most one
-- row per disclosure, for its current step; the row goes when the disclosure moves on. Officials only: the console's
-- queue marks the items from here (/api/v1/internal/step-alerts).
CREATE TABLE step_alert_view (
    disclosure_id     UUID        PRIMARY KEY,
    deadline_id       UUID        NOT NULL,
    organization_code VARCHAR(32) NOT NULL,
    step              VARCHAR(20) NOT NULL,
    -- REMINDED, PARENT_ORGANIZATION, COUNTY_OFFICE (Labels: stepAlert)
    alert             VARCHAR(20) NOT NULL,
    holder_code       VARCHAR(32),
    escalated_to_code VARCHAR(32),
    limit_date        DATE        NOT NULL,
    at                TIMESTAMPTZ NOT NULL
);
CREATE INDEX step_alert_view_organization ON step_alert_view (organization_code);
