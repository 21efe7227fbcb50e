package io.recruitflow.contracts;

import static io.recruitflow.contracts.Fixtures.LOCATION;
import static io.recruitflow.contracts.Fixtures.OTHER_LOCATION;
import static io.recruitflow.contracts.Fixtures.at;
import static io.recruitflow.contracts.Fixtures.email;
import static io.recruitflow.contracts.Fixtures.licensed;
import static io.recruitflow.contracts.Fixtures.phone;
import static io.recruitflow.contracts.Fixtures.recruit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.domain.recruit.Consent;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.recruit.Recruits.AddOutcome;
import io.recruitflow.domain.recruit.Recruits.ConcurrentUpdateException;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Recruits} store must do. */
public abstract class RecruitsContract {

    /** A new, empty store; called once per test. */
    protected abstract Recruits newRecruits();

    private Recruits recruits;

    @BeforeEach
    void createStore() {
        recruits = newRecruits();
    }

    private Recruit added(Recruit r) {
        AddOutcome outcome = recruits.add(r);
        assertThat(outcome).isInstanceOf(AddOutcome.Added.class);
        return outcome.recruit();
    }

    @Test
    void add_stores_a_new_recruit_as_version_1() {
        Recruit fresh = recruit(LOCATION, 1, at(0));

        AddOutcome outcome = recruits.add(fresh);

        assertThat(outcome).isInstanceOf(AddOutcome.Added.class);
        assertThat(outcome.recruit()).isEqualTo(fresh.withVersion(1));
        assertThat(recruits.find(fresh.id())).contains(fresh.withVersion(1));
    }

    @Test
    void find_of_an_unknown_id_is_empty() {
        assertThat(recruits.find(RecruitId.random())).isEmpty();
    }

    @Test
    void find_all_answers_the_stored_recruits_of_the_ids_by_id_and_leaves_unknown_ids_out() {
        Recruit first = added(recruit(LOCATION, 1, at(0)));
        Recruit second = added(recruit(OTHER_LOCATION, 2, at(1)));
        recruits.add(recruit(LOCATION, 3, at(2)));
        Recruit linked = recruits.update(second.linkedTo(new ContactId("c-2")));
        RecruitId unknown = RecruitId.random();

        assertThat(recruits.findAll(List.of(first.id(), unknown, second.id(), first.id())))
                .containsOnly(Map.entry(first.id(), first), Map.entry(second.id(), linked));
        assertThat(recruits.findAll(List.of())).isEmpty();
    }

    @Test
    void add_with_a_known_phone_in_the_same_location_returns_the_existing_recruit_and_stores_nothing() {
        Recruit first = added(recruit(LOCATION, 1, at(0)));
        Recruit samePhone = recruit(LOCATION, Optional.of(phone(1)), Optional.of(email("someone.else")), at(1));

        AddOutcome outcome = recruits.add(samePhone);

        assertThat(outcome).isInstanceOf(AddOutcome.AlreadyKnown.class);
        assertThat(outcome.recruit()).isEqualTo(first);
        assertThat(recruits.find(samePhone.id())).isEmpty();
        assertThat(recruits.all(Optional.empty())).containsExactly(first);
    }

    @Test
    void add_with_a_known_email_in_the_same_location_returns_the_existing_recruit() {
        Recruit first = added(recruit(LOCATION, 1, at(0)));
        Recruit sameEmail = recruit(LOCATION, Optional.of(phone(99)), Optional.of(email("agent1")), at(1));

        AddOutcome outcome = recruits.add(sameEmail);

        assertThat(outcome).isInstanceOf(AddOutcome.AlreadyKnown.class);
        assertThat(outcome.recruit()).isEqualTo(first);
        assertThat(recruits.all(Optional.empty())).hasSize(1);
    }

    @Test
    void the_same_phone_and_email_in_another_location_is_a_different_recruit() {
        Recruit inA = added(recruit(LOCATION, 1, at(0)));
        Recruit inB = recruit(OTHER_LOCATION, 1, at(1));

        AddOutcome outcome = recruits.add(inB);

        assertThat(outcome).isInstanceOf(AddOutcome.Added.class);
        assertThat(recruits.all(Optional.empty())).containsExactlyInAnyOrder(inA, inB.withVersion(1));
    }

