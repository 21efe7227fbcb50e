package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.IncomingEvent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Properties of {@code POST /webhooks/ghl} over random bodies, headers and inbox outages, against one
 * running server: the answer is never a 5xx, and no event is stored or handed to dispatch twice.
 */
class WebhookReceiverPropertiesTest {

    static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    static final FakeEventInbox INBOX = new FakeEventInbox();
    static final List<IncomingEvent> NOTIFIED = new CopyOnWriteArrayList<>();
    static WebhookServer server;
    static Http http;

    @BeforeContainer
    static void start() {
        server = WebhookServer.builder(WebhookConfig.defaults()
                        .withPublicKeys(TestKeys.publicKeysFile())
                        .withStoreTimeout(Duration.ofSeconds(2)))
                .inbox(INBOX)
                .clock(() -> NOW)
                .inboxListener(NOTIFIED::addAll)
                .build();
        http = new Http(server.start(0));
    }

    @AfterContainer
    static void stop() {
        server.stop(Duration.ofSeconds(2));
    }

    enum Signing {
        ED25519,
        RSA,
        BOTH,
        GARBAGE,
        WRONG_BODY,
        NONE
    }

    record Delivery(byte[] body, Signing signing, boolean inboxDown) {}

    @Property(tries = 150)
    void never_a_5xx(@ForAll("deliveries") Delivery d) {
        if (d.inboxDown()) {
            INBOX.down();
        }
        try {
            int status = send(d).statusCode();
            assertThat(status).isIn(200, 400, 401, 413, 429);
            if (d.body().length > WebhookConfig.DEFAULT_MAX_BODY_BYTES) {
                assertThat(status).isEqualTo(413);
            } else if (d.signing() == Signing.NONE
                    || d.signing() == Signing.GARBAGE
                    || d.signing() == Signing.WRONG_BODY && !java.util.Arrays.equals(d.body(), Bodies.utf8("{}"))) {
                assertThat(status).isEqualTo(401);
            }
        } finally {
            INBOX.up();
        }
    }

    @Property(tries = 40)
    void no_event_is_stored_or_dispatched_twice(
            @ForAll("redeliveries") List<Integer> picks, @ForAll("outages") List<Boolean> down) {
        String run = UUID.randomUUID().toString();
        Set<String> acknowledged = new HashSet<>();
        for (int i = 0; i < picks.size(); i++) {
            String id = run + "-" + picks.get(i);
            if (down.get(i % down.size())) {
                INBOX.down();
            }
            try {
                byte[] body = Bodies.contactCreate(id, NOW);
                Signing signing = i % 2 == 0 ? Signing.ED25519 : Signing.RSA;
                int status = send(new Delivery(body, signing, false)).statusCode();
                assertThat(status).isIn(200, 429);
                if (status == 200) {
                    acknowledged.add(id);
                }
            } finally {
                INBOX.up();
            }
        }
        List<String> stored = INBOX.all().stream()
                .map(IncomingEvent::webhookId)
                .filter(w -> w.startsWith(run))
                .toList();
        assertThat(stored).doesNotHaveDuplicates();
        assertThat(new HashSet<>(stored)).containsAll(acknowledged); // a 200 always means durable
        WebhookReceiverHttpTest.await(() -> notifiedFor(run).size() == stored.size());
        assertThat(notifiedFor(run)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(stored);
    }

    private static List<String> notifiedFor(String run) {
        return NOTIFIED.stream()
                .map(IncomingEvent::webhookId)
                .filter(w -> w.startsWith(run))
                .toList();
    }

    @Provide
    Arbitrary<List<Integer>> redeliveries() {
        return Arbitraries.integers().between(0, 5).list().ofMinSize(1).ofMaxSize(15);
    }

    @Provide
    Arbitrary<List<Boolean>> outages() {
        return Arbitraries.of(true, false, false).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Delivery> deliveries() {
        Arbitrary<String> type = Arbitraries.oneOf(
                Arbitraries.of(WebhookReceiver.LABELLED_TYPES.toArray(String[]::new)),
                Arbitraries.strings().ofMaxLength(30));
        Arbitrary<String> timestamp = Arbitraries.oneOf(
                Arbitraries.integers().between(-600, 600).map(s -> "\"" + NOW.plusSeconds(s) + "\""),
                Arbitraries.longs().map(Object::toString),
                Arbitraries.strings()
                        .ofMaxLength(25)
                        .map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""),
                Arbitraries.just("null"),
                Arbitraries.just("{}"));
        Arbitrary<String> id = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings()
                        .ofMaxLength(300)
                        .map(s -> s.replace("\\", "").replace("\"", "")));
        Arbitrary<String> shaped = Combinators.combine(
                        type, id, timestamp, Arbitraries.strings().ofMaxLength(50))
                .as((t, i, ts, junk) -> "{\"type\":\"" + t.replace("\\", "").replace("\"", "") + "\",\"webhookId\":\""
                        + i + "\",\"timestamp\":" + ts + ",\"locationId\":\"loc\",\"id\":\"c\",\"note\":\""
                        + junk.replace("\\", "").replace("\"", "") + "\"}");
        Arbitrary<String> anyText = Arbitraries.strings().ofMaxLength(200);
        Arbitrary<byte[]> body = Arbitraries.oneOf(
                shaped.map(s -> s.getBytes(StandardCharsets.UTF_8)),
                anyText.map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.just(new byte[WebhookConfig.DEFAULT_MAX_BODY_BYTES + 7]));
        return Combinators.combine(body, Arbitraries.of(Signing.class), Arbitraries.of(true, false, false, false))
                .as(Delivery::new);
    }

    private static HttpResponse<String> send(Delivery d) {
        byte[] body = d.body();
        List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json"));
        switch (d.signing()) {
            case ED25519 -> headers.addAll(List.of(SignatureVerifier.ED25519_HEADER, TestKeys.signEd25519(body)));
            case RSA -> headers.addAll(List.of(SignatureVerifier.RSA_HEADER, TestKeys.signRsa(body)));
            case BOTH ->
                headers.addAll(List.of(
                        SignatureVerifier.ED25519_HEADER,
                        TestKeys.signEd25519(body),
                        SignatureVerifier.RSA_HEADER,
                        TestKeys.signRsa(body)));
            case GARBAGE ->
                headers.addAll(
                        List.of(SignatureVerifier.ED25519_HEADER, "bm9wZQ==", SignatureVerifier.RSA_HEADER, "%%%"));
            case WRONG_BODY ->
                headers.addAll(List.of(SignatureVerifier.ED25519_HEADER, TestKeys.signEd25519(Bodies.utf8("{}"))));
            case NONE -> {}
        }
        return http.post("/webhooks/ghl", body, headers.toArray(String[]::new));
    }
}
