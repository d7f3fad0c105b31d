-- When an organization's disclosure obligations begin: its registration, or earlier for a register brought in
-- from paper (the county's programme began before the system did).
ALTER TABLE organization ADD COLUMN disclosing_since DATE;
UPDATE organization SET disclosing_since = created_at::date;
ALTER TABLE organization ALTER COLUMN disclosing_since SET NOT NULL;
