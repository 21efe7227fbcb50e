package io.recruitflow.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import io.recruitflow.adapter.ghl.webhook.WebhookDecodingModule;
import io.recruitflow.adapter.inmemory.InMemoryAdapters;
import io.recruitflow.adapter.inmemory.InMemoryModule;
import io.recruitflow.adapter.inmemory.InMemoryRecruits;
import io.recruitflow.adapter.leadfile.LeadFileModule;
import io.recruitflow.adapter.webhook.MetricsModule;
import io.recruitflow.adapter.webhook.WebhookConfig;
import io.recruitflow.adapter.webhook.WebhookModule;
import io.recruitflow.adapter.webhook.WebhookServer;
import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.bootstrap.wiring.ApplicationModule;
import io.recruitflow.bootstrap.wiring.Injectors;
import io.recruitflow.bootstrap.wiring.Lifecycle;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Page;
import io.recruitflow.domain.shared.PhoneNumber;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WiringTest {
    static final String CSV = "First Name,Last Name,Phone,License State\nJohn,Smith,(407) 555-0123,FL\n";

    @Test
    void theRealInjectorBootsInProductionStageWithExplicitBindingsOnly() {
        Injector injector = Injectors.create(
                new InMemoryModule(new InMemoryAdapters(Clock.system())),
                new LeadFileModule(),
                new WebhookDecodingModule(),
                new ApplicationModule(RecruitingSettings.defaults()));
        assertThat(injector.getInstance(ImportLeadsUseCase.class)).isNotNull();
    }

    @Test
    void theHttpServerServesOnTheInMemoryAdaptersAndStopsWithTheLifecycle() throws Exception {
        Injector injector = Injectors.create(
                new InMemoryModule(new InMemoryAdapters(Clock.system())),
                new LeadFileModule(),
                new WebhookDecodingModule(),
                new ApplicationModule(RecruitingSettings.defaults()),
                new MetricsModule(),
                new WebhookModule(WebhookConfig.defaults().withPort(0), Optional.empty()));
        int port = injector.getInstance(WebhookServer.class).port();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        assertThat(http.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);

        injector.getInstance(Lifecycle.class).stop();

        assertThatThrownBy(() -> http.send(ready, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    /** An embedder's own store of recruits, replacing ours through {@code Modules.override}. */
    static final class AuditedRecruits implements Recruits {
        final List<Recruit> added = new ArrayList<>();
        final Recruits store = new InMemoryRecruits();

        @Override
        public AddOutcome add(Recruit recruit) {
            added.add(recruit);
            return store.add(recruit);
        }

        @Override
        public Recruit update(Recruit recruit) {
            return store.update(recruit);
        }

        @Override
        public Optional<Recruit> find(RecruitId id) {
            return store.find(id);
        }

        @Override
        public Optional<Recruit> findByContact(ContactId contact) {
            return store.findByContact(contact);
        }

        @Override
        public Optional<Recruit> findByPhoneOrEmail(
                LocationId location, Optional<PhoneNumber> phone, Optional<EmailAddress> email) {
            return store.findByPhoneOrEmail(location, phone, email);
        }

        @Override
        public Page<Recruit> list(Optional<LocationId> location, Optional<String> cursor, int limit) {
            return store.list(location, cursor, limit);
        }

        @Override
        public List<Recruit> all(Optional<LocationId> location) {
            return store.all(location);
        }
    }

    @Test
    void anEmbedderCanReplaceAnyBindingWithModulesOverride() {
        AuditedRecruits theirs = new AuditedRecruits();
        Injector injector = Injectors.create(
                Modules.override(new InMemoryModule(new InMemoryAdapters(Clock.system())))
                        .with(new AbstractModule() {
                            @Override
                            protected void configure() {
                                bind(Recruits.class).toInstance(theirs);
                            }
                        }),
                new LeadFileModule(),
                new WebhookDecodingModule(),
                new ApplicationModule(RecruitingSettings.defaults()));

        ImportReport report = injector.getInstance(ImportLeadsUseCase.class)
                .importLeads(new ImportLeadsCommand(
                        io.recruitflow.adapter.inmemory.InMemoryGhl.LOCATION,
                        new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8))));

        assertThat(report.accepted()).hasSize(1);
        assertThat(theirs.added)
                .singleElement()
                .satisfies(r -> assertThat(r.name().full()).isEqualTo("John Smith"));
        assertThat(injector.getInstance(Recruits.class)).isSameAs(theirs);
    }
}
