-- The per-day caps count every text that may have reached a recipient: sent, being sent, or of unknown
-- outcome (MessageLog.possiblySentSince). The index follows the query.
CREATE INDEX messages_contact_possibly_sent ON messages (contact_id, channel, updated_at)
    WHERE state IN ('SENT', 'SENDING', 'UNKNOWN');
DROP INDEX messages_contact_sent;
