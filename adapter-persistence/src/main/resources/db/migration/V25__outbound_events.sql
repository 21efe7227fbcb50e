-- The outbox of outbound events (Standard Webhooks): one row per event and subscription, kept after delivery so
-- that it can be listed and replayed. event_id is stable (derived from type, recruit and source): a fact published
-- twice is one row per subscription (the primary key). seq orders a recruit's events: a row is sent only when no
-- earlier pending row of the same recruit and subscription waits (outbound_events_lane). The event carries no
-- personal data (ids, stage, short details); last_result is a short status line, never a response body.
CREATE TABLE outbound_events (
    seq             bigint      GENERATED ALWAYS AS IDENTITY,
    event_id        text        NOT NULL,
    subscription    text        NOT NULL,
    type            text        NOT NULL,
    recruit_id      uuid        NOT NULL,
    location_id     text        NOT NULL,
    contact_id      text,
    occurred_at     timestamptz NOT NULL,
    source          text        NOT NULL,
    stage           text,
    detail_keys     text[]      NOT NULL DEFAULT '{}',
    detail_values   text[]      NOT NULL DEFAULT '{}',
    state           text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_result     text,
    settled_at      timestamptz,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (event_id, subscription),
    UNIQUE (seq)
);

-- The heads of the lanes: the first pending row of each recruit and subscription.
CREATE INDEX outbound_events_lane ON outbound_events (subscription, recruit_id, seq) WHERE state = 'PENDING';
-- What is due.
CREATE INDEX outbound_events_due ON outbound_events (next_attempt_at, seq) WHERE state = 'PENDING';
