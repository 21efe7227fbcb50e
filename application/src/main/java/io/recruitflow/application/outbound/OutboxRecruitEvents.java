package io.recruitflow.application.outbound;

import io.recruitflow.application.port.Outbox;
import io.recruitflow.application.port.RecruitEvent;
import io.recruitflow.application.port.RecruitEvents;
import io.recruitflow.domain.shared.Clock;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * {@link RecruitEvents} through the durable {@link Outbox}: one pending entry per configured subscription, due at
 * once; the {@link OutboundDispatcher} delivers it. Without subscriptions nothing is stored (a subscription added
 * later receives the events from then on).
 */
@Singleton
public class OutboxRecruitEvents implements RecruitEvents {
    private final Outbox outbox;
    private final Subscriptions subscriptions;
    private final Clock clock;

    @Inject
    public OutboxRecruitEvents(Outbox outbox, Subscriptions subscriptions, Clock clock) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Override
    public boolean enabled() {
        return !subscriptions.isEmpty();
    }

    @Override
    public void publish(RecruitEvent event) {
        if (!subscriptions.isEmpty()) {
            outbox.append(event, subscriptions.names(), clock.now());
        }
    }
}
