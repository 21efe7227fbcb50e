-- What GHL last reported of each text's delivery (OutboundMessage status and error): the status, GHL's reason
-- for a text that did not reach the phone, whether that reason can pass (a retry may help), and when GHL says
-- the status changed. NULL status: no report yet.
ALTER TABLE messages ADD COLUMN delivery_status      text;
ALTER TABLE messages ADD COLUMN delivery_reason      text;
ALTER TABLE messages ADD COLUMN delivery_retryable   boolean NOT NULL DEFAULT false;
ALTER TABLE messages ADD COLUMN delivery_reported_at timestamptz;
-- Delivery reports and texts GHL sent on its own (keys 'crm/<message id>') are matched by GHL's message id.
CREATE INDEX messages_message_id ON messages (message_id) WHERE message_id IS NOT NULL;
-- The texts GHL could not deliver, for the funnel and the dashboard.
CREATE INDEX messages_not_delivered ON messages (delivery_reported_at)
    WHERE delivery_status IN ('UNDELIVERED', 'FAILED');
