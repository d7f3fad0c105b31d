-- Verified (a signed-in citizen's, one per person) and anonymous evaluations apart (issue 18). Ratings applied
-- before this column count as anonymous, as they were; ./suite rebuild reads the events' own flag.
ALTER TABLE evaluation_rating_view ADD COLUMN verified BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE commitment_view ADD COLUMN verified_evaluations INTEGER NOT NULL DEFAULT 0;
