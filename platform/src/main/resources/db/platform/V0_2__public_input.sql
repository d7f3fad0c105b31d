-- What the public sent (comments, evaluations), by hashed client and kind: the rate limiter counts these rows, so
-- the limit holds across replicas.
CREATE TABLE public_input (
    id         BIGSERIAL    PRIMARY KEY,
    kind       VARCHAR(40)  NOT NULL,
    client_key VARCHAR(64)  NOT NULL,
    at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX public_input_client ON public_input (kind, client_key, at);
