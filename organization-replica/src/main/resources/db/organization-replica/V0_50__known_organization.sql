-- A local copy of the organization register, fed by the disclosure service's events. Numbered 0.50: after the
-- platform's tables, before the service's own migrations.
CREATE TABLE known_organization (
    id             UUID         PRIMARY KEY,
    code           VARCHAR(32)  NOT NULL UNIQUE,
    name           VARCHAR(100) NOT NULL,
    type           VARCHAR(40)  NOT NULL,
    parent_code    VARCHAR(32),
    cadence_months INTEGER      NOT NULL,
    active         BOOLEAN      NOT NULL
);