    @Test
    void a_missing_phone_or_email_never_matches_another_missing_one() {
        Recruit emailOnly1 = added(recruit(LOCATION, Optional.empty(), Optional.of(email("a")), at(0)));
        Recruit emailOnly2 = added(recruit(LOCATION, Optional.empty(), Optional.of(email("b")), at(1)));
        Recruit phoneOnly1 = added(recruit(LOCATION, Optional.of(phone(1)), Optional.empty(), at(2)));
        Recruit phoneOnly2 = added(recruit(LOCATION, Optional.of(phone(2)), Optional.empty(), at(3)));

        assertThat(recruits.all(Optional.of(LOCATION)))
                .containsExactlyInAnyOrder(emailOnly1, emailOnly2, phoneOnly1, phoneOnly2);
    }

    @Test
    void an_email_only_lead_matches_a_recruit_that_has_that_email_and_a_phone() {
        Recruit first = added(recruit(LOCATION, 1, at(0)));

        AddOutcome outcome = recruits.add(recruit(LOCATION, Optional.empty(), Optional.of(email("agent1")), at(1)));

        assertThat(outcome).isEqualTo(new AddOutcome.AlreadyKnown(first));
    }

    @Test
    void concurrent_adds_of_the_same_phone_store_exactly_one_recruit() {
        List<AddOutcome> outcomes = Concurrently.run(
                8,
                i -> () ->
                        recruits.add(recruit(LOCATION, Optional.of(phone(7)), Optional.of(email("racer" + i)), at(i))));

        assertThat(outcomes).filteredOn(o -> o instanceof AddOutcome.Added).hasSize(1);
        Recruit winner = outcomes.stream()
                .filter(o -> o instanceof AddOutcome.Added)
                .findFirst()
                .orElseThrow()
                .recruit();
        assertThat(outcomes).allSatisfy(o -> assertThat(o.recruit()).isEqualTo(winner));
        assertThat(recruits.all(Optional.empty())).containsExactly(winner);
    }

    @Test
    void update_replaces_the_recruit_and_increments_the_version() {
        Recruit stored = added(recruit(LOCATION, 1, at(0)));

        Recruit updated = recruits.update(stored.withTags(Set.of("New Lead", "Contacted")));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.tags()).containsExactlyInAnyOrder("New Lead", "Contacted");
        assertThat(recruits.find(stored.id())).contains(updated);

