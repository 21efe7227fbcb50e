-- Nurture: every planned follow-up step of a recruit (a cadence's texts and its rest, appointment reminders, ...)
-- with what became of it, the news that cancels steps, and the owner's alerts. A step's key is also the key of its
-- message in messages (one key, one message, sent at most once). No foreign key to recruits: recruits are never
-- deleted. No personal data in reason or why (they name rules, states and instants); body is the message as
-- planned, shown to the admin like messages.body.
CREATE TABLE nurture_steps (
    key           text        PRIMARY KEY,
    recruit_id    uuid        NOT NULL,
    location_id   text        NOT NULL,
    kind          text        NOT NULL,
    sequence      text        NOT NULL,
    step_index    integer     NOT NULL CHECK (step_index >= 1),
    action        text        NOT NULL,
    channel       text,
    body          text,
    subject       text,
    due_at        timestamptz NOT NULL,
    stage         text,
    about         text,
    cancel_on     text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('PLANNED', 'SENDING', 'SENT', 'DONE', 'SKIPPED', 'CANCELLED')),
    reason        text,
    cancelled_at  timestamptz,
    origin        timestamptz NOT NULL,
    planned_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CHECK ((action = 'send') = (channel IS NOT NULL AND body IS NOT NULL))
);

-- A recruit's steps (the recruit's page, cancellation of the open ones).
CREATE INDEX nurture_steps_recruit ON nurture_steps (recruit_id, planned_at, key);

-- News that cancels steps, as stored: a step planned later is cancelled by news stored since its origin.
CREATE TABLE nurture_news (
    id           bigserial   PRIMARY KEY,
    recruit_id   uuid        NOT NULL,
    kind         text        NOT NULL,
    stage        text,
    about        text,
    why          text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    stored_at    timestamptz NOT NULL
);

CREATE INDEX nurture_news_recruit ON nurture_news (recruit_id, stored_at);

-- What the owner should look at (a recruit replied, a recruit stalled), newest first on the dashboard.
CREATE TABLE owner_alerts (
    id           text        PRIMARY KEY,
    recruit_id   uuid        NOT NULL,
    location_id  text        NOT NULL,
    kind         text        NOT NULL,
    text         text        NOT NULL,
    at           timestamptz NOT NULL
);

CREATE INDEX owner_alerts_at ON owner_alerts (at DESC, id);
CREATE INDEX owner_alerts_recruit ON owner_alerts (recruit_id, at DESC);
