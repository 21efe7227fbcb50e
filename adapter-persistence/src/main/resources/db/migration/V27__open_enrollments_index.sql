-- The follow-ups a location's enrollment batch takes up (PostgresIntakeJournal.awaitingFollowUp): the workflow
-- enrollments that are not settled, oldest first. Without it every batch run would scan every unsettled step of
-- every location (during a large import, four per recruit).
CREATE INDEX intake_steps_open_enrollments ON intake_steps (opened_at, recruit_id)
    WHERE step = 'ENROLL_WORKFLOW' AND state NOT IN ('DONE', 'SKIPPED', 'FAILED');
