package io.recruitflow.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A running emulator of the GoHighLevel API v2: stateful, with GHL's OAuth, rate limits, validation
 * and signed webhooks, for demos, tests and benchmarks without a GHL account. Point any GHL client at
 * {@link #baseUrl()} with a location's private integration token from {@link #credentials()}.
 *
 * <pre>{@code
 * try (GhlSandbox sandbox = GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("100/1s"))) {
 *   String token = sandbox.credentials().location("loc_abc123").privateIntegrationToken();
 *   // POST sandbox.baseUrl() + "/contacts/upsert" with "Authorization: Bearer " + token, "Version: 2021-07-28"
 * }
 * }</pre>
 *
 * <p>Thread-safe. The admin API under {@code /_sandbox/} offers the same over HTTP (see docs/sandbox.md).
 */
public final class GhlSandbox implements AutoCloseable {
    private final Engine engine;
    private final ApiServer server;
    private final SandboxAdminRoutes admin;
    private final ConversationRoutes conversations;
    private final RecruitBehaviour behaviour;
    private final Simulations simulations;
    private final int port;
    private final String host;

    private GhlSandbox(SandboxConfig config) {
        this.engine = new Engine(config);
        this.server = new ApiServer(engine);
        ApiServer.Routes routes = server.routes();
        ContactRoutes contactsApi = new ContactRoutes(engine);
        OpportunityRoutes opportunitiesApi = new OpportunityRoutes(engine);
        this.conversations = new ConversationRoutes(engine);
        CalendarRoutes calendarsApi = new CalendarRoutes(engine);
        this.behaviour = new RecruitBehaviour(engine, conversations, calendarsApi);
        this.simulations = new Simulations(engine, behaviour);
        engine.onReset(simulations::clear);
        this.admin =
                new SandboxAdminRoutes(engine, opportunitiesApi, conversations, calendarsApi, behaviour, simulations);
        admin.register(routes);
        contactsApi.register(routes);
        opportunitiesApi.register(routes);
        conversations.register(routes);
        calendarsApi.register(routes);
        new DirectoryRoutes(engine).register(routes);
        new OAuthServerRoutes(engine).register(routes);
        new DeliveryFailureRoutes(engine).register(routes);
        this.host = config.host();
        try {
            this.port = server.start(config.host(), config.port());
        } catch (RuntimeException e) {
            simulations.close();
            engine.webhooks.close();
            throw e;
        }
    }

    /** Starts a sandbox; with port 0 it picks a free port. */
    public static GhlSandbox start(SandboxConfig config) {
        return new GhlSandbox(Objects.requireNonNull(config));
    }

    /** The base URL to use instead of {@code https://services.leadconnectorhq.com}, without a trailing slash. */
    public String baseUrl() {
        String shownHost = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return "http://" + shownHost + ":" + port;
    }

    /** The port the sandbox listens on. */
    public int port() {
        return port;
    }

    /**
     * Which texts this sandbox reports as not delivered (failed or undelivered, with GHL's error), per number or
     * at a rate; the same as {@code /_sandbox/delivery-failures}.
     */
    public DeliveryFailures deliveryFailures() {
        return engine.deliveryFailures;
    }

    /** The company, the locations with their private integration tokens, and the OAuth client. */
    public SandboxCredentials credentials() {
        List<SandboxCredentials.Location> locations = new ArrayList<>();
        for (Store.Location location : engine.store.locations) {
            locations.add(new SandboxCredentials.Location(
                    location.id(), location.name(), engine.privateIntegrationTokens.get(location.id())));
        }
        return new SandboxCredentials(
                Store.COMPANY_ID,
                List.copyOf(locations),
                new SandboxCredentials.OAuthClient(engine.oauthClientId, engine.oauthClientSecret));
    }

    /** Counts of the state and the counters since start or the last {@link #reset()}. */
    public SandboxStats stats() {
        return engine.stats();
    }

    /**
     * The request and webhook counters of {@link #stats()} alone, read without counting the state: for polling
     * while a load runs, where {@link #stats()} would take the cores it measures.
     */
    public SandboxCounters counters() {
        return engine.counters();
    }

    /**
     * Back to the seed: created contacts, opportunities, conversations, appointments and enrollments are
     * gone, counters and rate-limit windows are zero, faults cleared. Tokens (private integration and
     * OAuth) and webhook subscriptions are kept, so connected clients and receivers carry on.
     */
    public void reset() {
        engine.reset();
    }

    /** Sends every webhook event from now on to this URL too. */
    public void subscribeWebhooks(URI url) {
        engine.webhooks.subscribe(Objects.requireNonNull(url));
    }

