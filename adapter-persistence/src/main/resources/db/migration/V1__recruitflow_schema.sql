-- Recruitflow's own durable state. Every instant is a timestamptz (microsecond precision).
-- Rows written on behalf of GHL carry GHL's own timestamp in updated_at: upserts refuse to let an older
-- timestamp overwrite a newer one (see the WHERE clauses of the adapter's ON CONFLICT DO UPDATE).

-- Recruits: one per accepted lead. A location holds at most one recruit per phone and per email.
CREATE TABLE recruits (
    id             uuid        PRIMARY KEY,
    seq            bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,  -- insertion order, the listing cursor
    location_id    text        NOT NULL,
    first_name     text        NOT NULL,
    last_name      text        NOT NULL,
    email          text,
    phone          text,
    license_state  text        NOT NULL,
    license_number text,
    license_types  text[]      NOT NULL,
    source         text        NOT NULL,
    tags           text[]      NOT NULL,
    custom_fields  jsonb       NOT NULL,
    dnd            boolean     NOT NULL,
    opted_out_at   timestamptz,
    time_zone      text,
    contact_id     text,
    accepted_at    timestamptz NOT NULL,
    intro_sent_at  timestamptz,
    version        bigint      NOT NULL,
    CONSTRAINT recruits_reachable CHECK (email IS NOT NULL OR phone IS NOT NULL)
);
CREATE UNIQUE INDEX recruits_location_phone ON recruits (location_id, phone) WHERE phone IS NOT NULL;
CREATE UNIQUE INDEX recruits_location_email ON recruits (location_id, email) WHERE email IS NOT NULL;
CREATE INDEX recruits_contact ON recruits (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX recruits_acceptance ON recruits (accepted_at, seq);

-- The intake journal: one row per recruit and saga step.
CREATE TABLE intake_steps (
    recruit_id  uuid        NOT NULL,
    step        text        NOT NULL,
    step_order  smallint    NOT NULL,
    state       text        NOT NULL,
    attempts    integer     NOT NULL,
    ref         text,
    detail      text,
    not_before  timestamptz,
    opened_at   timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (recruit_id, step)
);
CREATE INDEX intake_steps_unsettled ON intake_steps (opened_at, recruit_id)
    WHERE state NOT IN ('DONE', 'SKIPPED', 'FAILED');

-- The mirror of the recruiting pipeline: one opportunity per recruit, as GHL last told us.
CREATE TABLE opportunities (
    id             text          PRIMARY KEY,
    location_id    text          NOT NULL,
    contact_id     text          NOT NULL,
    name           text          NOT NULL,
    pipeline_id    text          NOT NULL,
    stage          text          NOT NULL,
    status         text          NOT NULL,
    monetary_value numeric(14,2) NOT NULL,
    assigned_to    text,
    updated_at     timestamptz   NOT NULL,
    version        bigint        NOT NULL
);
CREATE INDEX opportunities_contact ON opportunities (contact_id, updated_at DESC);
CREATE INDEX opportunities_location ON opportunities (location_id);

-- Presentations.
CREATE TABLE appointments (
    id          text        PRIMARY KEY,
    calendar_id text        NOT NULL,
    location_id text        NOT NULL,
    contact_id  text        NOT NULL,
    title       text        NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    status      text        NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX appointments_contact ON appointments (contact_id, starts_at);

-- Outbound messages, one per idempotency key: PLANNED -> SENDING -> SENT | UNKNOWN | FAILED, or REFUSED.
CREATE TABLE messages (
    message_key     text        PRIMARY KEY,
    location_id     text        NOT NULL,
    contact_id      text        NOT NULL,
    channel         text        NOT NULL,
    body            text        NOT NULL,
    subject         text,
    state           text        NOT NULL,
    not_before      timestamptz,
    message_id      text,
    conversation_id text,
    detail          text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX messages_contact_sent ON messages (contact_id, channel, updated_at) WHERE state = 'SENT';
CREATE INDEX messages_planned ON messages (created_at) WHERE state = 'PLANNED';

-- OAuth tokens per company or location. Tokens are AES-GCM ciphertexts (version byte, nonce, data, tag).
CREATE TABLE oauth_tokens (
    owner_type    text        NOT NULL,
    owner_id      text        NOT NULL,
    access_token  bytea       NOT NULL,
    refresh_token bytea       NOT NULL,
    expires_at    timestamptz NOT NULL,
    scopes        text[]      NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_type, owner_id)
);

-- Ids of external events already applied.
CREATE TABLE processed_events (
    event_id     text        PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- The webhook inbox: every verified event, raw body as signed, unique on GHL's webhookId.
CREATE TABLE inbox_events (
    webhook_id      text        PRIMARY KEY,
    seq             bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,  -- arrival order
    event_type      text        NOT NULL,
    location_id     text,
    contact_id      text,
    event_time      timestamptz NOT NULL,
    raw_body        bytea       NOT NULL,
    received_at     timestamptz NOT NULL,
    status          text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    failures        integer     NOT NULL DEFAULT 0,
    last_error      text,
    next_attempt_at timestamptz,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
-- One head per contact (events without a contact stand alone), oldest first.
CREATE INDEX inbox_events_pending ON inbox_events (coalesce(contact_id, webhook_id), event_time, seq)
    WHERE status = 'PENDING';
CREATE INDEX inbox_events_status ON inbox_events (status, seq);

-- Counters that no row can give, such as refused repeats.
CREATE TABLE inbox_counters (
    name  text   PRIMARY KEY,
    value bigint NOT NULL
);
INSERT INTO inbox_counters (name, value) VALUES ('duplicates', 0);
