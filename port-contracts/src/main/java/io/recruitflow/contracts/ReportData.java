package io.recruitflow.contracts;

import io.recruitflow.application.recruitingreport.RecruitingReport;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.Appointments;
import io.recruitflow.domain.appointment.CalendarId;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ComplianceEntry;
import io.recruitflow.domain.message.ComplianceRecord;
import io.recruitflow.domain.message.ComplianceVerdict;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.Whereabouts;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.OpportunityId;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.PipelineId;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.License;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UsState;
import io.recruitflow.domain.shared.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Writes report data through the stores' own ports: recruits with a source, a license state and an acceptance,
 * linked to a contact and texted (at once, or after a compliance deferral), opportunities moved through stages,
 * presentations. {@link #varied} writes a seeded, varied data set for the tests that compare the report with a
 * direct count.
 */
public final class ReportData {
    /** The stores a report reads, and the report over them. */
    public record Stores(
            Recruits recruits,
            OpportunityMirror mirror,
            Appointments appointments,
            ComplianceRecord compliance,
            RecruitingReport report) {}

    private final Stores stores;

    public ReportData(Stores stores) {
        this.stores = stores;
    }

    /** A stored recruit, unlinked. */
    public Recruit recruit(int n, LocationId location, String source, UsState state, Instant acceptedAt) {
        Recruit base = Fixtures.recruit(location, n, acceptedAt);
        Recruit r = new Recruit(
                base.id(),
                location,
                base.name(),
                base.email(),
                base.phone(),
                new License(state, Optional.empty(), Set.of(new LicenseType("Life"))),
                source,
                base.tags(),
                base.customFields(),
                base.consent(),
                base.timeZone(),
                base.addressState(),
                Optional.empty(),
                acceptedAt,
                Optional.empty(),
                0);
        stores.recruits().add(r);
        return stores.recruits().find(r.id()).orElseThrow();
    }

    /** Links the recruit to {@code contact}; its intro accepted {@code after} its acceptance, if given. */
    public Recruit contacted(Recruit r, ContactId contact, Optional<Duration> after) {
        Recruit linked = r.linkedTo(contact);
        if (after.isPresent()) {
            linked = linked.introSent(r.acceptedAt().plus(after.get()));
        }
        return stores.recruits().update(linked);
    }

    /** Assigns the recruit to {@code user}, as routing or a reassignment does. */
    public Recruit assigned(Recruit r, String user) {
        return stores.recruits().update(r.assignedTo(new UserId(user)));
    }

    /** Records that a compliance decision deferred the recruit's intro (quiet hours) until {@code until}. */
    public void introDeferred(Recruit r, Instant until) {
        stores.compliance()
                .append(new ComplianceEntry(
                        r.id(),
                        new MessageKey("intro/" + r.id()),
                        Channel.SMS,
                        new ComplianceVerdict(
                                ComplianceVerdict.Outcome.DEFER,
                                Optional.of(until),
                                r.acceptedAt(),
                                List.of(new ComplianceVerdict.Reason(
                                        "US.hours",
                                        "no text before 08:00",
                                        "21:00 in America/Chicago",
                                        "47 CFR" + " 64.1200(c)(1)")),
                                new Whereabouts(
                                        Map.of(r.license().state(), "license"),
                                        Map.of(ZoneId.of("America/Chicago"), "area code")),
                                List.of(),
                                List.of("US.hours"),
                                List.of())));
    }

    /** Saves the opportunity at each stage in turn, at the given instants (same id, contact and assignee). */
    public void moves(String id, Recruit r, Optional<String> assignee, List<RecruitingStage> stages, List<Instant> at) {
        for (int i = 0; i < stages.size(); i++) {
            stores.mirror()
                    .save(new Opportunity(
                            new OpportunityId(id),
                            r.location(),
                            r.contactId().orElseThrow(),
                            "Agent Recruit",
                            new PipelineId("pipe_recruiting"),
                            stages.get(i),
                            stages.get(i) == RecruitingStage.CONTRACTED
                                    ? OpportunityStatus.WON
                                    : OpportunityStatus.OPEN,
                            BigDecimal.ZERO,
                            assignee.map(UserId::new),
                            at.get(i),
                            1));
        }
    }

    public void presentation(String id, Recruit r, AppointmentStatus status, Instant start) {
        stores.appointments()
                .save(new Appointment(
                        new AppointmentId(id),
                        new CalendarId("cal_presentations"),
                        r.location(),
                        r.contactId().orElseThrow(),
                        "Presentation",
                        start,
                        start.plus(Duration.ofMinutes(30)),
                        status,
                        start));
    }

    private static final String[] SOURCES = {"PropHog", "Referral", "Facebook Ads", "=cmd|' /C calc'!A0"};
    private static final UsState[] STATES = {UsState.FL, UsState.TX, UsState.GA, UsState.NY, UsState.CA};
    private static final String[] USERS = {"user_gary123", "user_ann", "user_bo"};

    /**
     * {@code n} recruits over five weeks from {@link Fixtures#T0} in two locations, seeded: sources (one a formula),
     * states, recruiters (some unassigned), some never linked or never texted, intros at once or after a deferral,
     * opportunities that stop at every stage (some moved back after a no-show, a few deleted), presentations
     * attended, missed, cancelled or ahead.
     */
    public void varied(int n, long seed) {
        Random random = new Random(seed);
        RecruitingStage[] order = RecruitingStage.values();
        for (int i = 0; i < n; i++) {
            LocationId location = random.nextInt(5) == 0 ? Fixtures.OTHER_LOCATION : Fixtures.LOCATION;
            Instant accepted = Fixtures.T0.plus(Duration.ofMinutes(random.nextInt(5 * 7 * 24 * 60)));
            Recruit r = recruit(
                    i,
                    location,
                    SOURCES[random.nextInt(SOURCES.length)],
                    STATES[random.nextInt(STATES.length)],
                    accepted);
            if (random.nextInt(10) == 0) {
                continue; // never linked to a contact
            }
            boolean texted = random.nextInt(5) != 0;
            boolean deferred = texted && random.nextInt(3) == 0;
            Optional<Duration> after = texted
                    ? Optional.of(
                            deferred
                                    ? Duration.ofMinutes(60 + random.nextInt(11 * 60))
                                    : Duration.ofMillis(500 + random.nextInt(60_000)))
                    : Optional.empty();
            if (deferred) {
                introDeferred(r, accepted.plus(after.get()));
            } else if (!texted && random.nextBoolean()) {
                introDeferred(r, accepted.plus(Duration.ofHours(9))); // waiting still
            }
            r = contacted(r, new ContactId("ct_report_" + i), after);
            if (random.nextInt(3) == 0) {
                r = assigned(r, USERS[random.nextInt(USERS.length)]); // routed; its opportunity may say otherwise
            }
            if (random.nextInt(8) == 0) {
                continue; // no opportunity yet
            }
            int furthest = random.nextInt(order.length);
            Optional<String> assignee =
                    random.nextInt(4) == 0 ? Optional.empty() : Optional.of(USERS[random.nextInt(USERS.length)]);
            List<RecruitingStage> stages = new java.util.ArrayList<>();
            List<Instant> at = new java.util.ArrayList<>();
            Instant t = accepted.plusSeconds(random.nextInt(30));
            for (int s = 0; s <= furthest; s++) {
                stages.add(order[s]);
                at.add(t);
                t = t.plus(Duration.ofMinutes(random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(3 * 24 * 60)));
            }
            boolean reachedPresentation = furthest >= RecruitingStage.PRESENTATION_SCHEDULED.ordinal();
            if (reachedPresentation && furthest < order.length - 1 && random.nextInt(3) == 0) {
                stages.add(RecruitingStage.INTERESTED); // back after a no-show
                at.add(t.plus(Duration.ofHours(2)));
            }
            moves("opp_report_" + i, r, assignee, stages, at);
            if (random.nextInt(40) == 0) {
                stores.mirror().delete(new OpportunityId("opp_report_" + i));
            }
            if (reachedPresentation || random.nextInt(10) == 0) {
                int count = 1 + random.nextInt(2);
                for (int a = 0; a < count; a++) {
                    AppointmentStatus status =
                            AppointmentStatus.values()[random.nextInt(AppointmentStatus.values().length)];
                    presentation(
                            "apt_report_" + i + "_" + a,
                            r,
                            status,
                            at.get(at.size() - 1).plus(Duration.ofDays(1 + a)));
                }
            }
        }
    }
}
