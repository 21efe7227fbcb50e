package io.recruitflow.contracts;

import static io.recruitflow.contracts.Fixtures.LOCATION;
import static io.recruitflow.contracts.Fixtures.at;
import static io.recruitflow.contracts.Fixtures.plannedSms;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ComplianceEntry;
import io.recruitflow.domain.message.ComplianceRecord;
import io.recruitflow.domain.message.ComplianceVerdict;
import io.recruitflow.domain.message.ComplianceVerdict.Outcome;
import io.recruitflow.domain.message.ComplianceVerdict.Reason;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.message.SolicitationEngine;
import io.recruitflow.domain.message.Whereabouts;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ComplianceRecord} must do, together with the {@link MessageLog} that appends to it: a
 * decision round-trips whole (reasons with rule ids and sources, jurisdictions and zones with why, texts
 * counted, rules in force and switched off), newest first per recruit, and a message moves with its decision or
 * not at all.
 */
public abstract class ComplianceRecordContract {

    /** A store and the message log that appends to it, both empty; called once per test. */
    protected abstract Stores newStores();

    /** A compliance record and the message log whose transitions append to it. */
    public record Stores(ComplianceRecord record, MessageLog log) {}

    private ComplianceRecord record;
    private MessageLog log;
    private final RecruitId recruit = new RecruitId(java.util.UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private final RecruitId other = new RecruitId(java.util.UUID.fromString("00000000-0000-0000-0000-0000000000b2"));

    @BeforeEach
    void createStores() {
        Stores stores = newStores();
        record = stores.record();
        log = stores.log();
    }

    /** A real deferral from the engine: a Georgia license, a 305 (Florida) number, 20:30 Eastern. */
    static ComplianceVerdict floridaDeferral(Instant sent) {
        Whereabouts where = Whereabouts.of(
                Optional.of(new PhoneNumber("+13055550100")),
                Optional.of(UsState.GA),
                Optional.empty(),
                Optional.empty());
        return SolicitationEngine.standard()
                .decide(where, Channel.SMS, Instant.parse("2026-02-13T01:30:00Z"), List.of(sent));
    }

    static ComplianceEntry entry(RecruitId recruit, String key, ComplianceVerdict verdict) {
        return new ComplianceEntry(recruit, new MessageKey(key), Channel.SMS, verdict);
    }

    static ComplianceVerdict send(Instant at) {
        return new ComplianceVerdict(
                Outcome.SEND,
                Optional.empty(),
                at,
                List.of(),
                new Whereabouts(Map.of(UsState.GA, "license"), Map.of(ZoneId.of("America/New_York"), "area code 404")),
                List.of(),
                List.of("US.hours"),
                List.of("MS.holidays"));
    }

    @Test
    void a_decision_round_trips_whole() {
        ComplianceVerdict deferral = floridaDeferral(Instant.parse("2026-02-12T20:00:00Z"));
        assertThat(deferral.outcome()).isEqualTo(Outcome.DEFER);

        record.append(entry(recruit, "intro/a1", deferral));

        assertThat(record.forRecruit(recruit, 10)).containsExactly(entry(recruit, "intro/a1", deferral));
        ComplianceVerdict back = record.forRecruit(recruit, 10).get(0).verdict();
        assertThat(back.reasons()).extracting(Reason::rule).contains("FL.hours");
        assertThat(back.where().jurisdictions()).containsKeys(UsState.FL, UsState.GA);
        assertThat(back.where().zones()).containsKey(ZoneId.of("America/New_York"));
    }

    @Test
    void a_recruits_decisions_come_newest_first_and_no_one_elses() {
        record.append(entry(recruit, "intro/a1", send(at(0))));
        record.append(entry(other, "intro/b2", send(at(1))));
        record.append(entry(recruit, "intro/a1", send(at(2))));
        record.append(entry(recruit, "intro/a1", send(at(3))));

        assertThat(record.forRecruit(recruit, 10))
                .extracting(e -> e.verdict().decidedAt())
                .containsExactly(at(3), at(2), at(0));
        assertThat(record.forRecruit(recruit, 2)).hasSize(2);
        assertThat(record.forRecruit(other, 10)).hasSize(1);
        assertThat(record.forRecruit(RecruitId.random(), 10)).isEmpty();
    }

    @Test
    void a_refusal_and_an_email_send_are_kept_too() {
        ComplianceVerdict refusal = new ComplianceVerdict(
                Outcome.REFUSE,
                Optional.empty(),
                at(5),
                List.of(new Reason("consent.dnd", "do-not-disturb is on", "", "the contact's do-not-disturb in GHL")),
                new Whereabouts(Map.of(), Map.of(ZoneId.of("America/Chicago"), "contact time zone")),
                List.of(),
                List.of(),
                List.of());
        ComplianceEntry email = new ComplianceEntry(recruit, new MessageKey("intro/a1"), Channel.EMAIL, send(at(6)));

        record.append(entry(recruit, "intro/a1", refusal));
        record.append(email);

        assertThat(record.forRecruit(recruit, 10)).containsExactly(email, entry(recruit, "intro/a1", refusal));
    }

    @Test
    void a_transition_appends_its_decision_and_a_lost_one_appends_nothing() {
        ContactId contact = new ContactId("ct_decided");
        MessageRecord planned = plannedSms("intro/a1", LOCATION, contact, at(0), Optional.empty());
        log.plan(planned);
        ComplianceVerdict deferral = floridaDeferral(at(-60));
        MessageRecord replanned = planned.replanned(deferral.notBefore().orElseThrow(), deferral.reasonText(), at(1));

        assertThat(log.transition(planned.key(), SendState.PLANNED, replanned, entry(recruit, "intro/a1", deferral)))
                .isTrue();
        // The message has moved on: the same transition loses, and its decision is not recorded.
        assertThat(log.transition(
                        planned.key(),
                        SendState.SENDING,
                        replanned.sending(at(2)),
                        entry(recruit, "intro/a1", send(at(2)))))
                .isFalse();

        assertThat(log.find(planned.key())).contains(replanned);
        assertThat(record.forRecruit(recruit, 10)).containsExactly(entry(recruit, "intro/a1", deferral));
    }
}
