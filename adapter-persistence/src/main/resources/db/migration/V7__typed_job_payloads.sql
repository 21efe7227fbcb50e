-- Jobs carry typed payloads in task_data (JSON written by JobPayloadSerializer: the payload record's name as
-- "kind", its components as fields). Jobs scheduled by an earlier version have none: derive each from what
-- its id meant then, so that an upgrade loses no scheduled work.

-- INTAKE: the recruit id, with ":follow-up" for the second phase.
UPDATE scheduled_tasks
SET task_data = convert_to(json_build_object(
        'kind', 'Intake',
        'recruit', split_part(task_instance, ':', 1),
        'phase', CASE WHEN task_instance LIKE '%:follow-up' THEN 'FOLLOW_UP' ELSE 'FIRST' END)::text, 'UTF8')
WHERE task_name = 'INTAKE' AND task_data IS NULL;

-- DEFERRED_MESSAGE: the message key; the recruit is named by an intro's key, else found by the message's contact.
UPDATE scheduled_tasks t
SET task_data = convert_to(json_build_object(
        'kind', 'DeliverMessage',
        'message', t.task_instance,
        'recruit', COALESCE(
            CASE WHEN t.task_instance LIKE 'intro/%' THEN substr(t.task_instance, 7) END,
            (SELECT r.id::text FROM messages m JOIN recruits r
                 ON r.contact_id = m.contact_id AND r.location_id = m.location_id
             WHERE m.message_key = t.task_instance LIMIT 1)))::text, 'UTF8')
WHERE t.task_name = 'DEFERRED_MESSAGE' AND t.task_data IS NULL
  AND (t.task_instance LIKE 'intro/%' OR EXISTS (
      SELECT 1 FROM messages m JOIN recruits r ON r.contact_id = m.contact_id AND r.location_id = m.location_id
      WHERE m.message_key = t.task_instance));

-- INBOX_DISPATCH: the one sweep job. Per-event wake-ups were no-ops already.
UPDATE scheduled_tasks SET task_data = convert_to('{"kind":"SweepInbox"}', 'UTF8')
WHERE task_name = 'INBOX_DISPATCH' AND task_instance = 'inbox-sweep' AND task_data IS NULL;

-- What is left had nothing to do (the earlier version gave such a job up when it ran).
DELETE FROM scheduled_tasks WHERE task_data IS NULL AND task_name IN ('INTAKE', 'DEFERRED_MESSAGE', 'INBOX_DISPATCH');
