-- What the catalog looked like when it was last published as CatalogPublished: one row, locked by the replica that
-- compares and publishes, so several replicas starting at once publish a changed catalog once.
CREATE TABLE catalog_publication (
    id        INTEGER     PRIMARY KEY CHECK (id = 1),
    version   BIGINT      NOT NULL,
    digest    VARCHAR(64),
    published_at TIMESTAMPTZ
);
INSERT INTO catalog_publication (id, version, digest, published_at) VALUES (1, 0, NULL, NULL);
