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

    public GhlRestModule(GhlClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    protected void configure() {
        bind(ContactDirectory.class).toInstance(client.contacts());
        bind(Opportunities.class).toInstance(client.opportunities());
        bind(Pipelines.class).toInstance(client.pipelines());
        bind(Conversations.class).toInstance(client.conversations());
        bind(Calendars.class).toInstance(client.calendars());
        bind(Workflows.class).toInstance(client.workflows());
        bind(Locations.class).toInstance(client.locations());
        bind(Users.class).toInstance(client.users());
        bind(GhlAuthorization.class).toInstance(client.authorization());
    }
}
