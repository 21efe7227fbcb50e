-- When the recruit's do-not-disturb last changed, in GHL's time: GHL delivers webhooks in no particular
-- order, and a contact event older than the last consent change must never overwrite it. NULL for recruits
-- stored before: the first DND news is applied as it comes.
ALTER TABLE recruits ADD COLUMN dnd_changed_at timestamptz;
