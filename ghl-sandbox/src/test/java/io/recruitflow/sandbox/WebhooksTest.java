package io.recruitflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.ghl.specs.GhlSpecs;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhooksTest {
    /** GHL's retry schedule: 6 retries, each 10 minutes after the previous attempt plus up to 100 s of jitter. */
    private static final Duration INTERVAL = Duration.ofMinutes(10);

    private static final Duration JITTER = SandboxConfig.DEFAULT_WEBHOOK_RETRY_JITTER;
    /** Simulated time: it only moves when a test moves it, so retries come at GHL's real intervals in milliseconds. */
    private final MutableClock clock = new MutableClock(Instant.now());

    private GhlSandbox sandbox;
    private WebhookReceiver receiver;
    private Ghl ghl;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        sandbox = GhlSandbox.start(
                SandboxConfig.defaults().withPort(0).withRateLimit("10000/1s").withClock(clock));
        sandbox.subscribeWebhooks(receiver.url());
        ghl = Ghl.forLocation(sandbox, "loc_abc123");
    }

    @AfterEach
    void stop() {
        sandbox.close();
        receiver.close();
    }

    @Test
    void bothSignaturesVerifyOverTheExactBodyWithThePublishedPublicKeys() throws Exception {
        ghl.post("/contacts/", Ghl.contact("loc_abc123", "Ann", "ann@example.com", "+14075550001"));
        WebhookReceiver.Received delivery = receiver.next("ContactCreate");
        Ghl.Response keys = new Ghl(sandbox.baseUrl(), null).get("/_sandbox/webhook-keys");

        assertThat(keys.str("ed25519"))
                .isEqualTo(sandbox.publicKeysPem().ed25519())
                .startsWith("-----BEGIN PUBLIC KEY-----");
        PublicKey ed25519 = publicKey("Ed25519", keys.str("ed25519"));
        PublicKey rsa = publicKey("RSA", keys.str("rsa"));
        assertThat(((java.security.interfaces.RSAPublicKey) rsa).getModulus().bitLength())
                .isEqualTo(4096);
        assertThat(verify("Ed25519", ed25519, delivery.body(), delivery.ghlSignature()))
                .isTrue();
        assertThat(verify("SHA256withRSA", rsa, delivery.body(), delivery.whSignature()))
                .isTrue();
        byte[] tampered = delivery.body().clone();
        tampered[tampered.length - 2] ^= 1;
        assertThat(verify("Ed25519", ed25519, tampered, delivery.ghlSignature()))
                .isFalse();
        assertThat(verify("SHA256withRSA", rsa, tampered, delivery.whSignature()))
                .isFalse();
        assertThat(delivery.json()).containsKeys("webhookId", "timestamp");
    }

    @Test
    void signingKeysCanBeLoadedFromPem() throws Exception {
        java.security.KeyPair ed =
                java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        java.security.KeyPairGenerator rsaGenerator = java.security.KeyPairGenerator.getInstance("RSA");
        rsaGenerator.initialize(2048);
        java.security.KeyPair rsa = rsaGenerator.generateKeyPair();
        String edPem = WebhookSigner.pem("PRIVATE KEY", ed.getPrivate().getEncoded())
                + WebhookSigner.pem("PUBLIC KEY", ed.getPublic().getEncoded());
        String rsaPem = WebhookSigner.pem("PRIVATE KEY", rsa.getPrivate().getEncoded());

        try (GhlSandbox loaded =
                GhlSandbox.start(SandboxConfig.defaults().withPort(0).withWebhookSigningKeys(edPem, rsaPem))) {
            loaded.subscribeWebhooks(receiver.url());
            Ghl.forLocation(loaded, "loc_abc123")
                    .post("/contacts/", Ghl.contact("loc_abc123", "Pem", "pem@example.com", null));
            WebhookReceiver.Received delivery = receiver.next("ContactCreate");

            assertThat(loaded.publicKeysPem().ed25519())
                    .isEqualTo(WebhookSigner.pem("PUBLIC KEY", ed.getPublic().getEncoded()));
            assertThat(verify("Ed25519", ed.getPublic(), delivery.body(), delivery.ghlSignature()))
                    .isTrue();
            assertThat(verify("SHA256withRSA", rsa.getPublic(), delivery.body(), delivery.whSignature()))
                    .isTrue();
        }
    }

    @Test
    void theDefaultsAreGhlsSchedule() {
        SandboxConfig d = SandboxConfig.defaults();
        assertThat(d.webhookMaxRetries()).isEqualTo(6);
        assertThat(d.webhookRetryInterval()).isEqualTo(INTERVAL);
        assertThat(d.webhookRetryJitter()).isEqualTo(Duration.ofSeconds(100));
    }

    @Test
    void a429IsRetriedTenSimulatedMinutesLaterWithTheSameBytesAndSignatures() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(() -> calls.incrementAndGet() == 1 ? 429 : 200);
        Instant sent = clock.instant();

        ghl.post("/contacts/", Ghl.contact("loc_abc123", "Bob", "bob@example.com", null));
        WebhookReceiver.Received first = receiver.next("ContactCreate");
        PendingWebhookRetry pending = awaitPending(1).get(0);
        assertThat(pending.webhookId()).isEqualTo(first.json().get("webhookId"));
        assertThat(pending.attempt()).isEqualTo(2);
        assertThat(pending.dueAt())
                .isBetween(sent.plus(INTERVAL), sent.plus(INTERVAL).plus(JITTER));

        Thread.sleep(150); // wall time does not count
        clock.advance(Duration.between(clock.instant(), pending.dueAt()).minusSeconds(1));
        Thread.sleep(150);
        assertThat(deliveriesOf("ContactCreate")).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        long wall = System.nanoTime();
        WebhookReceiver.Received retry = receiver.next("ContactCreate");
        assertThat(Duration.ofNanos(System.nanoTime() - wall)).isLessThan(Duration.ofSeconds(5));
        assertThat(retry.body()).isEqualTo(first.body()); // same webhookId, same original timestamp
        assertThat(retry.ghlSignature()).isEqualTo(first.ghlSignature());
        assertThat(retry.whSignature()).isEqualTo(first.whSignature());
        assertThat(retry.json().get("timestamp")).isEqualTo(sent.toString());
        awaitStats(st -> st.webhooksDelivered() == 1);
        assertThat(sandbox.stats().webhooksFailed()).isZero();
        assertThat(sandbox.pendingWebhookRetries()).isEmpty();
        List<WebhookDelivery> log = sandbox.webhookDeliveries();
        assertThat(log)
                .extracting(WebhookDelivery::attempt, WebhookDelivery::status, WebhookDelivery::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 429, "retry scheduled"),
                        org.assertj.core.groups.Tuple.tuple(2, 200, "delivered"));
        assertThat(log.get(0).nextAttemptAt()).contains(pending.dueAt());
    }

    @Test
    void aReceiverThatKeepsAnswering429GetsSixRetriesAtGhlsIntervalsAndThenTheEventIsGivenUp() throws Exception {
        receiver.answer(() -> 429);
        ghl.post("/contacts/", Ghl.contact("loc_abc123", "Dan", "dan@example.com", null));
        List<Instant> attempts = new ArrayList<>();
        attempts.add(clock.instant());
        receiver.next("ContactCreate");
        for (int retry = 1; retry <= 6; retry++) {
            PendingWebhookRetry pending = awaitPending(1).get(0);
            assertThat(pending.attempt()).isEqualTo(retry + 1);
            clock.advance(Duration.between(clock.instant(), pending.dueAt()));
            attempts.add(clock.instant());
            receiver.next("ContactCreate");
        }
        awaitStats(st -> st.webhooksFailed() == 1);
        assertThat(sandbox.pendingWebhookRetries()).isEmpty();
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(Duration.between(attempts.get(i - 1), attempts.get(i)))
                    .as("pause before retry %d", i)
                    .isBetween(INTERVAL, INTERVAL.plus(JITTER));
        }
        // GHL's help centre: "worst-case latency (~1 hr 10 min)".
        assertThat(Duration.between(attempts.get(0), attempts.get(6))).isLessThanOrEqualTo(Duration.ofMinutes(70));
        List<WebhookDelivery> log = sandbox.webhookDeliveries();
        assertThat(log).hasSize(7);
        assertThat(log)
                .extracting(WebhookDelivery::webhookId)
                .containsOnly(log.get(0).webhookId());
        assertThat(log.get(6).outcome()).isEqualTo("given up");

        clock.advance(Duration.ofHours(2));
        Thread.sleep(150);
        assertThat(deliveriesOf("ContactCreate")).hasSize(7);
        assertThat(sandbox.stats().webhooksDelivered()).isZero();
    }

    @Test
    void anyOtherAnswerThan429IsFinal() throws Exception {
        receiver.answer(() -> 500);
        ghl.post("/contacts/", Ghl.contact("loc_abc123", "Cat", "cat@example.com", null));
        awaitStats(st -> st.webhooksFailed() == 1);
        assertThat(sandbox.pendingWebhookRetries()).isEmpty();
        clock.advance(Duration.ofHours(2));
        Thread.sleep(150);
        assertThat(receiver.all()).hasSize(1);
        assertThat(sandbox.webhookDeliveries().get(0).outcome()).isEqualTo("failed");
    }

    @Test
    void theJitterSpreadsRetriesOverUpTo100SecondsAndCanBeTurnedOff() throws Exception {
        receiver.answer(() -> 429);
        Instant sent = clock.instant();
        for (int i = 0; i < 12; i++) {
            ghl.post("/contacts/", Ghl.contact("loc_abc123", "J" + i, "j" + i + "@example.com", null));
        }
        List<PendingWebhookRetry> pending = awaitPending(12);
        assertThat(pending)
                .allSatisfy(p -> assertThat(p.dueAt())
                        .isBetween(sent.plus(INTERVAL), sent.plus(INTERVAL).plus(JITTER)));
        assertThat(pending.stream().map(PendingWebhookRetry::dueAt).distinct().count())
                .as("12 draws of up to 100,000 ms")
                .isGreaterThan(1);

        try (WebhookReceiver exact = new WebhookReceiver();
                GhlSandbox noJitter = GhlSandbox.start(SandboxConfig.defaults()
                        .withPort(0)
                        .withClock(clock)
                        .withWebhookRetries(6, INTERVAL, Duration.ZERO))) {
            exact.answer(() -> 429);
            noJitter.subscribeWebhooks(exact.url());
            Ghl.forLocation(noJitter, "loc_abc123")
                    .post("/contacts/", Ghl.contact("loc_abc123", "Exact", "exact@example.com", null));
            exact.next("ContactCreate");
            await(() -> noJitter.pendingWebhookRetries().size() == 1);
            assertThat(noJitter.pendingWebhookRetries().get(0).dueAt())
                    .isEqualTo(clock.instant().plus(INTERVAL));
        }
    }

    @Test
    void theAdminClockMakesSimulatedTimePassAndDueRetriesGoOut() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(() -> calls.incrementAndGet() == 1 ? 429 : 200);
        ghl.post("/contacts/", Ghl.contact("loc_abc123", "Eve", "eve@example.com", null));
        receiver.next("ContactCreate");
        awaitPending(1);
        Ghl admin = new Ghl(sandbox.baseUrl(), null);
        Ghl.Response pending = admin.get("/_sandbox/webhooks/pending");
        assertThat(pending.json().get("pending").toString())
                .contains("ContactCreate")
                .contains("dueAt");

        Ghl.Response moved = admin.post("/_sandbox/clock", Json.obj("advance", "12m"));
        assertThat(moved.str("advancedBy")).isEqualTo("PT12M");
        receiver.next("ContactCreate");
        awaitStats(st -> st.webhooksDelivered() == 1);
        assertThat(admin.get("/_sandbox/webhooks/pending").json().get("pending").toString())
                .isEqualTo("[]");
        assertThat(admin.get("/_sandbox/webhooks/deliveries")
                        .json()
                        .get("deliveries")
                        .toString())
                .contains("retry scheduled")
                .contains("nextAttemptAt")
                .contains("delivered");
        assertThat(sandbox.clock().instant()).isEqualTo(clock.instant().plus(Duration.ofMinutes(12)));
    }

    @Test
    void aResetDropsTheRetriesWaiting() throws Exception {
        receiver.answer(() -> 429);
        ghl.post("/contacts/", Ghl.contact("loc_abc123", "Fay", "fay@example.com", null));
        awaitPending(1);
        sandbox.reset();
        assertThat(sandbox.pendingWebhookRetries()).isEmpty();
        clock.advance(Duration.ofMinutes(15));
        Thread.sleep(150);
        assertThat(deliveriesOf("ContactCreate")).hasSize(1);
    }

    @Test
    void aCompanyConsentIsApprovedAtOnceAndSendsTheAgencyLevelInstall() throws Exception {
        String redirect = "http://127.0.0.1:9/oauth/callback";
        Ghl.Response consent = Ghl.execute(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                        + "/oauth/chooselocation?response_type=code&user_type=Company&state=s.AGENCY&client_id="
                        + sandbox.credentials().oauth().clientId() + "&redirect_uri=" + redirect))
                .GET()
                .build());
        assertThat(consent.status()).isEqualTo(302);
        assertThat(consent.header("Location")).startsWith(redirect + "?code=").endsWith("&state=s.AGENCY");

        Map<String, Object> install = receiver.next("INSTALL").json();
        assertThat(install).containsEntry("companyId", "comp_abc").doesNotContainKey("locationId");
    }

    @Test
    void aConsentWithAnUnknownUserTypeIsRefused() {
        Ghl.Response consent = Ghl.execute(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                        + "/oauth/chooselocation?response_type=code&user_type=Planet&client_id="
                        + sandbox.credentials().oauth().clientId() + "&redirect_uri=http://127.0.0.1:9/cb"))
                .GET()
                .build());
        assertThat(consent.status()).isEqualTo(422);
    }

    @Test
    void everyEventCarriesTheFieldsOfItsEventDoc() throws Exception {
        String redirect = "https://app.example.com/cb";
        Ghl.execute(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth/chooselocation?response_type=code"
                        + "&client_id=" + sandbox.credentials().oauth().clientId() + "&redirect_uri=" + redirect))
                .GET()
                .build());
        Map<String, Object> full = Json.obj(
                "locationId",
                "loc_abc123",
                "firstName",
                "John",
                "lastName",
                "Deo",
                "email",
                "john@example.com",
                "phone",
                "+14075551234",
                "address1",
                "3535 1st St N",
                "city",
                "Orlando",
                "state",
                "FL",
                "postalCode",
                "32801",
                "country",
                "US",
                "companyName",
                "Deo Insurance",
                "website",
                "https://deo.example.com",
                "source",
                "PropHog",
                "dateOfBirth",
                "1990-01-05",
                "assignedTo",
                "user_gary123",
                "tags",
                List.of("Licensed"),
                "customFields",
                List.of(Json.obj("id", "cf_license_state", "field_value", "FL")));
        String contactId = (String) ghl.post("/contacts/", full).map("contact").get("id");
        ghl.put("/contacts/" + contactId, Json.obj("firstName", "Johnny"));
        ghl.post("/contacts/" + contactId + "/tags", Json.obj("tags", List.of("Hot-Lead")));
        ghl.put("/contacts/" + contactId, Json.obj("dnd", true));
        ghl.post("/contacts/" + contactId + "/notes", Json.obj("body", "Note"));
        ghl.post(
                "/contacts/" + contactId + "/tasks",
                Json.obj(
                        "title",
                        "Call",
                        "body",
                        "Call back",
                        "dueDate",
                        "2026-02-13T15:00:00Z",
                        "completed",
                        false,
                        "assignedTo",
                        "user_gary123"));
        Map<String, Object> opportunity = OpportunityRoutesTest.opportunity(contactId);
        opportunity.put("source", "PropHog");
        String opportunityId = (String)
                ghl.post("/opportunities/", opportunity).map("opportunity").get("id");
        ghl.put(
                "/opportunities/" + opportunityId,
                Json.obj("pipelineStageId", "stage_contacted", "monetaryValue", 7000, "assignedTo", "user_other"));
        ghl.put("/opportunities/" + opportunityId + "/status", Json.obj("status", "won"));
        long start = java.time.Instant.now().plus(Duration.ofDays(1)).toEpochMilli();
        Map<String, Object> slots = ghl.get("/calendars/cal_presentation/free-slots?startDate=" + start + "&endDate="
                        + (start + Duration.ofDays(7).toMillis()))
                .json();
        String slot = slots.entrySet().stream()
                .filter(e -> !e.getKey().equals("traceId"))
                .map(e -> Json.strings(((Map<?, ?>) e.getValue()).get("slots")).get(0))
                .findFirst()
                .orElseThrow();
        String appointmentId = ghl.post(
                        "/calendars/events/appointments",
                        Json.obj(
                                "calendarId",
                                "cal_presentation",
                                "locationId",
                                "loc_abc123",
                                "contactId",
                                contactId,
                                "startTime",
                                slot,
                                "address",
                                "https://meet.example.com"))
                .str("id");
        ghl.put("/calendars/events/appointments/" + appointmentId, Json.obj("title", "Presentation"));
        ghl.delete("/calendars/events/" + appointmentId, Json.obj());
        ghl.post("/conversations/messages", Json.obj("type", "SMS", "contactId", contactId, "message", "Hi John"));
        sandbox.simulateInboundMessage(contactId, "Sounds good", "SMS");
        ghl.delete("/opportunities/" + opportunityId, null);
        ghl.delete("/contacts/" + contactId, null);
        new Ghl(sandbox.baseUrl(), null).post("/_sandbox/uninstall", Json.obj("locationId", "loc_abc123"));

        Map<String, String> docs = new java.util.LinkedHashMap<>();
        for (String type : List.of(
                "ContactCreate",
                "ContactUpdate",
                "ContactDelete",
                "ContactDndUpdate",
                "ContactTagUpdate",
                "NoteCreate",
                "TaskCreate",
                "OpportunityCreate",
                "OpportunityUpdate",
                "OpportunityDelete",
                "OpportunityStageUpdate",
                "OpportunityStatusUpdate",
                "OpportunityMonetaryValueUpdate",
                "OpportunityAssignedToUpdate",
                "AppointmentCreate",
                "AppointmentUpdate",
                "AppointmentDelete",
                "InboundMessage",
                "OutboundMessage")) {
            docs.put(type, type);
        }
        docs.put("ConversationUnreadUpdate", "ConversationUnreadWebhook");
        docs.put("INSTALL", "AppInstall");
        docs.put("UNINSTALL", "AppUninstall");
        for (Map.Entry<String, String> doc : docs.entrySet()) {
            Map<String, Object> example = docExample(doc.getValue(), doc.getKey());
            Map<String, Object> payload = receiver.next(doc.getKey()).json();
            assertThat(payload)
                    .as(doc.getKey())
                    .containsKeys(example.keySet().toArray(String[]::new))
                    .containsKeys("webhookId", "timestamp")
                    .containsEntry("type", doc.getKey());
            if (example.get("appointment") instanceof Map<?, ?> nested) {
                Set<Object> actualKeys = new HashSet<>(((Map<?, ?>) payload.get("appointment")).keySet());
                assertThat(actualKeys)
                        .as(doc.getKey() + ".appointment")
                        .containsAll(new HashSet<Object>(nested.keySet()));
            }
        }
    }

    /**
     * The example payload of an event doc. The appointment docs' examples all say "AppointmentCreate"
     * (a copy-paste slip in GHL's docs), so the first example is taken whatever its type; for INSTALL
     * the second one, a location-level install of a non-whitelabel company, is the sandbox's case.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> docExample(String event, String type) throws Exception {
        String markdown = GhlSpecs.webhookEvent(event);
        Matcher blocks = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        List<Map<String, Object>> examples = new ArrayList<>();
        while (blocks.find()) {
            Object parsed = Json.parse(blocks.group(1));
            if (parsed instanceof Map<?, ?> map && !map.containsKey("properties")) {
                examples.add((Map<String, Object>) map);
            }
        }
        return type.equals("INSTALL") ? examples.get(1) : examples.get(0);
    }

    private List<WebhookReceiver.Received> deliveriesOf(String type) {
        return receiver.all().stream().filter(r -> type.equals(r.type())).toList();
    }

    private List<PendingWebhookRetry> awaitPending(int count) throws InterruptedException {
        await(() -> sandbox.pendingWebhookRetries().size() == count);
        return sandbox.pendingWebhookRetries();
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s");
            }
            Thread.sleep(10);
        }
    }

    private void awaitStats(java.util.function.Predicate<SandboxStats> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.test(sandbox.stats())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("stats never matched: " + sandbox.stats());
            }
            Thread.sleep(20);
        }
    }

    static PublicKey publicKey(String algorithm, String pem) throws Exception {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance(algorithm)
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static boolean verify(String algorithm, PublicKey key, byte[] body, String signature) throws Exception {
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(key);
        verifier.update(body);
        return verifier.verify(Base64.getDecoder().decode(signature));
    }
}
