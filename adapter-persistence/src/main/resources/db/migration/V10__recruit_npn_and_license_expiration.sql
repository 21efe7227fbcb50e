-- The producer's National Producer Number, the one identifier of an insurance producer that never changes
-- (phones, emails and state license numbers do): a location holds at most one recruit per NPN, as it does
-- per phone and per email, so a lead whose NPN is known is the recruit already there.
-- And the date the recruit's license expires, as the lead file gave it.
ALTER TABLE recruits ADD COLUMN npn text;
ALTER TABLE recruits ADD COLUMN license_expires date;
CREATE UNIQUE INDEX recruits_location_npn ON recruits (location_id, npn) WHERE npn IS NOT NULL;
