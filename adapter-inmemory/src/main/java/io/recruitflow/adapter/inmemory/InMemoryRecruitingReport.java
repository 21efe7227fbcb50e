package io.recruitflow.adapter.inmemory;

import io.recruitflow.application.recruitingreport.RecruitingReport;
import io.recruitflow.application.recruitingreport.ReportCriteria;
import io.recruitflow.application.recruitingreport.ReportGrouping;
import io.recruitflow.application.recruitingreport.ReportRow;
import io.recruitflow.application.recruitingreport.ReportRow.Latency;
import io.recruitflow.application.recruitingreport.ReportRow.StageTime;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.message.ComplianceVerdict;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link RecruitingReport} over the in-memory stores, computing what the PostgreSQL report computes in SQL (the
 * {@code RecruitingReportContract} holds both to it): each selected recruit (its recruiter the user routing assigned it
 * to, else its opportunity's) with its newest opportunity of its
 * location, whether a compliance decision deferred its intro, and its presentations.
 */
public final class InMemoryRecruitingReport implements RecruitingReport {
    private final InMemoryRecruits recruits;
    private final InMemoryOpportunityMirror mirror;
    private final InMemoryAppointments appointments;
    private final InMemoryComplianceRecord compliance;

    public InMemoryRecruitingReport(
            InMemoryRecruits recruits,
            InMemoryOpportunityMirror mirror,
            InMemoryAppointments appointments,
            InMemoryComplianceRecord compliance) {
        this.recruits = Objects.requireNonNull(recruits, "recruits");
        this.mirror = Objects.requireNonNull(mirror, "mirror");
        this.appointments = Objects.requireNonNull(appointments, "appointments");
        this.compliance = Objects.requireNonNull(compliance, "compliance");
    }

    /** One group's recruits, as they are counted. */
    private static final class Tally {
        long leadsIn;
        long contacted;
        long booked;
        long showed;
        long noShows;
        long contracted;
        final List<Duration> atOnce = new ArrayList<>();
        final List<Duration> waited = new ArrayList<>();
        final Map<RecruitingStage, List<Duration>> stays = new EnumMap<>(RecruitingStage.class);
        final Map<RecruitingStage, Long> still = new EnumMap<>(RecruitingStage.class);
    }

    @Override
    public List<ReportRow> rows(ReportCriteria c) {
        Map<String, Tally> groups = new TreeMap<>();
        for (Recruit r : recruits.all(c.location())) {
            if (c.from().map(f -> r.acceptedAt().isBefore(f)).orElse(false)
                    || c.to().map(t -> !r.acceptedAt().isBefore(t)).orElse(false)) {
                continue;
            }
            Optional<Opportunity> opportunity = opportunityOf(r);
            Tally t = groups.computeIfAbsent(group(c, r, opportunity), g -> new Tally());
            RecruitingStage reached =
                    opportunity.map(Opportunity::furthestStage).orElse(null);
            List<Appointment> presentations = r.contactId()
                    .map(contact -> appointments.forContact(contact).stream()
                            .filter(a -> a.location().equals(r.location()))
                            .toList())
                    .orElse(List.of());
            boolean showed = presentations.stream().anyMatch(a -> a.status() == AppointmentStatus.SHOWED);
            boolean missed = presentations.stream().anyMatch(a -> a.status() == AppointmentStatus.NOSHOW);
            t.leadsIn++;
            if (r.introSentAt().isPresent() || (reached != null && !reached.isBefore(RecruitingStage.CONTACTED))) {
                t.contacted++;
            }
            t.booked += presentations.isEmpty() ? 0 : 1;
            t.showed += showed ? 1 : 0;
            t.noShows += missed && !showed ? 1 : 0;
            t.contracted += reached == RecruitingStage.CONTRACTED ? 1 : 0;
            r.speedToLead().ifPresent(d -> (introWaited(r) ? t.waited : t.atOnce).add(d));
            opportunity.ifPresent(o -> stays(mirror.stageEntries(o.id()), t));
        }
        List<ReportRow> rows = new ArrayList<>();
        groups.forEach((group, t) -> {
            List<StageTime> times = new ArrayList<>();
            for (RecruitingStage s : RecruitingStage.values()) {
                times.add(new StageTime(s, latency(t.stays.getOrDefault(s, List.of())), t.still.getOrDefault(s, 0L)));
            }
            rows.add(new ReportRow(
                    group,
                    t.leadsIn,
                    t.contacted,
                    t.booked,
                    t.showed,
                    t.noShows,
                    t.contracted,
                    latency(t.atOnce),
                    latency(t.waited),
                    times));
        });
        return rows;
    }

    /** Each stage entered, left at the next stage's entry (at the same instant: a later stage in the order). */
    private static void stays(Map<RecruitingStage, Instant> entries, Tally t) {
        entries.forEach((stage, at) -> {
            Optional<Instant> left = entries.entrySet().stream()
                    .filter(e -> e.getKey() != stage)
                    .filter(e -> e.getValue().isAfter(at) || (e.getValue().equals(at) && stage.isBefore(e.getKey())))
                    .map(Map.Entry::getValue)
                    .min(Comparator.naturalOrder());
            if (left.isPresent()) {
                t.stays.computeIfAbsent(stage, s -> new ArrayList<>()).add(Duration.between(at, left.get()));
            } else {
                t.still.merge(stage, 1L, Long::sum);
            }
        });
    }

    private Optional<Opportunity> opportunityOf(Recruit r) {
        return r.contactId()
                .flatMap(contact -> mirror.all(Optional.of(r.location())).stream()
                        .filter(o -> o.contact().equals(contact))
                        .min(Comparator.comparing(Opportunity::updatedAt)
                                .reversed()
                                .thenComparing(o -> o.id().value())));
    }

    private boolean introWaited(Recruit r) {
        String intro = "intro/" + r.id();
        return compliance.forRecruit(r.id(), Integer.MAX_VALUE).stream()
                .anyMatch(e ->
                        e.message().value().equals(intro) && e.verdict().outcome() == ComplianceVerdict.Outcome.DEFER);
    }

    private static String group(ReportCriteria c, Recruit r, Optional<Opportunity> opportunity) {
        return switch (c.grouping()) {
            case SOURCE -> r.source();
            case STATE -> r.license().state().name();
            case RECRUITER ->
                r.assignedUser()
                        .or(() -> opportunity.flatMap(Opportunity::assignedTo))
                        .map(UserId::value)
                        .orElse(ReportGrouping.UNASSIGNED);
            case WEEK -> {
                var local = r.acceptedAt().atZone(c.zone());
                yield String.format(
                        "%04d-W%02d",
                        local.get(IsoFields.WEEK_BASED_YEAR), local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
        };
    }

    private static Latency latency(List<Duration> samples) {
        return Latency.of(samples.stream().sorted().toList());
    }
}
