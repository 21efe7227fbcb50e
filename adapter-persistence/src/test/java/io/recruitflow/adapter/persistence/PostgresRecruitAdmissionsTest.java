package io.recruitflow.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.contracts.RecruitsContract;
import io.recruitflow.domain.recruit.Consent;
import io.recruitflow.domain.recruit.IntakePhase;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.License;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Npn;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The batched insert of an import ({@link PostgresRecruits#addAll}, used by {@link PostgresRecruitAdmissions}) keeps
 * the {@link Recruits} contract: every {@code add} here is a batch of one through it, so whatever the contract reads
 * back was written by the one-statement insert. Then batches proper: duplicates inside one batch by NPN, phone or
 * email alone, every field stored as {@code add} stores it, and the journal and first job in the same commit.
 */
class PostgresRecruitAdmissionsTest extends RecruitsContract {
    private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");
    private static final LocationId LOC = new LocationId("loc_batch");

    @Override
    protected Recruits newRecruits() {
        TestDatabase.truncateAll();
        PostgresRecruits postgres = new PostgresRecruits(TestDatabase.jdbi());
        return new Recruits() {
            @Override
            public AddOutcome add(Recruit recruit) {
                return TestDatabase.jdbi()
                        .inTransaction(h -> PostgresRecruits.addAll(h, List.of(recruit)))
                        .get(0);
            }

            @Override
            public Recruit update(Recruit recruit) {
                return postgres.update(recruit);
            }

            @Override
            public Optional<Recruit> find(RecruitId id) {
                return postgres.find(id);
            }

            @Override
            public Optional<Recruit> findByContact(ContactId contact) {
                return postgres.findByContact(contact);
            }

            @Override
            public Optional<Recruit> findByPhoneOrEmail(
                    LocationId location, Optional<PhoneNumber> phone, Optional<EmailAddress> email) {
                return postgres.findByPhoneOrEmail(location, phone, email);
            }

            @Override
            public io.recruitflow.domain.shared.Page<Recruit> list(
                    Optional<LocationId> location, Optional<String> cursor, int limit) {
                return postgres.list(location, cursor, limit);
            }

            @Override
            public List<Recruit> all(Optional<LocationId> location) {
                return postgres.all(location);
            }
        };
    }

    @Test
    void a_batch_stores_the_first_of_two_rows_sharing_an_npn_a_phone_or_an_email_and_knows_the_second_as_it() {
        TestDatabase.truncateAll();
        Recruit a = recruit("a@example.com", "+14075550101", "111");
        Recruit b = recruit("b@example.com", "+14075550102", "222");
        Recruit c = recruit("c@example.com", "+14075550103", null);
        Recruit sameNpn = recruit("x@example.com", "+14075550199", "111");
        Recruit samePhone = recruit("y@example.com", "+14075550102", null);
        Recruit sameEmail = recruit("c@example.com", "+14075550198", null);
        List<Recruits.AddOutcome> outcomes =
                admissions().admit(List.of(a, sameNpn, b, samePhone, c, sameEmail), AT, this::job);

        assertThat(outcomes)
                .extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Added", "AlreadyKnown", "Added", "AlreadyKnown", "Added", "AlreadyKnown");
        assertThat(outcomes)
                .extracting(o -> o.recruit().id())
                .containsExactly(a.id(), a.id(), b.id(), b.id(), c.id(), c.id());
        assertThat(new PostgresRecruits(TestDatabase.jdbi()).all(Optional.of(LOC)))
                .hasSize(3);
    }

    @Test
    void every_field_is_stored_as_add_stores_it_with_its_journal_and_first_job() {
        TestDatabase.truncateAll();
        Recruit rich = new Recruit(
                RecruitId.random(),
                LOC,
                new PersonName("Zoë", "O'Neil \"Jr\""),
                Optional.of(new EmailAddress("zoe@example.com")),
                Optional.of(new PhoneNumber("+14075550111")),
                new License(
                        UsState.FL,
                        Optional.of("W123456"),
                        Set.of(new LicenseType("Life"), new LicenseType("Health")),
                        Optional.of(new Npn("987654")),
                        Optional.of(LocalDate.of(2027, 3, 31))),
                "PropHog",
                Set.of("New Lead", "Life", "a \"quoted\", tag"),
                Map.of("cf_years", "12", "cf_note", "line one\nline \"two\"\\"),
                new Consent(true, Optional.of(AT.minusSeconds(60)), Optional.of(AT.minusSeconds(30))),
                Optional.of(ZoneId.of("America/New_York")),
                Optional.of(UsState.FL),
                Optional.empty(),
                AT,
                Optional.empty(),
                0);
        List<Recruits.AddOutcome> outcomes = admissions().admit(List.of(rich), AT, this::job);

        assertThat(outcomes.get(0)).isInstanceOf(Recruits.AddOutcome.Added.class);
        Recruit stored =
                new PostgresRecruits(TestDatabase.jdbi()).find(rich.id()).orElseThrow();
        assertThat(stored).isEqualTo(rich.withVersion(1));
        assertThat(new PostgresIntakeJournal(TestDatabase.jdbi()).steps(rich.id()))
                .extracting(s -> s.step())
                .containsExactly(IntakeStep.values());
        long jobs = TestDatabase.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from scheduled_tasks where task_instance like :id")
                        .bind("id", "%" + rich.id().value() + "%")
                        .mapTo(Long.class)
                        .one());
        assertThat(jobs).isEqualTo(1L);
    }

    @Test
    void with_subscribers_each_stored_recruit_joins_the_outbox_as_recruit_accepted_in_the_batch_commit() {
        TestDatabase.truncateAll();
        Recruit a = recruit("a@example.com", "+14075550101", "111");
        Recruit again = recruit("x@example.com", "+14075550199", "111");
        Recruit b = recruit("b@example.com", "+14075550102", null);
        new PostgresRecruitAdmissions(
                        TestDatabase.jdbi(),
                        new PostgresJobQueue(TestDatabase.get().dataSource()),
                        List.of("crm", "zapier"))
                .admit(List.of(a, again, b), AT, this::job);
        List<io.recruitflow.application.port.OutboxEntry> entries =
                new PostgresOutbox(TestDatabase.jdbi()).list(Optional.empty(), Optional.empty(), 10);
        assertThat(entries)
                .as("one per stored recruit and subscription; the known one has none")
                .hasSize(4)
                .allSatisfy(e -> assertThat(e.event().type())
                        .isEqualTo(io.recruitflow.application.port.RecruitEventType.ACCEPTED))
                .extracting(e -> e.event().recruit())
                .containsOnly(a.id(), b.id());
        assertThat(entries)
                .extracting(e -> e.event().id())
                .contains(io.recruitflow.application.port.RecruitEvent.accepted(a, AT)
                        .id());
    }

    private PostgresRecruitAdmissions admissions() {
        return new PostgresRecruitAdmissions(
                TestDatabase.jdbi(), new PostgresJobQueue(TestDatabase.get().dataSource()));
    }

    private Job job(Recruit r) {
        return new Job(new JobPayload.Intake(r.id(), IntakePhase.FIRST), AT, JobPriority.SPEED_TO_LEAD, 0);
    }

    /** A valid recruit of the test location; {@code npn} may be null. */
    static Recruit recruit(String email, String phone, String npn) {
        return recruit(LOC, email, phone, npn);
    }

    /** A Texas Life recruit of the location, from the file, with the NPN when given. */
    static Recruit recruit(LocationId location, String email, String phone, String npn) {
        return new Recruit(
                RecruitId.random(),
                location,
                new PersonName("Ann", "Lee"),
                Optional.of(new EmailAddress(email)),
                Optional.of(new PhoneNumber(phone)),
                new License(
                        UsState.TX,
                        Optional.empty(),
                        Set.of(new LicenseType("Life")),
                        Optional.ofNullable(npn).map(Npn::new),
                        Optional.empty()),
                "file",
                Set.of("New Lead"),
                Map.of(),
                Consent.GRANTED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                AT,
                Optional.empty(),
                0);
    }
}
