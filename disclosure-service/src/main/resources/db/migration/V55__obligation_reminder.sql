-- When the clerk was reminded that an open period falls due (DisclosureDueSoon): once per period, whatever the replicas do.
ALTER TABLE disclosure_obligation ADD COLUMN reminded_at TIMESTAMPTZ;
