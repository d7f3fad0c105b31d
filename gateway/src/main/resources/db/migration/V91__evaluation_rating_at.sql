-- When each rating was given: the annual report counts a year's evaluations. Ratings applied before this column
-- have none until the next rebuild (./suite rebuild) fills it from the events.
ALTER TABLE evaluation_rating_view ADD COLUMN rated_at TIMESTAMPTZ;
CREATE INDEX evaluation_rating_view_rated ON evaluation_rating_view (rated_at);
