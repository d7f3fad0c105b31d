-- Write-ups of good practice (经验做法), in the shape of a media submission.
CREATE TABLE good_practice (
    id            UUID         PRIMARY KEY,
    unit_code     VARCHAR(32)  NOT NULL,
    inspection_id UUID         REFERENCES inspection (id),
    title         VARCHAR(200) NOT NULL,
    summary       VARCHAR(500),
    body          TEXT         NOT NULL,
    written_on    DATE         NOT NULL,
    author        VARCHAR(100) NOT NULL,
    revised_by    VARCHAR(100),
    version       BIGINT       NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX good_practice_unit ON good_practice (unit_code, written_on);
