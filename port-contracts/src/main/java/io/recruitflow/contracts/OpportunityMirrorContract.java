package io.recruitflow.contracts;

import static io.recruitflow.contracts.Fixtures.LOCATION;
import static io.recruitflow.contracts.Fixtures.OTHER_LOCATION;
import static io.recruitflow.contracts.Fixtures.at;
import static io.recruitflow.contracts.Fixtures.opportunity;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.OpportunityId;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.shared.ContactId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.assertj.core.api.AbstractObjectAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OpportunityMirror} must do. The contract does not prescribe what the store does with
 * {@link Opportunity#version()}, so comparisons ignore it.
 */
public abstract class OpportunityMirrorContract {

    /** A new, empty mirror; called once per test. */
    protected abstract OpportunityMirror newOpportunityMirror();

    private OpportunityMirror mirror;
    private final ContactId contact = new ContactId("ct_mirror_1");

    @BeforeEach
    void createMirror() {
        mirror = newOpportunityMirror();
    }

    private static AbstractObjectAssert<?, Opportunity> assertSame(Optional<Opportunity> actual, Opportunity expected) {
        assertThat(actual).isPresent();
        AbstractObjectAssert<?, Opportunity> a = assertThat(actual.get());
        a.usingRecursiveComparison().ignoringFields("version").isEqualTo(expected);
        return a;
    }

    @Test
    void save_stores_a_new_opportunity_findable_by_id_and_contact() {
        Opportunity opp = opportunity("opp_1", contact, LOCATION, RecruitingStage.LEAD, at(0));

        assertThat(mirror.save(opp)).isTrue();

        assertSame(mirror.find(opp.id()), opp);
        assertSame(mirror.findByContact(contact), opp);
        assertThat(mirror.find(new OpportunityId("opp_none"))).isEmpty();
        assertThat(mirror.findByContact(new ContactId("ct_none"))).isEmpty();
    }

    @Test
    void a_newer_write_replaces_the_stored_one() {
        Opportunity lead = opportunity("opp_1", contact, LOCATION, RecruitingStage.LEAD, at(0));
        mirror.save(lead);
        Opportunity contacted = opportunity("opp_1", contact, LOCATION, RecruitingStage.CONTACTED, at(1));

        assertThat(mirror.save(contacted)).isTrue();

        assertSame(mirror.find(lead.id()), contacted);
    }

    @Test
    void an_older_write_is_ignored_so_events_out_of_order_never_overwrite_newer_state() {
        Opportunity newer = opportunity("opp_1", contact, LOCATION, RecruitingStage.INTERESTED, at(10));
        Opportunity older = opportunity("opp_1", contact, LOCATION, RecruitingStage.CONTACTED, at(5));
        mirror.save(newer);

        assertThat(mirror.save(older)).isFalse();

        assertSame(mirror.find(newer.id()), newer);
        assertSame(mirror.findByContact(contact), newer);
    }

    @Test
    void the_furthest_stage_only_rises_even_through_older_writes() {
        mirror.save(opportunity("opp_1", contact, LOCATION, RecruitingStage.PRESENTATION_SCHEDULED, at(1)));
        Opportunity back = opportunity("opp_1", contact, LOCATION, RecruitingStage.INTERESTED, at(2));

        assertThat(mirror.save(back)).isTrue();

        Opportunity stored = mirror.find(back.id()).orElseThrow();
        assertThat(stored.stage()).isEqualTo(RecruitingStage.INTERESTED);
        assertThat(stored.furthestStage()).isEqualTo(RecruitingStage.PRESENTATION_SCHEDULED);
        assertThat(mirror.findByContact(contact).orElseThrow().furthestStage())
                .isEqualTo(RecruitingStage.PRESENTATION_SCHEDULED);

        // Older news is not stored, but the stage it reports was reached all the same.
        assertThat(mirror.save(opportunity("opp_1", contact, LOCATION, RecruitingStage.CONTRACTED, at(0))))
                .isFalse();

        stored = mirror.find(back.id()).orElseThrow();
        assertThat(stored.stage()).isEqualTo(RecruitingStage.INTERESTED);
        assertThat(stored.updatedAt()).isEqualTo(at(2));
        assertThat(stored.furthestStage()).isEqualTo(RecruitingStage.CONTRACTED);
        assertThat(mirror.all(Optional.empty()))
                .singleElement()
                .extracting(Opportunity::furthestStage)
                .isEqualTo(RecruitingStage.CONTRACTED);
    }

    @Test
    void a_write_with_the_same_timestamp_is_stored() {
        Opportunity first = opportunity("opp_1", contact, LOCATION, RecruitingStage.LEAD, at(3));
        Opportunity same = new Opportunity(
                first.id(),
                LOCATION,
                contact,
                first.name(),
                first.pipeline(),
                RecruitingStage.LEAD,
                OpportunityStatus.LOST,
                first.monetaryValue(),
                first.assignedTo(),
                at(3),
                1);
        mirror.save(first);

        assertThat(mirror.save(same)).isTrue();

        assertSame(mirror.find(first.id()), same);
    }

    @Test
    void concurrent_writes_in_any_order_leave_the_newest() {
        List<Opportunity> versions = new ArrayList<>();
        RecruitingStage[] stages = RecruitingStage.values();
        for (int i = 0; i < 8; i++) {
            versions.add(opportunity("opp_race", contact, LOCATION, stages[i % stages.length], at(i)));
        }
        Collections.shuffle(versions, new Random(42));

        Concurrently.run(versions.size(), i -> () -> mirror.save(versions.get(i)));

        Opportunity stored = mirror.find(new OpportunityId("opp_race")).orElseThrow();
        assertThat(stored.updatedAt()).isEqualTo(at(7));
        assertThat(stored.furthestStage()).isEqualTo(RecruitingStage.CONTRACTED);
    }

    @Test
    void delete_removes_it() {
        Opportunity opp = opportunity("opp_1", contact, LOCATION, RecruitingStage.LEAD, at(0));
        mirror.save(opp);

        mirror.delete(opp.id());

        assertThat(mirror.find(opp.id())).isEmpty();
        assertThat(mirror.findByContact(contact)).isEmpty();
        assertThat(mirror.all(Optional.empty())).isEmpty();
        mirror.delete(opp.id()); // deleting twice is harmless
    }

    @Test
    void a_deleted_opportunity_stays_deleted_whatever_is_written_after() {
        Opportunity opp = opportunity("opp_1", contact, LOCATION, RecruitingStage.CONTACTED, at(0));
        mirror.save(opp);
        mirror.delete(opp.id());

        // GHL sends OpportunityUpdate after OpportunityDelete (highlevel-api-docs #27): newer, and still deleted.
        assertThat(mirror.save(opportunity("opp_1", contact, LOCATION, RecruitingStage.CONTACTED, at(5))))
                .isFalse();

        assertThat(mirror.find(opp.id())).isEmpty();
        assertThat(mirror.findByContact(contact)).isEmpty();
        assertThat(mirror.all(Optional.of(LOCATION))).isEmpty();
        assertThat(mirror.countByStage(Optional.empty()))
                .allSatisfy((stage, n) -> assertThat(n).isZero());
    }

    @Test
    void a_delete_that_arrives_before_the_opportunity_is_known_still_keeps_it_out() {
        mirror.delete(new OpportunityId("opp_early"));

        assertThat(mirror.save(opportunity("opp_early", contact, LOCATION, RecruitingStage.LEAD, at(1))))
                .isFalse();
        assertThat(mirror.find(new OpportunityId("opp_early"))).isEmpty();
        // Another opportunity of the same contact is not affected.
        Opportunity other = opportunity("opp_other", contact, LOCATION, RecruitingStage.LEAD, at(2));
        assertThat(mirror.save(other)).isTrue();
        assertSame(mirror.findByContact(contact), other);
    }

    @Test
    void all_filters_by_location() {
        mirror.save(opportunity("opp_a", new ContactId("ct_a"), LOCATION, RecruitingStage.LEAD, at(0)));
        mirror.save(opportunity("opp_b", new ContactId("ct_b"), OTHER_LOCATION, RecruitingStage.LEAD, at(0)));

        assertThat(mirror.all(Optional.of(LOCATION)))
                .extracting(o -> o.id().value())
                .containsExactly("opp_a");
        assertThat(mirror.all(Optional.empty()))
                .extracting(o -> o.id().value())
                .containsExactlyInAnyOrder("opp_a", "opp_b");
    }

    @Test
    void countByStage_has_every_stage_and_filters_by_location() {
        assertThat(mirror.countByStage(Optional.empty()))
                .containsOnlyKeys(RecruitingStage.values())
                .allSatisfy((stage, n) -> assertThat(n).isZero());

        mirror.save(opportunity("opp_1", new ContactId("ct_1"), LOCATION, RecruitingStage.LEAD, at(0)));
        mirror.save(opportunity("opp_2", new ContactId("ct_2"), LOCATION, RecruitingStage.LEAD, at(0)));
        mirror.save(opportunity("opp_3", new ContactId("ct_3"), LOCATION, RecruitingStage.CONTRACTED, at(0)));
        mirror.save(opportunity("opp_4", new ContactId("ct_4"), OTHER_LOCATION, RecruitingStage.LEAD, at(0)));

        Map<RecruitingStage, Long> inA = mirror.countByStage(Optional.of(LOCATION));
        assertThat(inA).containsOnlyKeys(RecruitingStage.values());
        assertThat(inA)
                .containsEntry(RecruitingStage.LEAD, 2L)
                .containsEntry(RecruitingStage.CONTRACTED, 1L)
                .containsEntry(RecruitingStage.CONTACTED, 0L)
                .containsEntry(RecruitingStage.INTERESTED, 0L)
                .containsEntry(RecruitingStage.PRESENTATION_SCHEDULED, 0L);
        assertThat(mirror.countByStage(Optional.empty())).containsEntry(RecruitingStage.LEAD, 3L);
    }
}
