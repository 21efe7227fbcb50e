package io.recruitflow.adapter.webhook;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import io.recruitflow.application.outbound.Subscriptions;
import io.recruitflow.application.port.EventSender;
import io.recruitflow.application.port.RecruitEvent;
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

    /**
     * The Standard Webhooks sender on its own, for embedders and tests: https only, or also http to loopback when
     * {@code allowLoopbackHttp}.
     */
    public static EventSender sender(boolean allowLoopbackHttp) {
        return new StandardWebhooksSender(allowLoopbackHttp);
    }

    /** The JSON body {@code event} is sent with (the same bytes on every attempt), as a receiver gets it. */
    public static String body(RecruitEvent event) {
        return StandardWebhooksSender.body(event);
    }
}
