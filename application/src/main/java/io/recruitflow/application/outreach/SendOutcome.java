package io.recruitflow.application.outreach;

import io.recruitflow.domain.message.MessageRecord;
import java.time.Instant;

/** What became of a message we asked to send. */
public sealed interface SendOutcome {

    /** The CRM accepted it (now, or earlier: reconciliation found it in the conversation). */
    record Sent(MessageRecord record) implements SendOutcome {}

    /** Compliance said not yet; a job sends it at {@code until}. */
    record Deferred(Instant until, String reason) implements SendOutcome {}

    /** Compliance said never (opt-out, DND), or the location is suspended. */
    record Refused(String reason) implements SendOutcome {}

    /** The CRM refused it, or it kept failing until the retry policy gave up. */
    record Failed(String reason) implements SendOutcome {}

    /** A failure the retry policy retries, or an outcome still unknown: try again at {@code at}. */
    record RetryLater(Instant at, String reason) implements SendOutcome {}
}