        Recruit again = recruits.update(updated.introSent(at(5)));
        assertThat(again.version()).isEqualTo(3);
        assertThat(recruits.find(stored.id()).orElseThrow().introSentAt()).contains(at(5));
    }

    @Test
    void consent_is_stored_with_the_time_of_its_last_dnd_change() {
        Recruit stored = added(recruit(LOCATION, 1, at(0)));

        Recruit dnd = recruits.update(stored.withConsent(
                stored.consent().dndReported(true, false, at(3)).optOut(at(4))));

        Consent consent = recruits.find(stored.id()).orElseThrow().consent();
        assertThat(consent).isEqualTo(dnd.consent());
        assertThat(consent.dnd()).isTrue();
        assertThat(consent.dndChangedAt()).contains(at(3));
        assertThat(consent.optedOutAt()).contains(at(4));
    }

    @Test
    void update_from_a_stale_version_is_refused_and_changes_nothing() {
        Recruit stored = added(recruit(LOCATION, 1, at(0)));
        Recruit current = recruits.update(stored.withTags(Set.of("First")));

        assertThatThrownBy(() -> recruits.update(stored.withTags(Set.of("Stale"))))
                .isInstanceOf(ConcurrentUpdateException.class);

        assertThat(recruits.find(stored.id())).contains(current);
    }

    @Test
    void of_two_concurrent_updates_from_the_same_version_exactly_one_wins() {
        Recruit stored = added(recruit(LOCATION, 1, at(0)));

        List<String> results = Concurrently.run(2, i -> () -> {
            try {
                recruits.update(stored.withTags(Set.of("writer-" + i)));
                return "won";
            } catch (ConcurrentUpdateException e) {
                return "lost";
            }
        });

        assertThat(results).containsExactlyInAnyOrder("won", "lost");
        Recruit now = recruits.find(stored.id()).orElseThrow();
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.tags()).hasSize(1);
    }

    @Test
    void findByContact_finds_the_recruit_once_linked() {
        Recruit stored = added(recruit(LOCATION, 1, at(0)));
        added(recruit(LOCATION, 2, at(1)));
        ContactId contact = new ContactId("ct_contract_1");
        assertThat(recruits.findByContact(contact)).isEmpty();

        Recruit linked = recruits.update(stored.linkedTo(contact));

        assertThat(recruits.findByContact(contact)).contains(linked);
        assertThat(recruits.findByContact(new ContactId("ct_other"))).isEmpty();
    }

    @Test
    void findByPhoneOrEmail_matches_either_within_the_location_only() {
        Recruit stored = added(recruit(LOCATION, 1, at(0)));
        added(recruit(LOCATION, 2, at(1)));

        assertThat(recruits.findByPhoneOrEmail(LOCATION, Optional.of(phone(1)), Optional.empty()))
                .contains(stored);
        assertThat(recruits.findByPhoneOrEmail(LOCATION, Optional.empty(), Optional.of(email("agent1"))))
                .contains(stored);
        assertThat(recruits.findByPhoneOrEmail(LOCATION, Optional.of(phone(55)), Optional.of(email("agent1"))))
                .contains(stored);
        assertThat(recruits.findByPhoneOrEmail(OTHER_LOCATION, Optional.of(phone(1)), Optional.of(email("agent1"))))
                .isEmpty();
        assertThat(recruits.findByPhoneOrEmail(LOCATION, Optional.of(phone(55)), Optional.of(email("nobody"))))
                .isEmpty();
        assertThat(recruits.findByPhoneOrEmail(LOCATION, Optional.empty(), Optional.empty()))
                .isEmpty();
    }

    @Test
    void list_pages_through_every_recruit_in_acceptance_order() {
        // Added out of acceptance order on purpose: the listing follows acceptedAt, not insertion.
        int[] minutes = {30, 10, 50, 20, 40, 0, 60};
        List<Recruit> stored = new ArrayList<>();
        for (int i = 0; i < minutes.length; i++) {
            stored.add(added(recruit(LOCATION, i, at(minutes[i]))));
        }
        added(recruit(OTHER_LOCATION, 100, at(5)));
        List<Recruit> expected = stored.stream()
                .sorted(java.util.Comparator.comparing(Recruit::acceptedAt))
                .toList();

        List<Recruit> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<Recruit> page = recruits.list(Optional.of(LOCATION), cursor, 3);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            seen.addAll(page.items());
            cursor = page.next();
            pages++;
            assertThat(pages).as("pages").isLessThanOrEqualTo(4);
        } while (cursor.isPresent());

        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void list_without_a_location_covers_every_location() {
        Recruit a = added(recruit(LOCATION, 1, at(0)));
        Recruit b = added(recruit(OTHER_LOCATION, 2, at(1)));
        Recruit c = added(recruit(LOCATION, 3, at(2)));

        Page<Recruit> first = recruits.list(Optional.empty(), Optional.empty(), 2);
        assertThat(first.items()).containsExactly(a, b);
        assertThat(first.next()).isPresent();
        Page<Recruit> second = recruits.list(Optional.empty(), first.next(), 2);
        assertThat(second.items()).containsExactly(c);
        assertThat(second.next()).isEmpty();
    }

    @Test
    void list_of_an_empty_store_is_one_empty_page() {
        Page<Recruit> page = recruits.list(Optional.empty(), Optional.empty(), 10);
        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void a_page_that_exactly_fills_the_limit_may_only_be_followed_by_an_empty_last_page() {
        added(recruit(LOCATION, 1, at(0)));
        added(recruit(LOCATION, 2, at(1)));

        Page<Recruit> first = recruits.list(Optional.of(LOCATION), Optional.empty(), 2);
        assertThat(first.items()).hasSize(2);
        if (first.next().isPresent()) {
            Page<Recruit> rest = recruits.list(Optional.of(LOCATION), first.next(), 2);
            assertThat(rest.items()).isEmpty();
            assertThat(rest.next()).isEmpty();
        }
    }

    @Test
    void all_filters_by_location() {
        Recruit a = added(recruit(LOCATION, 1, at(0)));
        Recruit b = added(recruit(OTHER_LOCATION, 2, at(1)));

        assertThat(recruits.all(Optional.of(LOCATION))).containsExactly(a);
        assertThat(recruits.all(Optional.of(OTHER_LOCATION))).containsExactly(b);
        assertThat(recruits.all(Optional.of(new LocationId("loc_none")))).isEmpty();
        assertThat(recruits.all(Optional.empty())).containsExactlyInAnyOrder(a, b);
    }

    // ---- NPN: the producer's stable identity

    @Test
    void the_npn_and_license_expiration_are_stored_with_the_recruit() {
        Recruit stored =
                added(licensed(LOCATION, Optional.of(phone(1)), Optional.of(email("agent1")), "12345678", at(0)));

        assertThat(recruits.find(stored.id())).contains(stored);
        assertThat(stored.license().npn()).map(n -> n.value()).contains("12345678");
        assertThat(stored.license().expires()).contains(java.time.LocalDate.of(2027, 3, 31));
    }

    @Test
    void add_with_a_known_npn_in_the_same_location_returns_the_existing_recruit_whatever_its_phone_and_email() {
        Recruit first =
                added(licensed(LOCATION, Optional.of(phone(1)), Optional.of(email("agent1")), "12345678", at(0)));
        Recruit newPhoneAndEmail =
                licensed(LOCATION, Optional.of(phone(2)), Optional.of(email("new.address")), "12345678", at(1));

        AddOutcome outcome = recruits.add(newPhoneAndEmail);

        assertThat(outcome).isEqualTo(new AddOutcome.AlreadyKnown(first));
        assertThat(recruits.find(newPhoneAndEmail.id())).isEmpty();
        assertThat(recruits.all(Optional.empty())).containsExactly(first);
    }

    @Test
    void the_npn_match_wins_over_a_phone_match_of_another_recruit() {
        Recruit byNpn = added(licensed(LOCATION, Optional.of(phone(1)), Optional.empty(), "12345678", at(0)));
        added(recruit(LOCATION, Optional.of(phone(2)), Optional.empty(), at(1)));

        AddOutcome outcome =
                recruits.add(licensed(LOCATION, Optional.of(phone(2)), Optional.empty(), "12345678", at(2)));

        assertThat(outcome).isEqualTo(new AddOutcome.AlreadyKnown(byNpn));
    }

    @Test
    void the_same_npn_in_another_location_and_another_npn_in_the_same_location_are_different_recruits() {
        Recruit inA = added(licensed(LOCATION, Optional.of(phone(1)), Optional.empty(), "12345678", at(0)));
        Recruit inB = added(licensed(OTHER_LOCATION, Optional.of(phone(1)), Optional.empty(), "12345678", at(1)));
        Recruit other = added(licensed(LOCATION, Optional.of(phone(2)), Optional.empty(), "87654321", at(2)));

        assertThat(recruits.all(Optional.empty())).containsExactlyInAnyOrder(inA, inB, other);
    }

    @Test
    void concurrent_adds_of_the_same_npn_store_exactly_one_recruit() {
        List<AddOutcome> outcomes = Concurrently.run(
                8,
                i -> () -> recruits.add(licensed(
                        LOCATION,
                        Optional.of(phone(20 + i)),
                        Optional.of(email("npn.racer" + i)),
                        "4455667788",
                        at(i))));

        assertThat(outcomes).filteredOn(o -> o instanceof AddOutcome.Added).hasSize(1);
        Recruit winner = outcomes.stream()
                .filter(o -> o instanceof AddOutcome.Added)
                .findFirst()
                .orElseThrow()
                .recruit();
        assertThat(outcomes).allSatisfy(o -> assertThat(o.recruit()).isEqualTo(winner));
        assertThat(recruits.all(Optional.empty())).containsExactly(winner);
    }

    @Test
    void the_address_state_from_the_crm_is_kept_and_replaced() {
        Recruit stored = added(recruit(LOCATION, Optional.of(phone(30)), Optional.empty(), at(0)));
        assertThat(stored.addressState()).isEmpty();

        Recruit inGeorgia =
                recruits.update(stored.withAddressState(Optional.of(io.recruitflow.domain.shared.UsState.GA)));
        assertThat(recruits.find(stored.id()).orElseThrow().addressState())
                .contains(io.recruitflow.domain.shared.UsState.GA);

        recruits.update(inGeorgia.withAddressState(Optional.empty()));
        assertThat(recruits.find(stored.id()).orElseThrow().addressState()).isEmpty();
    }
}
