package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.applyghlevent.GhlEventDecoder;
import io.recruitflow.application.applyghlevent.InboxDispatcher;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.InboxStatus;
import io.recruitflow.application.port.IncomingEvent;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InboxDispatcherTest {
    World w;
    ContactId contact;
    RecruitId recruit;
    final List<String> decodedBodies = new ArrayList<>();

    /** Bodies are "reply:<text>", "boom" (the decoder fails) or anything else (an unknown type). */
    final GhlEventDecoder decoder = (type, raw) -> {
        String body = new String(raw, StandardCharsets.UTF_8);
        decodedBodies.add(body);
        if (body.equals("boom")) {
            throw new GhlEventDecoder.MalformedEventException("no contactId");
        }
        if (!type.equals("InboundMessage")) {
            return Optional.empty();
        }
        return Optional.of(new GhlEvent.MessageReceived(
                body + "#" + decodedBodies.size(),
                InMemoryGhl.LOCATION,
                w.clock.now(),
                contact,
                Optional.empty(),
                Channel.SMS,
                body.substring("reply:".length())));
    };

    @BeforeEach
    void aContactedRecruit() {
        w = new World("2026-02-12T10:00");
        recruit = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
        w.runJobs();
        contact = w.recruit(recruit).contactId().orElseThrow();
    }

    EventInbox inbox() {
        return w.adapters.eventInbox();
    }

    void store(String id, String type, String body, Instant timestamp) {
        inbox().store(new IncomingEvent(
                id,
                type,
                Optional.of("loc_abc123"),
                Optional.of(contact.value()),
                timestamp,
                body.getBytes(StandardCharsets.UTF_8),
                w.clock.now()));
    }

    @Test
    void appliesEventsAndMarksThemProcessed() {
        store("e1", "InboundMessage", "reply:yes please", w.clock.now());
        InboxDispatcher dispatcher = w.dispatcher(decoder);
        assertThat(dispatcher.dispatchDue(10)).isEqualTo(1);
        assertThat(inbox().find("e1").orElseThrow().status()).isEqualTo(InboxStatus.PROCESSED);
        assertThat(w.adapters
                        .opportunityMirror()
                        .findByContact(contact)
                        .orElseThrow()
                        .stage())
                .isEqualTo(RecruitingStage.INTERESTED);
    }

    @Test
    void aContactsEventsAreAppliedOneAtATimeInOrder() {
        Instant t = w.clock.now();
        store("late", "InboundMessage", "reply:second", t.plusSeconds(5));
        store("early", "InboundMessage", "reply:first", t);
        InboxDispatcher dispatcher = w.dispatcher(decoder);
        dispatcher.dispatchDue(10);
        dispatcher.dispatchDue(10);
        assertThat(decodedBodies).containsExactly("reply:first", "reply:second");
    }

    @Test
    void unknownTypesAreIgnoredNotRetried() {
        store("n1", "NoteCreate", "a note", w.clock.now());
        w.dispatcher(decoder).dispatchDue(10);
        assertThat(inbox().find("n1").orElseThrow().status()).isEqualTo(InboxStatus.IGNORED);
        assertThat(inbox().stats().ignored()).isEqualTo(1);
    }

    @Test
    void anEventUnderstoodButNotForUsIsIgnoredWithItsReason() {
        store("i1", "INSTALL", "another app", w.clock.now());
        GhlEventDecoder notOurs = (type, raw) -> {
            throw new GhlEventDecoder.IgnoredEventException("INSTALL of another app (appId x), not this app's");
        };
        w.dispatcher(notOurs).dispatchDue(10);
        var stored = inbox().find("i1").orElseThrow();
        assertThat(stored.status()).isEqualTo(InboxStatus.IGNORED);
        assertThat(stored.lastError()).contains("INSTALL of another app (appId x), not this app's");
        assertThat(stored.attempts()).isZero();
    }

    @Test
    void everyEventOfOneBodyIsAppliedAndTheBodyProcessedOnce() {
        store("b1", "INSTALL", "two locations", w.clock.now());
        List<GhlEvent> applied = new ArrayList<>();
        GhlEventDecoder bulk = new GhlEventDecoder() {
            @Override
            public Optional<GhlEvent> decode(String type, byte[] raw) {
                return decodeAll(type, raw).stream().findFirst();
            }

            @Override
            public List<GhlEvent> decodeAll(String type, byte[] raw) {
                List<GhlEvent> events = List.of(
                        new GhlEvent.AppInstalled("b1/l1", InMemoryGhl.LOCATION, w.clock.now(), Optional.empty()),
                        new GhlEvent.AppInstalled(
                                "b1/l2",
                                new io.recruitflow.domain.shared.LocationId("loc_def456"),
                                w.clock.now(),
                                Optional.empty()));
                applied.addAll(events);
                return events;
            }
        };
        w.dispatcher(bulk).dispatchDue(10);
        assertThat(applied).hasSize(2);
        assertThat(inbox().find("b1").orElseThrow().status()).isEqualTo(InboxStatus.PROCESSED);
        assertThat(w.adapters.processedEvents().isProcessed("b1/l1")).isTrue();
        assertThat(w.adapters.processedEvents().isProcessed("b1/l2")).isTrue();
    }

    @Test
    void aMalformedBodyIsDeadLetteredAtOnceWithItsError() {
        store("m1", "InboundMessage", "boom", w.clock.now());
        w.dispatcher(decoder).dispatchDue(10);
        assertThat(inbox().find("m1").orElseThrow().status()).isEqualTo(InboxStatus.DEAD);
        assertThat(inbox().list(InboxStatus.DEAD, 10))
                .singleElement()
                .satisfies(e -> assertThat(e.lastError())
                        .hasValueSatisfying(err -> assertThat(err).contains("no contactId")));
    }

    @Test
    void aFailingEventIsRetriedWithBackoffThenDeadLettered() {
        store("f1", "InboundMessage", "reply:yes", w.clock.now());
        GhlEventDecoder failingApply = (type, raw) -> {
            throw new IllegalStateException("GHL is down");
        };
        // A decoder that throws something other than MalformedEventException stands for any failure to apply.
        InboxDispatcher dispatcher = w.dispatcher(failingApply);
        dispatcher.dispatchDue(10);
        assertThat(inbox().find("f1").orElseThrow().status()).isEqualTo(InboxStatus.PENDING);
        assertThat(inbox().find("f1").orElseThrow().attempts()).isEqualTo(1);
        assertThat(dispatcher.dispatchDue(10)).as("not due before its backoff").isZero();
        for (int i = 0; i < 20 && inbox().find("f1").orElseThrow().status() == InboxStatus.PENDING; i++) {
            w.clock.advance(Duration.ofHours(2));
            dispatcher.dispatchDue(10);
        }
        assertThat(inbox().find("f1").orElseThrow().status()).isEqualTo(InboxStatus.DEAD);
        assertThat(inbox().find("f1").orElseThrow().lastError())
                .hasValueSatisfying(e -> assertThat(e).contains("GHL is down"));
    }
}
