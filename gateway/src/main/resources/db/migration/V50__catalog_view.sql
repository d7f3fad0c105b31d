-- The county's disclosure catalog as the disclosure service last published it (CatalogPublished): one row, the
-- categories with their items as the event's JSON. Public, like what it lists.
CREATE TABLE catalog_view (
    id           UUID        PRIMARY KEY,
    categories   TEXT        NOT NULL,
    item_count   INTEGER     NOT NULL,
    published_at TIMESTAMPTZ NOT NULL
);
