-- The record of every compliance decision (send, defer until T, refuse) on a text or email to a recruit, with
-- the rules that decided it (ids and sources) and their inputs: jurisdictions, zones, texts counted. Appended
-- in the same transaction as the message state change it caused; kept: nothing updates or deletes a row.
-- No personal data: reasons name rules, instants, zones and states, never the number, name or address.
CREATE TABLE compliance_decisions (
    id                 BIGSERIAL PRIMARY KEY,
    recruit_id         UUID NOT NULL,
    message_key        TEXT NOT NULL,
    channel            TEXT NOT NULL,
    decision           TEXT NOT NULL CHECK (decision IN ('SEND', 'DEFER', 'REFUSE')),
    not_before         TIMESTAMPTZ,
    decided_at         TIMESTAMPTZ NOT NULL,
    reasons            JSONB NOT NULL,
    jurisdictions      JSONB NOT NULL,
    zones              JSONB NOT NULL,
    texts_counted      JSONB NOT NULL,
    rules_in_force     JSONB NOT NULL,
    rules_switched_off JSONB NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((decision = 'DEFER') = (not_before IS NOT NULL))
);
CREATE INDEX compliance_decisions_by_recruit ON compliance_decisions (recruit_id, id DESC);
CREATE INDEX compliance_decisions_by_message ON compliance_decisions (message_key);

-- The state of the contact's address in GHL (the contact's `state`), one of the jurisdictions whose texting
-- rules apply to the recruit. NULL when GHL has none.
ALTER TABLE recruits ADD COLUMN address_state TEXT;
