package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.intakerecruit.IntakeSaga;
import io.recruitflow.domain.message.ComplianceEntry;
import io.recruitflow.domain.message.ComplianceVerdict.Outcome;
import io.recruitflow.domain.message.ComplianceVerdict.Reason;
import io.recruitflow.domain.message.DeclaredEmergency;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.recruit.DoNotDisturb;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every compliance decision on a recruit's texts goes on the record with the state change it causes: the
 * deferral of a Georgia-licensed agent's intro to a Miami number at 20:30 Eastern (Florida's 8 p.m.), the send
 * the next morning, refusals; the contact's address state from GHL is one of the jurisdictions; a declared
 * emergency holds texts into its state.
 */
class ComplianceOnTheRecordTest {

    private List<ComplianceEntry> record(World w, RecruitId id) {
        return w.adapters.complianceRecord().forRecruit(id, 100);
    }

    @Test
    void aTextDeferredByTheAreaCodesStateIsOnTheRecordWithItsReasonThenItsSend() {
        World w = new World("2026-02-12T20:30");
        RecruitId id = w.accept(World.lead("Dana", "Reyes", "3055550101", null, "GA", "Life"));
        w.runJobs();

        ComplianceEntry deferral = record(w, id).get(0);
        assertThat(deferral.message()).isEqualTo(IntakeSaga.introKey(id));
        assertThat(deferral.verdict().outcome()).isEqualTo(Outcome.DEFER);
        assertThat(deferral.verdict().reasons()).extracting(Reason::rule).containsExactly("FL.hours");
        assertThat(deferral.verdict().reasons().get(0).source()).contains("501.616");
        assertThat(deferral.verdict().where().jurisdictions())
                .containsEntry(UsState.FL, "area code 305")
                .containsEntry(UsState.GA, "license");
        // Georgia alone would allow 20:30; Florida's 8 p.m. holds it until 8 a.m.
        Instant eightAm = Instant.parse("2026-02-13T13:00:00Z");
        assertThat(deferral.verdict().notBefore()).contains(eightAm);
        assertThat(w.adapters
                        .messageLog()
                        .find(IntakeSaga.introKey(id))
                        .orElseThrow()
                        .state())
                .isEqualTo(SendState.PLANNED);

        w.clock.set(eightAm);
        w.runJobs();

        List<ComplianceEntry> all = record(w, id);
        assertThat(all).extracting(e -> e.verdict().outcome()).containsExactly(Outcome.SEND, Outcome.DEFER);
        assertThat(all.get(0).verdict().decidedAt()).isEqualTo(eightAm);
        assertThat(w.adapters
                        .messageLog()
                        .find(IntakeSaga.introKey(id))
                        .orElseThrow()
                        .state())
                .isEqualTo(SendState.SENT);
    }

    @Test
    void noPersonalDataInTheRecord() {
        World w = new World("2026-02-12T20:30");
        RecruitId id = w.accept(World.lead("Dana", "Reyes", "3055550101", "dana.reyes@example.com", "GA", "Life"));
        w.runJobs();

        String all = record(w, id).toString();
        assertThat(all).doesNotContain("5550101", "Dana", "Reyes", "dana.reyes");
    }

    @Test
    void aRefusalForDoNotDisturbIsOnTheRecord() {
        World w = new World("2026-02-12T10:00");
        Contact existing = inGhl(w, "+14075550111");
        w.ghl.contactDirectory().setDnd(existing.id(), DoNotDisturb.onEveryChannel(true));
        RecruitId id = w.accept(World.lead("Dana", "Reyes", "4075550111", null, "FL", "Life"));
        w.runJobs();

        ComplianceEntry refusal = record(w, id).get(0);
        assertThat(refusal.verdict().outcome()).isEqualTo(Outcome.REFUSE);
        assertThat(refusal.verdict().reasons()).extracting(Reason::rule).containsExactly("consent.dnd");
    }

