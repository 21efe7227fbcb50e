package io.recruitflow.bootstrap.demo;

import com.google.inject.AbstractModule;
import io.recruitflow.application.advancerecruit.AdvanceRecruitCommand;
import io.recruitflow.application.advancerecruit.AdvanceRecruitUseCase;
import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.outreach.RecipientProfile;
import io.recruitflow.application.recruitingfunnel.FunnelQuery;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelUseCase;
import io.recruitflow.application.replies.ReplySettings;
import io.recruitflow.application.replies.ReviewRepliesUseCase;
import io.recruitflow.application.schedulepresentation.BookingResult;
import io.recruitflow.application.schedulepresentation.SchedulePresentationCommand;
import io.recruitflow.application.schedulepresentation.SchedulePresentationUseCase;
import io.recruitflow.application.viewrecruit.RecruitView;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.bootstrap.cli.FunnelPrinter;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ComplianceVerdict;
import io.recruitflow.domain.message.Conversations;
import io.recruitflow.domain.message.Direction;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.pipeline.StageChange;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UsState;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reference's whole flow, end to end: import a lead list, run every intake (texts now or deferred by
 * quiet hours), then let recruits reply, book, miss a presentation and sign, and print the funnel.
 */
public final class Demo {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE HH:mm zzz");
    /** A revocation in the recruit's own words (FCC 24-24: "by any reasonable means"), not the bare keyword. */
    static final String OPT_OUT_REPLY = "Please stop texting me";
    /** A reply that may be a revocation: a person decides. */
    static final String UNCLEAR_REPLY = "Not interested";

    private final ImportLeadsUseCase importLeads;
    private final ViewRecruitUseCase view;
    private final SchedulePresentationUseCase presentations;
    private final AdvanceRecruitUseCase advance;
    private final RecruitingFunnelUseCase funnel;
    private final RecipientProfile recipients;
    private final ReviewRepliesUseCase reviews;
    private final Conversations conversations;
    private final ReplySettings replySettings;
    private final DemoDriver driver;
    private final Clock clock;
    private final PrintStream out;

    @Inject
    public Demo(
            ImportLeadsUseCase importLeads,
            ViewRecruitUseCase view,
            SchedulePresentationUseCase presentations,
            AdvanceRecruitUseCase advance,
            RecruitingFunnelUseCase funnel,
            RecipientProfile recipients,
            ReviewRepliesUseCase reviews,
            Conversations conversations,
            ReplySettings replySettings,
            DemoDriver driver,
            Clock clock,
            PrintStream out) {
        this.importLeads = importLeads;
        this.view = view;
        this.presentations = presentations;
        this.advance = advance;
        this.funnel = funnel;
        this.recipients = recipients;
        this.reviews = reviews;
        this.conversations = conversations;
        this.replySettings = replySettings;
        this.driver = driver;
        this.clock = clock;
        this.out = out;
    }

    /** Runs the demo; returns the process exit code. */
    public int run(Path leadFile, LocationId location, Instant nextMorning) throws IOException {
        out.printf(
                "Recruitflow demo — location %s, it is %s%n%n",
                location, LOCAL.format(clock.now().atZone(ZoneId.of("America/New_York"))));

        ImportReport report;
        try (InputStream in = Files.newInputStream(leadFile)) {
            report = importLeads.importLeads(new ImportLeadsCommand(location, in));
        }
        out.printf(
                "1. Imported %s%s: %d rows → %d new recruits, %d already known, %d rejected%n",
                leadFile.getFileName(),
                report.layout().map(l -> " (" + l.encoding().label() + ")").orElse(""),
                report.rows(),
                report.accepted().size(),
                report.known().size(),
                report.rejected().size());
        report.known().forEach(k -> out.printf("   row %d: duplicate of a recruit already accepted%n", k.row()));
        report.rejected().forEach(r -> out.printf("   row %d rejected: %s%n", r.row(), r.reason()));

        driver.runDueWork();
        List<RecruitView> recruits = views(report);
        out.printf("%n2. Intake (contact → opportunity → intro → speed-to-lead workflow):%n");
        printIntros(recruits);

        driver.advanceTo(nextMorning);
        driver.runDueWork();
        recruits = views(report);
        long sentAfter = recruits.stream().filter(v -> sent(v)).count();
        long undeliveredAfter = recruits.stream().filter(Demo::notDelivered).count();
        out.printf(
                "%n3. Next morning (%s): deferred texts go out; %d of %d intros now sent%s.%n",
                LOCAL.format(clock.now().atZone(ZoneId.of("America/New_York"))),
                sentAfter,
                recruits.size(),
                undeliveredAfter == 0 ? "" : ", " + undeliveredAfter + " GHL could not deliver");

        simulateResponses(recruits);

        out.printf("%n5. The recruiting funnel:%n%n");
        new FunnelPrinter(out).print(funnel.funnel(new FunnelQuery(Optional.of(location))));
        return 0;
    }

