-- Each organization's own content list (公开的内容和目录): the catalog items it discloses, settled with its guidance group.
CREATE TABLE organization_item (
    organization_id UUID        NOT NULL REFERENCES organization (id),
    item_code       VARCHAR(16) NOT NULL REFERENCES catalog_item (code),
    PRIMARY KEY (organization_id, item_code)
);
