-- Replies that touched consent: opt-outs, replies held for a person's review, START and HELP. One row per
-- inbound message event (its id is the idempotency key of the confirmation or help text sent in answer).
-- body is the reply's text, kept only for a reply under review (personal data: shown to the admin, never
-- logged); why is the classifier's reason and may quote the reply. A review is open while decided_at is NULL:
-- every text to the recruit waits. No foreign key to recruits: the record outlives nothing it refers to, and
-- recruits are never deleted.
CREATE TABLE recruit_replies (
    id           text        PRIMARY KEY,
    recruit_id   uuid        NOT NULL,
    location_id  text        NOT NULL,
    contact_id   text        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('OPT_OUT', 'REVIEW', 'OPT_IN', 'HELP')),
    why          text        NOT NULL,
    body         text,
    received_at  timestamptz NOT NULL,
    opt_out      boolean,
    decided_by   text,
    decided_at   timestamptz,
    answer       text,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (body IS NULL OR kind = 'REVIEW'),
    CHECK ((decided_at IS NULL) = (decided_by IS NULL) AND (decided_at IS NULL) = (opt_out IS NULL)),
    CHECK (decided_at IS NULL OR kind = 'REVIEW')
);

-- The hold: is there an open review of this recruit's replies? Asked before every text.
CREATE INDEX recruit_replies_open ON recruit_replies (recruit_id, received_at)
    WHERE kind = 'REVIEW' AND decided_at IS NULL;
-- The review list of the dashboard and the admin API.
CREATE INDEX recruit_replies_open_all ON recruit_replies (received_at, id)
    WHERE kind = 'REVIEW' AND decided_at IS NULL;