    private List<RecruitView> views(ImportReport report) {
        return report.accepted().stream()
                .map(a -> view.view(a.recruit()).orElseThrow())
                .toList();
    }

    /** Accepted by GHL and not reported undelivered since. */
    private static boolean sent(RecruitView v) {
        return v.intro()
                .filter(m -> m.state() == SendState.SENT && !m.notDelivered())
                .isPresent();
    }

    private static boolean notDelivered(RecruitView v) {
        return v.intro().map(MessageRecord::notDelivered).orElse(false);
    }

    private void printIntros(List<RecruitView> recruits) {
        for (RecruitView v : recruits) {
            Recruit r = v.recruit();
            String state = r.license().state().code();
            String what = v.intro().map(m -> describe(r, m)).orElse("no intro yet");
            out.printf("   %-22s %-2s %s%n", r.name().full(), state, what);
            areaCodeState(v).ifPresent(why -> out.printf("   %-25s ↳ %s%n", "", why));
        }
        long now = recruits.stream().filter(Demo::sent).count();
        long deferred = recruits.stream()
                .filter(v -> v.intro()
                        .map(m -> m.state() == SendState.PLANNED && !m.notDelivered())
                        .orElse(false))
                .count();
        long undelivered = recruits.stream().filter(Demo::notDelivered).count();
        out.printf(
                "   → %d intros sent now, %d deferred by quiet hours%s%n",
                now, deferred, undelivered == 0 ? "" : ", " + undelivered + " not delivered (GHL's reason above)");
    }

    /**
     * For a text that waits because of the rules of a state other than the license state, which the number's
     * area code brings in (Florida presumes a Florida area code is a Florida resident): why, from the compliance
     * record.
     */
    private static Optional<String> areaCodeState(RecruitView v) {
        UsState license = v.recruit().license().state();
        return v.decisions().stream()
                .findFirst()
                .filter(d -> d.verdict().outcome() == ComplianceVerdict.Outcome.DEFER)
                .flatMap(d -> d.verdict().reasons().stream()
                        .filter(reason -> d.verdict().where().jurisdictions().entrySet().stream()
                                .anyMatch(j -> j.getKey() != license
                                        && j.getValue().startsWith("area code")
                                        && reason.rule().startsWith(j.getKey().code() + ".")))
                        .findFirst()
                        .map(reason -> {
                            UsState other = UsState.valueOf(reason.rule().substring(0, 2));
                            return "licensed in " + license.code() + ", but the number's "
                                    + d.verdict().where().jurisdictions().get(other) + " is "
                                    + other.displayName() + "'s, so " + other.displayName()
                                    + "'s rules apply too — on the record: "
                                    + d.verdict().outcome().name().toLowerCase(java.util.Locale.ROOT) + " by "
                                    + reason.rule() + " ("
                                    + reason.source().split(":")[0] + ")";
                        }));
    }

    private String describe(Recruit r, MessageRecord m) {
        String channel = m.channel() == Channel.EMAIL ? "email" : "text";
        ZoneId zone = recipients.displayZoneOf(r);
        if (m.notDelivered()) {
            return channel + " " + m.delivery().orElseThrow().describe()
                    + (m.state() == SendState.PLANNED ? " — sending again later" : " — not sent again");
        }
        switch (m.state()) {
            case SENT:
                return channel + " sent "
                        + r.speedToLead().map(d -> "in " + d.toMillis() + " ms").orElse("");
            case PLANNED:
                return channel + " deferred until "
                        + m.notBefore().map(t -> LOCAL.format(t.atZone(zone))).orElse("?") + " ("
                        + m.detail().orElse("") + ")";
            default:
                return channel + " " + m.state().name().toLowerCase()
                        + m.detail().map(d -> ": " + d).orElse("");
        }
    }

