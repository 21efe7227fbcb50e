-- Stall alerts: a recruit idle in a stage longer than the stage's limit, announced once. One row per recruit,
-- stage and the instant they became idle there (the last change of their opportunity, or the end of their
-- presentation), so a recruit who moves on and stalls again is alerted again, and a sweep on any instance, or
-- after a restart, never announces one twice. Ids, a stage and instants only: no personal data.
CREATE TABLE stall_alerts (
    recruit_id    uuid        NOT NULL,
    location_id   text        NOT NULL,
    stage         text        NOT NULL,
    idle_since    timestamptz NOT NULL,
    limit_seconds bigint      NOT NULL CHECK (limit_seconds > 0),
    detected_at   timestamptz NOT NULL,
    PRIMARY KEY (recruit_id, stage, idle_since)
);

-- The latest alerts of a location, for the dashboard and the admin API.
CREATE INDEX stall_alerts_recent ON stall_alerts (location_id, detected_at DESC);
