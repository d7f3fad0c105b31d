-- A disclosure lapse can be cured on time (a paper ledger typed in after the lapse was raised shows the disclosure
-- was published by its due date): then the period's cadence was kept after all.
ALTER TABLE lapse ADD COLUMN cured_on_time BOOLEAN NOT NULL DEFAULT FALSE;