    /** Replies, an opt-out, bookings, a no-show and contracts, reported the way GHL reports them. */
    private void simulateResponses(List<RecruitView> recruits) {
        List<Recruit> contacted = new ArrayList<>();
        List<MessageRecord> intros = new ArrayList<>();
        for (RecruitView v : recruits) {
            if (sent(v)) {
                intros.add(v.intro().orElseThrow());
                contacted.add(v.recruit());
            }
        }
        driver.introsReported(intros);
        driver.runDueWork();
        out.printf("%n4. Recruits respond (GHL reports it through webhooks):%n");
        int replies = Math.min(contacted.size(), Math.max(4, contacted.size() * 2 / 3));
        List<Recruit> interested = new ArrayList<>();
        Recruit stopped = null;
        for (int i = 0; i < replies; i++) {
            Recruit r = contacted.get(i);
            boolean stop = i == replies - 1;
            driver.recruitReplies(r, stop ? OPT_OUT_REPLY : "Sure, tell me more!");
            if (stop) {
                stopped = r;
            } else {
                interested.add(r);
            }
        }
        // One who had not answered yet writes something that may or may not be a revocation.
        Optional<Recruit> unclear = contacted.size() > replies ? Optional.of(contacted.get(replies)) : Optional.empty();
        unclear.ifPresent(r -> driver.recruitReplies(r, UNCLEAR_REPLY));
        driver.runDueWork();
        out.printf("   %d replied with interest → Interested%n", interested.size());
        if (stopped != null) {
            long confirmations = confirmationsTo(stopped);
            out.printf(
                    "   %s replied \"%s\": opted out, opportunity lost, never texted again; %d confirmation text%s sent"
                            + " (\"%s\")%n",
                    stopped.name().full(),
                    OPT_OUT_REPLY,
                    confirmations,
                    confirmations == 1 ? "" : "s",
                    replySettings.confirmationText());
        }
        unclear.ifPresent(r -> reviews.open(100).stream()
                .filter(review -> review.recruit().equals(r.id()))
                .findFirst()
                .ifPresent(review -> out.printf(
                        "   %s replied \"%s\": unclear (%s), held for review: no text goes to them until a person"
                                + " decides (dashboard, GET /api/replies/review)%n",
                        r.name().full(), review.body().orElse(""), review.why())));

        List<Appointment> booked = new ArrayList<>();
        for (Recruit r : interested.subList(0, Math.min(interested.size(), Math.max(3, interested.size() / 2)))) {
            BookingResult result = presentations.schedule(new SchedulePresentationCommand(r.id(), Optional.empty()));
            if (result instanceof BookingResult.Booked b) {
                booked.add(b.appointment());
                driver.bookingReported(b.appointment());
            } else {
                out.printf("   could not book %s: %s%n", r.name().full(), result);
            }
        }
        driver.runDueWork();
        out.printf("   %d booked an iDecide presentation → Presentation Scheduled%n", booked.size());
        if (booked.isEmpty()) {
            return;
        }
        driver.appointmentMarked(booked.get(0), AppointmentStatus.NOSHOW);
        driver.runDueWork();
        out.printf("   1 did not show up → back to Interested%n");
        int contracted = 0;
        for (Appointment a : booked.subList(1, booked.size())) {
            driver.appointmentMarked(a, AppointmentStatus.SHOWED);
        }
        driver.runDueWork();
        for (Appointment a : booked.subList(1, booked.size())) {
            advance.advance(new AdvanceRecruitCommand(
                    recruitOf(interested, a), RecruitingStage.CONTRACTED, StageChange.Cause.CONTRACT));
            contracted++;
        }
        driver.runDueWork();
        out.printf("   %d showed up and signed → Contracted%n", contracted);
    }

    /** The opt-out confirmations in the recruit's GHL conversation: what actually reached GHL. */
    private long confirmationsTo(Recruit r) {
        try (var messages =
                conversations.messagesWith(r.location(), r.contactId().orElseThrow())) {
            return messages.filter(m -> m.direction() == Direction.OUTBOUND
                            && m.body().strip().equals(replySettings.confirmationText()))
                    .count();
        }
    }

    private static RecruitId recruitOf(List<Recruit> recruits, Appointment a) {
        return recruits.stream()
                .filter(r -> r.contactId().orElseThrow().equals(a.contact()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** Binds the demo, printing to {@code out}; a {@link DemoDriver} comes from the demo's world. */
    static final class DemoModule extends AbstractModule {
        private final PrintStream out;

        DemoModule(PrintStream out) {
            this.out = out;
        }

        @Override
        protected void configure() {
            bind(PrintStream.class).toInstance(out);
            bind(Demo.class);
        }
    }
}
