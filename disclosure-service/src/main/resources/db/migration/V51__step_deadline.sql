-- Limits on the workflow's waiting steps (issue 18 part 2). The county's defaults are settings
-- (disclosure.step-limits.*); a catalog item whose rules differ has its own limits here, in working days (null: the
-- default). A disclosure of several items takes the strictest of its items' limits.
CREATE TABLE catalog_item_step_limit (
    item_code                VARCHAR(16) PRIMARY KEY REFERENCES catalog_item (code),
    review_working_days      INTEGER CHECK (review_working_days > 0),
    approval_working_days    INTEGER CHECK (approval_working_days > 0),
    publication_working_days INTEGER CHECK (publication_working_days > 0)
);
-- Pre-appointment and development-candidate notices (任前公示, 发展对象公示) are due within 5 days of the matter:
-- each step may wait one working day.
INSERT INTO catalog_item_step_limit (item_code, review_working_days, approval_working_days, publication_working_days)
VALUES ('C4-03', 1, 1, 1), ('C5-03', 1, 1, 1);

-- One row per waiting step (the workflow step that began the wait): what the detector has sent for it, so that
-- each reminder and escalation leaves once, across rounds, replicas and restarts.
CREATE TABLE step_deadline (
    id                  UUID        PRIMARY KEY,
    disclosure_id       UUID        NOT NULL REFERENCES disclosure (id),
    step_id             BIGINT      NOT NULL UNIQUE REFERENCES disclosure_step (id),
    step                VARCHAR(16) NOT NULL CHECK (step IN ('SUBMITTED', 'REVIEWED', 'APPROVED')),
    entered_on          DATE        NOT NULL,
    reminded_at         TIMESTAMPTZ,
    parent_escalated_at TIMESTAMPTZ,
    county_escalated_at TIMESTAMPTZ
);
CREATE INDEX step_deadline_disclosure ON step_deadline (disclosure_id);
