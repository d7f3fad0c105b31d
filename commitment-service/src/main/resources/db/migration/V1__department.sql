-- Departments whose heads make public service commitments (公开服务承诺).
CREATE TABLE department (
    id         UUID         PRIMARY KEY,
    code       VARCHAR(32)  NOT NULL UNIQUE,
    name       VARCHAR(100) NOT NULL,
    head_name  VARCHAR(50),
    version    BIGINT       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);
