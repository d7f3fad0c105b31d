-- A cell's state must not depend on the order in which a publication and a lapse arrive (they travel on different
-- partitions): the disclosure that settled it is not kept here (it is in disclosure_view for the period).
ALTER TABLE compliance_view DROP COLUMN disclosure_id;
