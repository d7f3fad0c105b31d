-- Address ranges a county admin lets webhooks reach although they are internal (a department's intranet). Anything
-- loopback, link-local, private or multicast outside these is refused, at subscription and at every delivery.
CREATE TABLE webhook_allowed_range (
    cidr       text PRIMARY KEY,
    reason     text        NOT NULL,
    added_by   text        NOT NULL,
    added_at   timestamptz NOT NULL
);