    @Test
    void theContactsAddressStateFromTheUpsertJoinsTheJurisdictions() {
        World w = new World("2026-02-12T20:30");
        Contact existing = inGhl(w, "+14045550112");
        w.ghl.contactDirectory().setAddressState(existing.id(), Optional.of(UsState.MA));
        // Atlanta number, Georgia license: 20:30 is allowed in Georgia, not in Massachusetts (8 p.m.).
        RecruitId id = w.accept(World.lead("Dana", "Reyes", "4045550112", null, "GA", "Life"));
        w.runJobs();

        assertThat(w.recruit(id).addressState()).contains(UsState.MA);
        ComplianceEntry deferral = record(w, id).get(0);
        assertThat(deferral.verdict().outcome()).isEqualTo(Outcome.DEFER);
        assertThat(deferral.verdict().where().jurisdictions()).containsEntry(UsState.MA, "contact address");
        assertThat(deferral.verdict().reasons()).extracting(Reason::rule).containsExactly("MA.hours");
    }

    @Test
    void aContactWebhookWithAnAddressStateReplacesItAndOneWithoutKeepsIt() {
        World w = new World("2026-02-12T10:00");
        RecruitId id = w.accept(World.lead("Dana", "Reyes", "4045550113", null, "GA", "Life"));
        w.runJobs();
        var contact = w.recruit(id).contactId().orElseThrow();

        w.deliver(contactUpdate(w, contact, Optional.of(UsState.TX)));
        assertThat(w.recruit(id).addressState()).contains(UsState.TX);
        assertThat(w.recipients.whereabouts(w.recruit(id)).jurisdictions())
                .containsEntry(UsState.TX, "contact address");

        w.deliver(contactUpdate(w, contact, Optional.empty()));
        assertThat(w.recruit(id).addressState()).contains(UsState.TX);
    }

    @Test
    void aDeclaredEmergencyHoldsTextsIntoItsStateUntilItEndsAndSaysSo() {
        World w = new World("2026-02-12T10:00");
        Instant until = w.clock.now().plus(Duration.ofDays(2));
        w.adapters
                .declaredEmergencies()
                .declare(new DeclaredEmergency(UsState.LA, w.clock.now(), until, "Hurricane, Proclamation 1 JML"));
        RecruitId id = w.accept(World.lead("Dana", "Reyes", "5045550114", null, "LA", "Life"));
        w.runJobs();

        ComplianceEntry deferral = record(w, id).get(0);
        assertThat(deferral.verdict().outcome()).isEqualTo(Outcome.DEFER);
        assertThat(deferral.verdict().reasons()).extracting(Reason::rule).contains("declared.LA");
        assertThat(deferral.verdict().notBefore().orElseThrow()).isAfterOrEqualTo(until);

        // Ended early: the next decision sees it at once.
        w.adapters.declaredEmergencies().lift(UsState.LA, w.clock.now());
        w.clock.set(deferral.verdict().notBefore().orElseThrow());
        w.runJobs();
        assertThat(record(w, id).get(0).verdict().outcome()).isEqualTo(Outcome.SEND);
        assertThat(ZoneId.of("America/Chicago")).isIn(deferral.verdict().where().zoneIds());
    }

    /** A contact GHL already holds, with this phone. */
    private static Contact inGhl(World w, String phone) {
        return w.ghl.contactDirectory()
                .add(new ContactDraft(
                        InMemoryGhl.LOCATION,
                        "Dana",
                        "Reyes",
                        Optional.empty(),
                        Optional.of(new PhoneNumber(phone)),
                        Set.of(),
                        List.of(),
                        Optional.empty()));
    }

    private static GhlEvent.ContactChanged contactUpdate(
            World w, io.recruitflow.domain.shared.ContactId contact, Optional<UsState> state) {
        return new GhlEvent.ContactChanged(
                World.eventId(),
                InMemoryGhl.LOCATION,
                w.clock.now(),
                contact,
                false,
                Optional.empty(),
                Optional.empty(),
                Set.of(),
                DoNotDisturb.NONE,
                state);
    }
}
