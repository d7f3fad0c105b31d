-- One evaluation per person, not per address (issue 18): a village behind one shared connection was locked out after
-- its first evaluation. A signed-in citizen has one evaluation per commitment, which a second one revises; anonymous
-- evaluations are no longer unique per address, only limited per address and day (commitment.evaluations.*).
ALTER TABLE evaluation DROP CONSTRAINT evaluation_commitment_id_client_key_key;
-- The citizen's account (the token's subject); NULL for an anonymous evaluation.
ALTER TABLE evaluation ADD COLUMN citizen VARCHAR(255);
ALTER TABLE evaluation ADD COLUMN revised_at TIMESTAMPTZ;
CREATE UNIQUE INDEX evaluation_one_per_citizen ON evaluation (commitment_id, citizen) WHERE citizen IS NOT NULL;
-- The anonymous per-address-and-day count.
CREATE INDEX evaluation_anonymous_by_address ON evaluation (commitment_id, client_key, created_at) WHERE citizen IS NULL;
