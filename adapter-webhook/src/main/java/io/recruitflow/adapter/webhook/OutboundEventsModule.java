package io.recruitflow.adapter.webhook;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import io.recruitflow.application.outbound.Subscriptions;
import io.recruitflow.application.port.EventSender;
import java.util.Objects;

/**
 * Outbound events over HTTP: the configured {@link Subscriptions} and the {@link StandardWebhooksSender} that signs
 * and sends each event. Installed in the core injector (not the server's), because the job workers deliver whether
 * or not this process serves HTTP.
 */
public final class OutboundEventsModule extends AbstractModule {
    private final Subscriptions subscriptions;

    public OutboundEventsModule(Subscriptions subscriptions) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), Subscriptions.class)
                .setBinding()
                .toInstance(subscriptions);
        OptionalBinder.newOptionalBinder(binder(), EventSender.class)
                .setBinding()
                .toInstance(new StandardWebhooksSender(subscriptions.allowLoopbackHttp()));
    }
}
