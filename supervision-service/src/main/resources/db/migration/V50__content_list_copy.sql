-- The local copy of each organization's content list (公开的内容和目录), kept from the disclosure service's
-- ContentListSettled: a unit's CONTENT_CATALOG set-up task cannot be done while its list is empty.
CREATE TABLE content_list_copy (
    organization_code VARCHAR(32) PRIMARY KEY,
    item_codes        TEXT        NOT NULL,
    item_count        INTEGER     NOT NULL,
    settled_at        TIMESTAMPTZ NOT NULL,
    version           BIGINT      NOT NULL
);
