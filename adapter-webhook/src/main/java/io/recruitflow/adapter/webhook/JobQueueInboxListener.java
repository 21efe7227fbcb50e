package io.recruitflow.adapter.webhook;

import io.recruitflow.application.port.IncomingEvent;
import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.application.port.JobType;
import io.recruitflow.domain.shared.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules an {@link JobType#INBOX_DISPATCH} job (priority {@link JobPriority#EVENTS}, id = the
 * webhook id) for every newly stored event. A scheduling failure is logged and otherwise ignored: the
 * event is durable in the inbox and the dispatcher's sweep picks it up.
 */
final class JobQueueInboxListener implements InboxListener {

    private static final Logger LOG = LoggerFactory.getLogger(JobQueueInboxListener.class);

    private final JobQueue jobs;
    private final Clock clock;

    JobQueueInboxListener(JobQueue jobs, Clock clock) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void stored(List<IncomingEvent> events) {
        for (IncomingEvent event : events) {
            try {
                jobs.schedule(new Job(JobType.INBOX_DISPATCH, event.webhookId(), clock.now(), JobPriority.EVENTS));
            } catch (RuntimeException e) {
                LOG.warn(
                        "could not schedule dispatch of webhook {} ({}); the inbox sweep will pick it up: {}",
                        event.webhookId(),
                        event.type(),
                        e.toString());
            }
        }
    }
}
