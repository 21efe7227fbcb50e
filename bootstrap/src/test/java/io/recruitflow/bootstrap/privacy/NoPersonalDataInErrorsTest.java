package io.recruitflow.bootstrap.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.google.inject.Injector;
import io.recruitflow.adapter.persistence.Database;
import io.recruitflow.adapter.persistence.DatabaseConfig;
import io.recruitflow.adapter.persistence.PersistenceModule;
import io.recruitflow.adapter.webhook.AdminServices;
import io.recruitflow.adapter.webhook.WebhookConfig;
import io.recruitflow.adapter.webhook.WebhookServer;
import io.recruitflow.application.applyghlevent.ApplyGhlEventUseCase;
import io.recruitflow.application.applyghlevent.EventOutcome;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.applyghlevent.GhlEventDecoder;
import io.recruitflow.application.applyghlevent.InboxDispatcher;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.IncomingEvent;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelUseCase;
import io.recruitflow.application.schedulepresentation.SchedulePresentationUseCase;
import io.recruitflow.application.viewrecruit.RecruitView;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.bootstrap.wiring.ClockModule;
import io.recruitflow.bootstrap.wiring.Injectors;
import io.recruitflow.bootstrap.wiring.Lifecycle;
import io.recruitflow.domain.recruit.DoNotDisturb;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Page;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Statements that fail with a recruit's phone number, email and name bound to them — as a unique
 * violation (PostgreSQL's detail names the values; Jdbi's default message renders every bound value) and
 * as a cast error (the value is in PostgreSQL's own message) — while webhook events are applied and while
 * an admin request is answered. None of the three data reaches the log, the inbox rows, the dashboard or
 * the admin API; what failed is still said.
 */
class NoPersonalDataInErrorsTest {

    static final String PHONE = "+14075559876";
    static final String EMAIL = "zelda.private@example.org";
    static final String NAME = "Zeldabeth";
    static final String TOKEN = "privacy-token-0123456789abcdef";
    static final LocationId LOC = new LocationId("loc_privacy");

    @TempDir
    Path dir;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T15:00:00Z"));
    private final Clock clock = now::get;
    private Injector injector;
    private Jdbi jdbi;
    private EventInbox inbox;
    private WebhookServer server;
    private int port;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> appender;
    private Level recruitflowLevel;

    @BeforeEach
    void start() {
        captureLogs();
        injector = Injectors.create(new PersistenceModule(DatabaseConfig.embedded(dir)), new ClockModule(clock));
        jdbi = injector.getInstance(Database.class).jdbi();
        inbox = injector.getInstance(EventInbox.class);
        ViewRecruitUseCase failingView = new ViewRecruitUseCase() {
            @Override
            public Optional<RecruitView> view(RecruitId id) {
                insertRecruitTwice(); // an admin request that hits a failing statement
                return Optional.empty();
            }

            @Override
            public Page<Recruit> list(Optional<LocationId> location, Optional<String> cursor, int limit) {
                return new Page<>(List.of(), Optional.empty());
            }
        };
        server = WebhookServer.builder(WebhookConfig.defaults().withAdminToken(TOKEN))
                .inbox(inbox)
                .clock(clock)
                .admin(new AdminServices(
                        mock(IntakeRecruitUseCase.class),
                        mock(ImportLeadsUseCase.class),
                        failingView,
                        mock(SchedulePresentationUseCase.class),
                        mock(RecruitingFunnelUseCase.class),
                        inbox,
                        Optional.empty()))
                .build();
        port = server.start(0);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(2));
        }
        if (injector != null) {
            injector.getInstance(Lifecycle.class).stop();
        }
        stopCapturingLogs();
    }

    @Test
    void a_failing_statement_with_a_phone_email_and_name_leaves_none_of_them_anywhere() throws Exception {
        store("wh_unique");
        store("wh_cast");
        store("wh_malformed");
        GhlEventDecoder decoder = (type, body) -> {
            String id = new String(body, StandardCharsets.UTF_8);
            if (id.equals("wh_malformed")) {
                // A decoder's message may quote the body's values; a name in free text cannot be recognised
                // (the code must not put one there), a phone number and an email address can.
                throw new GhlEventDecoder.MalformedEventException(
                        "contact has a phone " + PHONE + " and an email " + EMAIL + " of the wrong shape");
            }
            return Optional.of(new GhlEvent.DndChanged(
                    id, LOC, now.get(), new ContactId("c_" + id), DoNotDisturb.onEveryChannel(true)));
        };
        ApplyGhlEventUseCase apply = command -> {
            GhlEvent.DndChanged e = (GhlEvent.DndChanged) command.event();
            if (e.eventId().equals("wh_unique")) {
                insertRecruitTwice();
            } else {
                jdbi.useHandle(h -> h.createQuery("SELECT CAST(:email AS uuid), CAST(:phone AS integer), :name")
                        .bind("email", EMAIL)
                        .bind("phone", PHONE)
                        .bind("name", NAME)
                        .mapTo(String.class)
                        .one());
            }
            return new EventOutcome.Applied("nothing");
        };
        InboxDispatcher dispatcher = new InboxDispatcher(inbox, decoder, apply, clock);
        // Every event fails until it is dead-lettered: the dashboard lists dead events.
        for (int round = 0; round < 12; round++) {
            dispatcher.dispatchDue(10);
            now.updateAndGet(t -> t.plus(Duration.ofHours(2)));
        }

        List<String> rows = jdbi.withHandle(h -> h.createQuery(
                        "SELECT webhook_id || ' ' || status || ' ' || last_error FROM inbox_events ORDER BY webhook_id")
                .mapTo(String.class)
                .list());
        String dashboard = get("/");
        String dead = get("/api/events?status=dead");
        HttpResponse<String> failedRequest = send("/api/recruits/" + UUID.randomUUID());
        String logged = log.toString(StandardCharsets.UTF_8);

        assertThat(rows).hasSize(3).allMatch(r -> r.contains(" DEAD "));
        assertThat(failedRequest.statusCode()).isEqualTo(500);
        assertThat(logged).as("the failed admin request was logged").contains("unexpected failure in GET");
        for (String where : List.of(String.join("\n", rows), dashboard, dead, failedRequest.body(), logged)) {
            assertThat(where)
                    .doesNotContain(PHONE, "4075559876", "555-9876")
                    .doesNotContain(EMAIL, "zelda.private")
                    .doesNotContain(NAME);
        }
        // What failed is still said.
        assertThat(String.join("\n", rows))
                .contains("duplicate key value violates unique constraint")
                .contains("invalid input syntax for type uuid")
                .contains("+***9876")
                .contains("z***@example.org");
        assertThat(dead).contains("wh_unique", "wh_cast", "wh_malformed");
        assertThat(dashboard).contains("wh_unique");
        assertThat(logged).contains("duplicate key value violates unique constraint");
    }

    // ---- helpers

    /** The same recruit twice: the second insert violates the unique phone (and email) of a location. */
    private void insertRecruitTwice() {
        for (int i = 0; i < 2; i++) {
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO recruits (id, location_id, first_name, last_name, email, phone, license_state,
                                license_types, source, tags, custom_fields, dnd, accepted_at, version)
                            VALUES (:id, :location, :first, 'Agent', :email, :phone, 'FL', '{}', 'test', '{}', '{}',
                                false, now(), 1)
                            """)
                    .bind("id", UUID.randomUUID())
                    .bind("location", LOC.value())
                    .bind("first", NAME)
                    .bind("email", EMAIL)
                    .bind("phone", PHONE)
                    .execute());
        }
    }

    private void store(String id) {
        inbox.storeAll(List.of(new IncomingEvent(
                id,
                "ContactDndUpdate",
                Optional.of(LOC.value()),
                Optional.of("c_" + id),
                now.get(),
                id.getBytes(StandardCharsets.UTF_8),
                now.get())));
    }

    private String get(String path) {
        HttpResponse<String> r = send(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private HttpResponse<String> send(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .header("Authorization", "Bearer " + TOKEN)
                                    .timeout(Duration.ofSeconds(20))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every log event of every logger, with its stack trace, into {@link #log}. */
    private void captureLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger - %msg%n%ex");
        encoder.start();
        appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(log);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        Logger ours = context.getLogger("io.recruitflow");
        recruitflowLevel = ours.getLevel();
        ours.setLevel(Level.DEBUG);
    }

    private void stopCapturingLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        context.getLogger("io.recruitflow").setLevel(recruitflowLevel);
        appender.stop();
    }
}
