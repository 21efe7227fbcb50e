package io.recruitflow.bootstrap.wiring;

import com.google.inject.AbstractModule;
import io.recruitflow.adapter.ghl.GhlClient;
import io.recruitflow.domain.appointment.Calendars;
import io.recruitflow.domain.message.Conversations;
import io.recruitflow.domain.pipeline.Opportunities;
import io.recruitflow.domain.pipeline.Pipelines;
import io.recruitflow.domain.recruit.ContactDirectory;
import io.recruitflow.domain.recruit.Workflows;
import io.recruitflow.domain.shared.GhlAuthorization;
import io.recruitflow.domain.shared.Locations;
import io.recruitflow.domain.shared.Users;
import java.util.Objects;

/** The GHL ports on the GHL REST client. The client is created (and closed) by the caller. */
public final class GhlRestModule extends AbstractModule {
    private final GhlClient client;
    private final PortDecorator decorator;

    public GhlRestModule(GhlClient client) {
        this(client, PortDecorator.NONE);
    }

    /** @param decorator wraps each GHL port, e.g. to meter its calls */
    public GhlRestModule(GhlClient client, PortDecorator decorator) {
        this.client = Objects.requireNonNull(client, "client");
        this.decorator = Objects.requireNonNull(decorator, "decorator");
    }

    /** Wraps a port implementation in something that behaves the same (metering, tracing). */
    @FunctionalInterface
    public interface PortDecorator {
        PortDecorator NONE = new PortDecorator() {
            @Override
            public <T> T decorate(Class<T> port, T implementation) {
                return implementation;
            }
        };

        <T> T decorate(Class<T> port, T implementation);
    }

    private <T> void bindPort(Class<T> port, T implementation) {
        bind(port).toInstance(decorator.decorate(port, implementation));
    }

    @Override
    protected void configure() {
        bindPort(ContactDirectory.class, client.contacts());
        bindPort(Opportunities.class, client.opportunities());
        bindPort(Pipelines.class, client.pipelines());
        bindPort(Conversations.class, client.conversations());
        bindPort(Calendars.class, client.calendars());
        bindPort(Workflows.class, client.workflows());
        bindPort(Locations.class, client.locations());
        bindPort(Users.class, client.users());
        bindPort(GhlAuthorization.class, client.authorization());
    }
}
