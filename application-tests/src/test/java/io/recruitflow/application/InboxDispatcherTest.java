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
