-- When the milestone detector found a milestone's date passed unreached (CommitmentMilestoneMissed sent once then).
ALTER TABLE commitment_milestone ADD COLUMN missed_at TIMESTAMPTZ;
-- The detector looks only at milestones not yet reached nor flagged.
CREATE INDEX commitment_milestone_unflagged ON commitment_milestone (due_date) WHERE reached_on IS NULL AND missed_at IS NULL;
