-- A running job asked to run again (PostgresJobQueue.scheduleNoLaterThan on a claimed row): the time it must run
-- again by, read when its run ends. Without it, work added while a location's enrollment batch ran could be missed:
-- the batch had looked before the work came, and its end removed the job the work had asked for.
-- Nullable and without a default: adding it rewrites nothing, and db-scheduler's own statements never name it.
ALTER TABLE scheduled_tasks ADD COLUMN run_again_at timestamp with time zone;
