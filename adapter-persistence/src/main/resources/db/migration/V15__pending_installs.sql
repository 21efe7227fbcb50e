-- The state values of OAuth installs in progress, shared by every instance on this database, so that an
-- install started on one completes on whichever instance the callback reaches. Only a SHA-256 of each state
-- is kept. A state is consumed by DELETE ... RETURNING (single use, whatever races). The table is bounded:
-- issuing a state deletes those at least `capacity` issues older (seq) and the expired ones, both by index.
CREATE TABLE pending_installs (
    state_hash bytea       PRIMARY KEY,
    seq        bigint      GENERATED ALWAYS AS IDENTITY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX pending_installs_seq ON pending_installs (seq);
CREATE INDEX pending_installs_expires_at ON pending_installs (expires_at);
