-- The compliance matrix becomes a projection of the cadence engine's decisions (ComplianceOutcomeRecorded) and of
-- nothing else. Its cells take the engine's outcomes (PENDING, KEPT, LATE, MISSING, CURED, EXEMPTED), whether the
-- engine counts them as due, and an exemption's reason. The cells recorded before stay, marked LEGACY, so no figure
-- changes at this step; the engine's first outcome for a stretch of an organization's time replaces the legacy
-- cells it overlaps (their periods were the disclosures' own and may be offset from the engine's).
ALTER TABLE compliance_view DROP CONSTRAINT compliance_view_state_check;
ALTER TABLE compliance_view ADD CONSTRAINT compliance_view_state_check
    CHECK (state IN ('PENDING', 'KEPT', 'LATE', 'MISSING', 'CURED', 'EXEMPTED'));
ALTER TABLE compliance_view ADD COLUMN due BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE compliance_view ADD COLUMN exemption_reason TEXT;
ALTER TABLE compliance_view ADD COLUMN source VARCHAR(6) NOT NULL DEFAULT 'LEGACY' CHECK (source IN ('ENGINE', 'LEGACY'));
ALTER TABLE compliance_view ALTER COLUMN source SET DEFAULT 'ENGINE';
-- The figures are counted from the cells with the contract's one rule now; the old counters would drift from them.
DELETE FROM county_figure WHERE name LIKE 'compliance.%';
