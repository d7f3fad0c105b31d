-- The engine owns every period's outcome and publishes it (ComplianceOutcomeRecorded): an exemption with its reason,
-- whether the engine has seen the due date pass (the period then counts towards the rate), and which version of the
-- obligation was last published. Existing obligations have never been published: the next check sends them all.
ALTER TABLE disclosure_obligation DROP CONSTRAINT disclosure_obligation_status_check;
ALTER TABLE disclosure_obligation ADD CONSTRAINT disclosure_obligation_status_check
    CHECK (status IN ('OPEN', 'MET', 'LATE', 'LAPSED', 'CURED', 'EXEMPTED'));
ALTER TABLE disclosure_obligation ADD COLUMN exemption_reason TEXT;
ALTER TABLE disclosure_obligation ADD COLUMN due_passed BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE disclosure_obligation ADD COLUMN outcome_version BIGINT;
-- What the engine has already judged past its due date; kept periods follow at the next check, on the engine's clock.
UPDATE disclosure_obligation SET due_passed = true WHERE status IN ('LATE', 'LAPSED', 'CURED');
CREATE INDEX disclosure_obligation_unpublished ON disclosure_obligation (id)
    WHERE outcome_version IS NULL OR outcome_version <> version;
