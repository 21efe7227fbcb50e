-- How many times each message was handed to GHL: the retry policy gives up on a message after a fixed
-- number of attempts, counted per message (a deferred text is retried by its own job, not by the saga).
ALTER TABLE messages ADD COLUMN attempts integer NOT NULL DEFAULT 0;
