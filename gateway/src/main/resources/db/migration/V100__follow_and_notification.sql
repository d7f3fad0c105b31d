-- Follows and notifications (notification/): who signed in and where their mail goes, what citizens follow, the
-- notifications made from events, and the mail outbox the relay sends from. None of this is a read model: a
-- rebuild leaves it as it is, and the projections add to it only for live events.

-- An account the gateway has seen signed in (portal or console), as its token said last time: where its
-- notifications go, and for officials which work is theirs (role and binding).
CREATE TABLE notify_account (
    subject         VARCHAR(100)  PRIMARY KEY,
    username        VARCHAR(100)  NOT NULL,
    display_name    VARCHAR(200),
    email           VARCHAR(320),
    roles           VARCHAR(200)  NOT NULL,
    org_code        VARCHAR(32),
    department_code VARCHAR(32),
    guidance_group  VARCHAR(32),
    -- IMMEDIATE: a mail per notification; DIGEST: one a day; NONE: the portal only (unsubscribed).
    delivery        VARCHAR(10)   NOT NULL DEFAULT 'IMMEDIATE' CHECK (delivery IN ('IMMEDIATE', 'DIGEST', 'NONE')),
    -- The county day of the last digest made for it: one digest a day, whatever the replicas do.
    last_digest_on  DATE,
    created_at      TIMESTAMPTZ   NOT NULL,
    seen_at         TIMESTAMPTZ   NOT NULL
);
CREATE INDEX notify_account_org ON notify_account (org_code);
CREATE INDEX notify_account_group ON notify_account (guidance_group);

CREATE TABLE follow (
    subject     VARCHAR(100) NOT NULL REFERENCES notify_account (subject) ON DELETE CASCADE,
    target_kind VARCHAR(20)  NOT NULL CHECK (target_kind IN ('ORGANIZATION', 'COMMITMENT', 'CATEGORY')),
    target_code VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (subject, target_kind, target_code)
);
CREATE INDEX follow_target ON follow (target_kind, target_code);

-- One per event and recipient: the id is derived from both, so an event applied again can never notify twice.
CREATE TABLE notification (
    id           UUID          PRIMARY KEY,
    recipient    VARCHAR(100)  NOT NULL REFERENCES notify_account (subject) ON DELETE CASCADE,
    event_id     VARCHAR(64)   NOT NULL,
    kind         VARCHAR(40)   NOT NULL,
    title        VARCHAR(300)  NOT NULL,
    body         VARCHAR(2000) NOT NULL,
    link         VARCHAR(500)  NOT NULL,
    occurred_at  TIMESTAMPTZ   NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    read_at      TIMESTAMPTZ,
    -- Waiting for the recipient's daily digest; cleared when the digest's mail is written.
    digest_due   BOOLEAN       NOT NULL DEFAULT FALSE,
    UNIQUE (event_id, recipient)
);
CREATE INDEX notification_recipient ON notification (recipient, created_at DESC);
CREATE INDEX notification_digest_due ON notification (recipient) WHERE digest_due;

-- Mail to send, written in the same transaction as what it tells of; the relay sends it and marks it sent.
CREATE TABLE mail_outbox (
    id              UUID          PRIMARY KEY,
    -- Stable per notification or digest: a copy sent again after a crash carries the same Message-ID.
    message_id      VARCHAR(200)  NOT NULL UNIQUE,
    recipient       VARCHAR(100)  NOT NULL,
    to_address      VARCHAR(320)  NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    text_body       TEXT          NOT NULL,
    unsubscribe_url VARCHAR(1000) NOT NULL,
    status          VARCHAR(10)   NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT')),
    attempts        INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    last_error      VARCHAR(500),
    -- The replica sending it right now; a lease that ran out may be taken by another.
    lease_token     UUID,
    leased_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ   NOT NULL,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
