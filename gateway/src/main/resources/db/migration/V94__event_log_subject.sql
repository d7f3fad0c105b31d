-- A commitment's Atom feed reads its public events from the log by subject (feed/FeedQueries).
CREATE INDEX event_log_subject ON event_log (subject, seq);
