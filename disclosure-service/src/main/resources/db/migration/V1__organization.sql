-- The county's register of party organizations: a tree from the county committee down to village branches.
CREATE TABLE organization (
    id             UUID         PRIMARY KEY,
    code           VARCHAR(32)  NOT NULL UNIQUE,
    name           VARCHAR(100) NOT NULL,
    type           VARCHAR(40)  NOT NULL,
    parent_id      UUID         REFERENCES organization (id),
    cadence_months INTEGER      NOT NULL CHECK (cadence_months BETWEEN 1 AND 12),
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX organization_parent ON organization (parent_id);
CREATE INDEX organization_type ON organization (type);
