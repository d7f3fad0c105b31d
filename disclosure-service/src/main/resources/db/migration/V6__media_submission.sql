-- Pieces submitted to outside media (信息报送), and their adoption.
CREATE TABLE media_submission (
    id              UUID         PRIMARY KEY,
    organization_id UUID         NOT NULL REFERENCES organization (id),
    title           VARCHAR(200) NOT NULL,
    outlet          VARCHAR(40)  NOT NULL,
    outlet_level    VARCHAR(12)  NOT NULL CHECK (outlet_level IN ('NATIONAL', 'PROVINCIAL', 'PREFECTURE', 'COUNTY')),
    submitted_on    DATE         NOT NULL,
    adopted_on      DATE,
    placement       VARCHAR(200),
    version         BIGINT       NOT NULL,
    created_by      VARCHAR(100) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX media_submission_organization ON media_submission (organization_id);
