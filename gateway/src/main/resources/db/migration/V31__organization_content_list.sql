-- Each organization's content list (公开的内容和目录: the catalog items it discloses), public like the register:
-- kept from ContentListSettled, comma-separated item codes.
ALTER TABLE organization_view ADD COLUMN content_items TEXT;
