-- Routing (issue 17): the GHL user each recruit is assigned to, and each location's round-robin count.
-- assigned_user is a GHL user id (never an email or a name), NULL when no routing rule or fallback applied. It is
-- set in the transaction that stores the recruit, and changed by a reassignment (POST /api/recruits/{id}/assignee).
ALTER TABLE recruits ADD COLUMN assigned_user text;
-- "By recruiter" reports group on it, per location.
CREATE INDEX recruits_location_assignee ON recruits (location_id, assigned_user);

-- The round-robin turns taken so far in each location: an import's batch takes its turns in one
-- INSERT ... ON CONFLICT DO UPDATE ... RETURNING, in the transaction that stores the batch, so every instance and
-- every restart continues one count and recruits are shared out evenly.
CREATE TABLE routing_turns (
    location_id text   PRIMARY KEY,
    turns       bigint NOT NULL CHECK (turns >= 0)
);
