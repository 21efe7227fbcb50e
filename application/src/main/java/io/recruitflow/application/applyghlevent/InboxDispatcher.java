package io.recruitflow.application.applyghlevent;

import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.InboxEvent;
import io.recruitflow.application.port.UnitOfWork;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ExternalFailure;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds stored webhook events to {@link ApplyGhlEventUseCase}, oldest first and one at a time per
 * contact, with retries and exponential backoff; an event that keeps failing is dead-lettered with its
 * last error. A body that cannot be decoded is dead-lettered at once: retrying cannot fix it.
 */
@Singleton
public class InboxDispatcher {
    static final int MAX_ATTEMPTS = 8;

    private final EventInbox inbox;
    private final GhlEventDecoder decoder;
    private final ApplyGhlEventUseCase apply;
    private final Clock clock;
    private final UnitOfWork work;

    public InboxDispatcher(EventInbox inbox, GhlEventDecoder decoder, ApplyGhlEventUseCase apply, Clock clock) {
        this(inbox, decoder, apply, clock, UnitOfWork.direct());
    }

    /** Each batch of events applied and marked in one {@link UnitOfWork} (a commit before any CRM call one makes). */
    @Inject
    public InboxDispatcher(
            EventInbox inbox, GhlEventDecoder decoder, ApplyGhlEventUseCase apply, Clock clock, UnitOfWork work) {
        this.inbox = inbox;
        this.decoder = decoder;
        this.apply = apply;
        this.clock = clock;
        this.work = work;
    }

    /** Processes up to {@code limit} due events; returns how many it handled. */
    public int dispatchDue(int limit) {
        // The batch in one unit of work: every event's changes and marks in one commit (one before any CRM call an
        // event makes); an event that fails is undone alone and marked for a retry.
        return work.inOne(() -> {
            List<InboxEvent> due = inbox.due(clock.now(), limit);
            for (InboxEvent event : due) {
                dispatch(event);
            }
            return due.size();
        });
    }

    private void dispatch(InboxEvent stored) {
        String id = stored.event().webhookId();
        try {
            work.isolated(() -> {
                applyAndMark(stored);
                return null;
            });
        } catch (RuntimeException e) {
            // Anything else may pass (GHL back, a bug fixed): retry with backoff, then dead-letter.
            int attempts = stored.attempts() + 1;
            String error = e instanceof ExternalFailure
                    ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            if (attempts >= MAX_ATTEMPTS) {
                inbox.markDead(id, "gave up after " + attempts + " attempts: " + error);
            } else {
                inbox.markFailed(id, error, retryAt(attempts));
            }
        }
    }

    private void applyAndMark(InboxEvent stored) {
        String id = stored.event().webhookId();
        try {
            List<GhlEvent> decoded =
                    decoder.decodeAll(stored.event().type(), stored.event().rawBody());
            if (decoded.isEmpty()) {
                inbox.markIgnored(id, "event type " + stored.event().type() + " is not handled");
                return;
            }
            // Several events of one body are applied in turn; each is idempotent, so a retry re-applies safely.
            List<String> notApplied = new ArrayList<>();
            for (GhlEvent event : decoded) {
                if (apply.apply(new ApplyGhlEventCommand(event)) instanceof EventOutcome.NotApplied n) {
                    notApplied.add(n.why());
                }
            }
            if (notApplied.isEmpty()) {
                inbox.markProcessed(id);
            } else {
                inbox.markIgnored(id, String.join("; ", notApplied));
            }
        } catch (GhlEventDecoder.IgnoredEventException e) {
            inbox.markIgnored(id, e.getMessage());
        } catch (GhlEventDecoder.MalformedEventException e) {
            inbox.markDead(id, "malformed " + stored.event().type() + ": " + e.getMessage());
        }
    }

    private Instant retryAt(int attempts) {
        return clock.now().plus(Duration.ofSeconds(Math.min(3600, 1L << Math.min(2 * attempts, 12))));
    }
}
