-- Read models, fed only by events. Everything here can be rebuilt from the topics.
CREATE TABLE organization_view (
    id             UUID         PRIMARY KEY,
    code           VARCHAR(32)  NOT NULL UNIQUE,
    name           VARCHAR(100) NOT NULL,
    type           VARCHAR(40)  NOT NULL,
    parent_code    VARCHAR(32),
    cadence_months INTEGER      NOT NULL,
    active         BOOLEAN      NOT NULL,
    version        BIGINT       NOT NULL,
    registered_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX organization_view_type ON organization_view (type);
CREATE INDEX organization_view_parent ON organization_view (parent_code);

-- County dashboard figures, kept up to date event by event (never recounted on a request).
CREATE TABLE county_figure (
    name  VARCHAR(100) PRIMARY KEY,
    value BIGINT       NOT NULL
);
