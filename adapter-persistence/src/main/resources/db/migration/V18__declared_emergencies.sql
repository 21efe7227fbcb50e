-- Suspensions of every text into a state, declared at run time (admin API, CLI): a state of emergency (Louisiana
-- bans solicitation during one) or a holiday proclaimed for one year. Honoured like a holiday by every decision.
CREATE TABLE declared_emergencies (
    id          BIGSERIAL PRIMARY KEY,
    state       TEXT NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    reason      TEXT NOT NULL,
    declared_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (starts_at < ends_at)
);
CREATE INDEX declared_emergencies_by_state ON declared_emergencies (state, ends_at);
