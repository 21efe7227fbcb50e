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
    private GhlSandbox sandbox;
    private WebhookReceiver receiver;
    private Ghl ghl;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        sandbox = GhlSandbox.start(SandboxConfig.defaults()
                .withPort(0)
                .withRateLimit("10000/1s")
                .withWebhookRetries(3, Duration.ofMillis(50)));
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
    void aReceiverAnswering429IsRetriedUntilItAccepts() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(() -> calls.incrementAndGet() <= 2 ? 429 : 200);

        ghl.post("/contacts/", Ghl.contact("loc_abc123", "Bob", "bob@example.com", null));
        List<WebhookReceiver.Received> attempts =
                List.of(receiver.next("ContactCreate"), receiver.next("ContactCreate"), receiver.next("ContactCreate"));
        awaitStats(s -> s.webhooksDelivered() == 1);

        assertThat(attempts)
                .extracting(a -> a.json().get("webhookId"))
                .containsOnly(attempts.get(0).json().get("webhookId"));
        assertThat(sandbox.stats().webhooksFailed()).isZero();
    }

    @Test
    void anyOtherAnswerIsFinalAndA429IsGivenUpAfterTheLastRetry() throws Exception {
        receiver.answer(() -> 500);
        ghl.post("/contacts/", Ghl.contact("loc_abc123", "Cat", "cat@example.com", null));
        awaitStats(s -> s.webhooksFailed() == 1);
        Thread.sleep(200);
        assertThat(receiver.all()).hasSize(1);

        receiver.answer(() -> 429);
        ghl.post("/contacts/", Ghl.contact("loc_abc123", "Dan", "dan@example.com", null));
        awaitStats(s -> s.webhooksFailed() == 2);
        assertThat(receiver.all()).hasSize(1 + 1 + 3);
        assertThat(sandbox.stats().webhooksDelivered()).isZero();
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
