-- The furthest recruiting stage each opportunity ever reached, for the funnel: a recruit who missed a
-- presentation and went back to Interested still reached Presentation Scheduled. Only ever raised
-- (PostgresOpportunityMirror.save); the rows there are already have reached at least their stage.
ALTER TABLE opportunities ADD COLUMN furthest_stage text;
UPDATE opportunities SET furthest_stage = stage;
ALTER TABLE opportunities ALTER COLUMN furthest_stage SET NOT NULL;