    /** Stops sending webhooks to any receiver. */
    public void unsubscribeWebhooks() {
        engine.webhooks.unsubscribeAll();
    }

    /** The last 1,000 webhook delivery attempts, oldest first (like {@code GET /_sandbox/webhooks/deliveries}). */
    public List<WebhookDelivery> webhookDeliveries() {
        return engine.webhooks.deliveries();
    }

    /** Deliveries answered 429 and waiting for their retry, soonest first ({@code GET /_sandbox/webhooks/pending}). */
    public List<PendingWebhookRetry> pendingWebhookRetries() {
        return engine.webhooks.pending();
    }

    /**
     * Moves the sandbox's clock forward ({@code POST /_sandbox/clock}): token expiry, timestamps and webhook
     * retries see the time pass; retries now due go out at once. Returns the new time. To move a client's
     * clock too, give both the same clock ({@link SandboxConfig#withClock}) and move that instead.
     */
    public Instant advanceClock(Duration by) {
        return engine.clock.advance(Objects.requireNonNull(by));
    }

    /** The sandbox's clock: the configured one, plus {@link #advanceClock} moves. */
    public Clock clock() {
        return engine.clock;
    }

    /** The public keys that verify webhook signatures. */
    public WebhookPublicKeys publicKeysPem() {
        return new WebhookPublicKeys(engine.signer.ed25519PublicPem(), engine.signer.rsaPublicPem());
    }

    /**
     * Simulates a recruit's reply: an inbound message on the contact's conversation, plus the
     * InboundMessage and ConversationUnreadUpdate webhooks.
     *
     * @param type {@code SMS} or {@code Email}
     * @return the id of the new message
     */
    public String simulateInboundMessage(String contactId, String body, String type) {
        Doc contact = engine.store.contacts.get(contactId);
        if (contact == null) {
            throw new IllegalArgumentException("no such contact: " + contactId);
        }
        if (!ConversationRoutes.TYPES.contains(type)) {
            throw new IllegalArgumentException("type must be SMS or Email");
        }
        return conversations
                .addMessage(contact, type, body, "inbound", null, null)
                .id();
    }

    /**
     * Simulates a booking through the booking widget ({@code POST /_sandbox/book}): the given slot, or the next
     * free one when {@code start} is null; sends AppointmentCreate.
     *
     * @return the id of the new appointment
     */
    public String simulateBooking(String contactId, Instant start) {
        return unwrap(() -> behaviour.book(contactId, start).id());
    }

    /**
     * Simulates the recruit moving the appointment ({@code POST /_sandbox/appointments/{id}/reschedule}): to
     * {@code start}, or when null to the next free slot a day or more after its current start; sends
     * AppointmentUpdate with the new {@code startTime} and {@code endTime}.
     */
    public void simulateReschedule(String appointmentId, Instant start) {
        unwrap(() -> behaviour.reschedule(appointmentId, start).id());
    }

    /**
     * Simulates the user (or GHL) marking the appointment ({@code POST /_sandbox/appointments/{id}/status}):
     * {@code showed}, {@code noshow}, {@code cancelled}, ...; sends AppointmentUpdate.
     */
    public void simulateAppointmentStatus(String appointmentId, String status) {
        unwrap(() -> behaviour.mark(appointmentId, status).id());
    }

    /**
     * Schedules what a recruit does at a moment of the sandbox's clock ({@code POST /_sandbox/simulations}): it is
     * done at the first look at or after {@code at} — every 10 ms, when the clock is moved through the admin
     * API, or at {@link #runDueSimulations()}.
     */
    public ScheduledSimulation schedule(Instant at, Simulation simulation) {
        return simulations.schedule(Objects.requireNonNull(at), Objects.requireNonNull(simulation));
    }

    /** Every scheduled simulation, pending, done or failed, by time ({@code GET /_sandbox/simulations}). */
    public List<ScheduledSimulation> scheduledSimulations() {
        return simulations.list();
    }

    /** The time of the next pending simulation, if any. */
    public java.util.Optional<Instant> nextSimulation() {
        return simulations.next();
    }

    /** Does the simulations due on the sandbox's clock now, in their order; returns how many. */
    public int runDueSimulations() {
        return simulations.runDue();
    }

    private static String unwrap(java.util.function.Supplier<String> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The credentials as the admin API shows them. */
    Map<String, Object> credentialsJson() {
        return admin.credentialsJson();
    }

    Engine engine() {
        return engine;
    }

    /** Stops the server and the webhook threads. */
    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            simulations.close();
            engine.webhooks.close();
        }
    }

    /** The two PEM-encoded public keys: Ed25519 for {@code X-GHL-Signature}, RSA for {@code x-wh-signature}. */
    public record WebhookPublicKeys(String ed25519, String rsa) {}
}
