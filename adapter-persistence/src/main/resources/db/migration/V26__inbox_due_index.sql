-- The dispatcher's sweep reads the due heads of the pending events oldest first. Without an index in that order
-- it read every pending event to find the oldest 200 (DISTINCT ON over the whole backlog: 3.8 s per sweep with
-- 300,000 pending after a burst of webhooks). With it, the sweep walks the pending events by (event_time, seq) and
-- stops at its limit, checking each one against its contact's earlier events on inbox_events_pending.
CREATE INDEX inbox_events_due ON inbox_events (event_time, seq) WHERE status = 'PENDING';
