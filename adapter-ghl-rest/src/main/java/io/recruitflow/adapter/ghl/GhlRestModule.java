package io.recruitflow.adapter.ghl;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import io.recruitflow.adapter.ghl.ratelimit.PostgresPermitSource;
import io.recruitflow.application.port.CallBudgets;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.Installations;
import io.recruitflow.application.port.UnitOfWork;
import io.recruitflow.domain.appointment.Calendars;
import io.recruitflow.domain.message.Conversations;
import io.recruitflow.domain.pipeline.Opportunities;
import io.recruitflow.domain.pipeline.Pipelines;
import io.recruitflow.domain.recruit.ContactDirectory;
import io.recruitflow.domain.recruit.Workflows;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.SuspendedLocations;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The GHL ports on the GHL REST client, built from a {@link GhlClientConfig}: binds {@link GhlClient} (its
 * connection pool is released by the lifecycle, {@code @PreDestroy}), its {@link PermitSource}, and
 * {@link ContactDirectory}, {@link Opportunities}, {@link Pipelines}, {@link Conversations}, {@link Calendars},
 * {@link Workflows}, {@link Locations}, {@link Users} and {@link GhlAuthorization}. Needs a {@link CredentialStore}
 * (OAuth tokens), the {@link SuspendedLocations} (a location whose refresh token GHL refuses is suspended there)
 * and a {@link Clock}.
 *
 * <p><b>Rate budget.</b> By default each process spends a location's GHL budget through its own in-process
 * limiter, which serves one instance closest to GHL's limit. {@link #sharingRateBudget()} spends it through
 * {@link PostgresPermitSource} on the bound {@link DataSource} instead, so that several instances of one app
 * on one database spend one budget between them.
 */
public final class GhlRestModule extends AbstractModule {
    private final GhlClientConfig config;
    private final boolean sharedBudget;

    public GhlRestModule(GhlClientConfig config) {
        this(config, false);
    }

    private GhlRestModule(GhlClientConfig config, boolean sharedBudget) {
        this.config = Objects.requireNonNull(config, "config");
        this.sharedBudget = sharedBudget;
    }

    /** The same module, with the rate budget shared by every instance on the bound {@link DataSource}. */
    public GhlRestModule sharingRateBudget() {
        return new GhlRestModule(config, true);
    }

    @Override
    protected void configure() {
        bind(GhlClientConfig.class).toInstance(config);
        // The application's unit of work, when one is bound: every call runs outside it.
        OptionalBinder.newOptionalBinder(binder(), UnitOfWork.class);
        install(sharedBudget ? new SharedBudget() : new OwnBudget());
    }

    /** A limiter in this process. */
    private static final class OwnBudget extends AbstractModule {
        @Provides
        @Singleton
        PermitSource permits(GhlClientConfig config) {
            return GhlClient.defaultPermitSource(config);
        }
    }

    /** One bucket per owner in PostgreSQL, shared by every instance on the database. */
    private static final class SharedBudget extends AbstractModule {
        @Provides
        @Singleton
        PermitSource permits(DataSource dataSource, GhlClientConfig config) {
            return PostgresPermitSource.forClient(dataSource, config);
        }
    }

    @Provides
    @Singleton
    GhlClient client(
            GhlClientConfig config,
            CredentialStore credentials,
            Clock clock,
            PermitSource permits,
            SuspendedLocations suspended,
            Optional<UnitOfWork> work) {
        GhlClient client = GhlClient.create(config, credentials, clock, permits, suspended);
        return work.map(client::outsideUnitsOf).orElse(client);
    }

    @Provides
    @Singleton
    ContactDirectory contacts(GhlClient client) {
        return client.contacts();
    }

    @Provides
    @Singleton
    Opportunities opportunities(GhlClient client) {
        return client.opportunities();
    }

    @Provides
    @Singleton
    Pipelines pipelines(GhlClient client) {
        return client.pipelines();
    }

    @Provides
    @Singleton
    Conversations conversations(GhlClient client) {
        return client.conversations();
    }

    @Provides
    @Singleton
    Calendars calendars(GhlClient client) {
        return client.calendars();
    }

    @Provides
    @Singleton
    Workflows workflows(GhlClient client) {
        return client.workflows();
    }

    @Provides
    @Singleton
    Installations installations(GhlClient client) {
        return client.installations();
    }

    @Provides
    @Singleton
    CallBudgets callBudgets(GhlClient client) {
        return client.callBudgets();
    }
}
