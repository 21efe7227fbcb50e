-- When each opportunity first entered each stage, in GHL's time of the write that put it there, for the report's
-- time in stage (PostgresOpportunityMirror.save keeps the earliest instant seen per stage, whatever the order of
-- the writes). Stages entered before this migration are not known: the report's time in stage counts from here.
CREATE TABLE opportunity_stage_entries (
    opportunity_id text        NOT NULL,
    stage          text        NOT NULL,
    entered_at     timestamptz NOT NULL,
    PRIMARY KEY (opportunity_id, stage)
);
-- The report finds a recruit's intro deferrals by recruit (compliance_decisions_by_recruit) and its presentations
-- by contact (appointments_contact); recruits are selected by acceptance (recruits_acceptance).
