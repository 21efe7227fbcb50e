package io.recruitflow.bootstrap.demo;

import com.google.inject.AbstractModule;
import io.recruitflow.application.advancerecruit.AdvanceRecruitCommand;
import io.recruitflow.application.advancerecruit.AdvanceRecruitUseCase;
import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.nurture.Nurture;
import io.recruitflow.application.outreach.RecipientProfile;
import io.recruitflow.application.presentations.PresentationFollowThrough;
import io.recruitflow.application.recruitingfunnel.FunnelQuery;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelUseCase;
import io.recruitflow.application.replies.ReplySettings;
import io.recruitflow.application.replies.ReviewRepliesUseCase;
import io.recruitflow.application.schedulepresentation.BookingResult;
import io.recruitflow.application.schedulepresentation.SchedulePresentationCommand;
import io.recruitflow.application.schedulepresentation.SchedulePresentationUseCase;
import io.recruitflow.application.stalls.StalledRecruits;
import io.recruitflow.application.viewrecruit.RecruitView;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.bootstrap.cli.FunnelPrinter;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.Appointments;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ComplianceVerdict;
import io.recruitflow.domain.message.Conversations;
import io.recruitflow.domain.message.Direction;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.nurture.NurtureStep;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.pipeline.StageChange;
import io.recruitflow.domain.pipeline.StallAlert;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UsState;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
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
    private final Nurture nurture;
    private final MessageLog messages;
    private final Appointments appointments;
    private final StalledRecruits stalls;
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
            Nurture nurture,
            MessageLog messages,
            Appointments appointments,
            StalledRecruits stalls,
            Clock clock,
            PrintStream out) {
        this.nurture = nurture;
        this.messages = messages;
        this.appointments = appointments;
        this.stalls = stalls;
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

        // Day 2 (Saturday): a recruit who had been silent writes back; Recruitflow's cadence stops for them.
        List<Recruit> silent = new ArrayList<>(contacted);
        silent.removeAll(interested);
        silent.remove(stopped);
        unclear.ifPresent(silent::remove);
        Optional<Recruit> lateReplier = silent.isEmpty() ? Optional.empty() : Optional.of(silent.remove(0));
        lateReplier.ifPresent(r -> driver.replyAt(DAY_TWO_REPLY, r, LATE_REPLY));

        // The presentations: booked for next Tuesday (four days ahead, so both reminders go), one slot apart.
        List<Appointment> booked = new ArrayList<>();
        // Four, so that the week's moments (two reminders and a start each) stay few: the week runs in seconds.
        List<Recruit> bookers = interested.subList(0, Math.min(interested.size(), PRESENTATIONS_BOOKED));
        for (int i = 0; i < bookers.size(); i++) {
            Recruit r = bookers.get(i);
            Instant slot = PRESENTATIONS.plus(Duration.ofMinutes(30L * i));
            BookingResult result = presentations.schedule(new SchedulePresentationCommand(r.id(), Optional.of(slot)));
            if (result instanceof BookingResult.Booked b) {
                booked.add(b.appointment());
                driver.bookingReported(b.appointment());
            } else {
                out.printf("   could not book %s: %s%n", r.name().full(), result);
            }
        }
        driver.runDueWork();
        out.printf(
                "   %d booked an iDecide presentation → Presentation Scheduled (Tue %s on)%n",
                booked.size(),
                LOCAL.format(PRESENTATIONS.atZone(ZoneId.of("America/New_York")))
                        .substring(4));
        if (booked.isEmpty()) {
            runWeek(contacted);
            return;
        }
        // The first misses it, gets the rebooking text, books again for Thursday and shows up; the others show up.
        Recruit noShow = recruitIn(bookers, booked.get(0));
        // The user marks the morning's presentations once the last has ended.
        Instant marked = booked.get(booked.size() - 1).end().plus(MARKED_AFTER_END);
        driver.markAt(marked, noShow, AppointmentStatus.NOSHOW);
        driver.bookAt(REBOOKED_AT, noShow, REBOOKED_SLOT);
        driver.markAt(REBOOKED_SLOT.plus(Duration.ofMinutes(45)), noShow, AppointmentStatus.SHOWED);
        for (Appointment a : booked.subList(1, booked.size())) {
            driver.markAt(marked, recruitIn(bookers, a), AppointmentStatus.SHOWED);
        }

        runWeek(contacted);

        out.printf("   1 did not show up → back to Interested%n");
        List<MessageRecord> rebookingTexts = sentOfKind(noShow, PresentationFollowThrough.NO_SHOW);
        out.printf(
                "   ↳ %s: %d rebooking text%s (%s)%s%n",
                noShow.name().full(),
                rebookingTexts.size(),
                rebookingTexts.size() == 1 ? "" : "s",
                rebookingTexts.stream()
                        .map(m -> LOCAL.format(m.updatedAt().atZone(recipients.displayZoneOf(noShow))))
                        .collect(java.util.stream.Collectors.joining(", ")),
                rebookedPresentation(noShow)
                        .map(a -> ", rebooked for " + LOCAL.format(a.start().atZone(recipients.displayZoneOf(noShow)))
                                + " and " + (a.status() == AppointmentStatus.SHOWED ? "showed up" : a.status()))
                        .orElse(", did not rebook"));
        int contracted = 0;
        for (Recruit r : bookers) {
            if (showedUp(r)) {
                advance.advance(
                        new AdvanceRecruitCommand(r.id(), RecruitingStage.CONTRACTED, StageChange.Cause.CONTRACT));
                contracted++;
            }
        }
        driver.runDueWork();
        out.printf("   %d showed up and signed → Contracted%n", contracted);

        printWeek(contacted, bookers, silent, lateReplier, noShow);
    }

    /** Monday to Friday of next week: the presentations (10:00 New York on), the rebooking, the week's end. */
    static final Instant PRESENTATIONS = LocalDateTime.parse("2026-02-17T10:00")
            .atZone(ZoneId.of("America/New_York"))
            .toInstant();

    static final Instant DAY_TWO_REPLY = LocalDateTime.parse("2026-02-14T11:00")
            .atZone(ZoneId.of("America/New_York"))
            .toInstant();
    static final Instant REBOOKED_AT = LocalDateTime.parse("2026-02-17T13:00")
            .atZone(ZoneId.of("America/New_York"))
            .toInstant();
    static final Instant REBOOKED_SLOT = LocalDateTime.parse("2026-02-19T15:30")
            .atZone(ZoneId.of("America/New_York"))
            .toInstant();
    static final Instant WEEK_ENDS = LocalDateTime.parse("2026-02-20T21:00")
            .atZone(ZoneId.of("America/New_York"))
            .toInstant();
    static final Duration MARKED_AFTER_END = Duration.ofMinutes(15);
    static final int PRESENTATIONS_BOOKED = 4;
    /** The late replier's words: interest, not an opt-out. */
    static final String LATE_REPLY = "Sorry, just saw this. Yes, tell me more!";
    /** Moments due within this of each other are run together: a week in a few dozen steps. */
    private static final Duration TICK = Duration.ofMinutes(1);

    /**
     * The simulated week: time moves from one moment that matters to the next — a step due, a deferred text's
     * window opening, a scripted action of a recruit — and the work due then is done, until the week ends.
     */
    private int weekMoments;

    private Duration weekTook = Duration.ZERO;

    private void runWeek(List<Recruit> recruits) {
        long started = System.nanoTime();
        try {
            weekMoments = runMoments(recruits);
        } finally {
            weekTook = Duration.ofNanos(System.nanoTime() - started);
        }
    }

    /** Runs the week's moments; returns how many. */
    private int runMoments(List<Recruit> recruits) {
        int ticks = 0;
        while (true) {
            driver.runDueWork();
            for (int i = 0; i < 20 && dueButNotRun(recruits); i++) {
                driver.runDueWork(); // a step's job was not picked up yet
            }
            Instant now = clock.now();
            Optional<Instant> next = java.util.stream.Stream.concat(
                            recruits.stream().map(r -> nextDue(r, now)).flatMap(Optional::stream),
                            driver.nextScripted().stream())
                    .filter(t -> t.isAfter(now))
                    .min(java.util.Comparator.naturalOrder());
            if (next.isEmpty() || next.get().isAfter(WEEK_ENDS) || ticks > 500) {
                driver.advanceTo(WEEK_ENDS);
                driver.runDueWork();
                return ticks + 1;
            }
            driver.advanceTo(next.get().plus(TICK));
            ticks++;
        }
    }

    /** Whether a step is due and still planned with no message yet: its job has not run. */
    private boolean dueButNotRun(List<Recruit> recruits) {
        Instant now = clock.now();
        return recruits.stream()
                .flatMap(r -> nurture.stepsOf(r.id()).stream())
                .anyMatch(step -> step.status() == io.recruitflow.domain.nurture.StepStatus.PLANNED
                        && !step.dueAt().isAfter(now)
                        && (!step.action().equals(NurtureStep.SEND)
                                || messages.find(new MessageKey(step.key())).isEmpty()));
    }

    /** When the recruit's next step is due, or the text a step waits on may go. */
    private Optional<Instant> nextDue(Recruit r, Instant now) {
        return nurture.stepsOf(r.id()).stream()
                .filter(step -> step.status().open())
                .map(step -> step.dueAt().isAfter(now)
                        ? Optional.of(step.dueAt())
                        : messages.find(new MessageKey(step.key())).flatMap(MessageRecord::notBefore))
                .flatMap(Optional::stream)
                .min(java.util.Comparator.naturalOrder());
    }

    private List<MessageRecord> sentOfKind(Recruit r, String kind) {
        return r.contactId().map(messages::ofContact).orElse(List.of()).stream()
                .filter(m -> m.key().value().startsWith(NurtureStep.KEY_PREFIX + kind + "/"))
                .filter(m -> m.state() == SendState.SENT)
                .sorted(java.util.Comparator.comparing(MessageRecord::updatedAt))
                .toList();
    }

    private Optional<Appointment> rebookedPresentation(Recruit r) {
        List<Appointment> all = appointments.forContact(r.contactId().orElseThrow());
        return all.size() < 2 ? Optional.empty() : all.stream().max(java.util.Comparator.comparing(Appointment::start));
    }

    private boolean showedUp(Recruit r) {
        return r.contactId().map(appointments::forContact).orElse(List.of()).stream()
                .anyMatch(a -> a.status() == AppointmentStatus.SHOWED);
    }

    /** What the week came to: the cadence of the silent, the late replier, the reminders, and three timelines. */
    private void printWeek(
            List<Recruit> contacted,
            List<Recruit> bookers,
            List<Recruit> silent,
            Optional<Recruit> lateReplier,
            Recruit noShow) {
        out.printf(
                "%n   The week, %s to %s (%d moments of simulated time, %.1f s):%n",
                LOCAL.format(InMemoryDemo.NEXT_MORNING.atZone(ZoneId.of("America/New_York"))),
                LOCAL.format(WEEK_ENDS.atZone(ZoneId.of("America/New_York"))),
                weekMoments,
                weekTook.toMillis() / 1000.0);
        long followUps = 0;
        long deferredByRules = 0;
        for (Recruit r : silent) {
            List<MessageRecord> sent = sentOfKind(r, "cadence");
            followUps += sent.size();
            deferredByRules += nurture.stepsOf(r.id()).stream()
                    .filter(step -> step.kind().equals("cadence"))
                    .filter(step -> decisions(r, step.key()).stream()
                            .anyMatch(d -> d.verdict().outcome() == ComplianceVerdict.Outcome.DEFER))
                    .count();
        }
        out.printf(
                "   %d silent recruit%s got Recruitflow's follow-up cadence (+4 h, +1 d, +3 d, +7 d): %d texts, every one"
                        + " within the recipient's state rules (%d deferred to an allowed window, each with its rule)%n",
                silent.size(), silent.size() == 1 ? "" : "s", followUps, deferredByRules);
        lateReplier.ifPresent(r -> {
            long before = sentAfterIntro(r, Optional.empty(), Optional.of(DAY_TWO_REPLY));
            long after = sentAfterIntro(r, Optional.of(DAY_TWO_REPLY), Optional.empty());
            out.printf(
                    "   %s replied on day 2 (%s, \"%s\"): %d follow-up%s before, %d after — the cadence stopped%n",
                    r.name().full(),
                    LOCAL.format(DAY_TWO_REPLY.atZone(ZoneId.of("America/New_York"))),
                    LATE_REPLY,
                    before,
                    before == 1 ? "" : "s",
                    after);
        });
        long presentationsHeld = bookers.stream()
                .mapToLong(r ->
                        appointments.forContact(r.contactId().orElseThrow()).size())
                .sum();
        long withReminder = bookers.stream()
                .flatMap(r -> appointments.forContact(r.contactId().orElseThrow()).stream()
                        .filter(a -> sentOfKind(r, PresentationFollowThrough.REMINDER).stream()
                                .anyMatch(m -> m.key().value().contains("/" + a.id().value() + "/")
                                        && m.updatedAt().isBefore(a.start()))))
                .count();
        long reminders = bookers.stream()
                .mapToLong(
                        r -> sentOfKind(r, PresentationFollowThrough.REMINDER).size())
                .sum();
        out.printf(
                "   %d of %d presentations had a reminder before they began (%d reminders, 24 h and 1 h ahead)%n",
                withReminder, presentationsHeld, reminders);
        List<StallAlert> stalled = stalls.now(Optional.empty());
        out.printf(
                "   %d recruit%s stalled (idle in a stage past its limit, e.g. Interested 3 days): on the dashboard and"
                        + " announced once%n",
                stalled.size(), stalled.size() == 1 ? "" : "s");

        out.printf("%n   Timelines (./recruitflow recruit ID, GET /api/recruits/{id}):%n");
        silent.stream().findFirst().ifPresent(r -> timeline("a silent recruit", r));
        lateReplier.ifPresent(r -> timeline("replied on day 2", r));
        timeline("missed, rebooked, showed", noShow);
    }

    /** Our texts to the recruit accepted by GHL between two instants, the intro aside. */
    private long sentAfterIntro(Recruit r, Optional<Instant> from, Optional<Instant> until) {
        return r.contactId().map(messages::ofContact).orElse(List.of()).stream()
                .filter(m -> m.key().value().startsWith(NurtureStep.KEY_PREFIX))
                .filter(m -> m.state() == SendState.SENT)
                .filter(m -> from.map(t -> m.updatedAt().isAfter(t)).orElse(true))
                .filter(m -> until.map(t -> m.updatedAt().isBefore(t)).orElse(true))
                .count();
    }

    private List<io.recruitflow.domain.message.ComplianceEntry> decisions(Recruit r, String key) {
        return view.view(r.id()).map(RecruitView::decisions).orElse(List.of()).stream()
                .filter(d -> d.message().value().equals(key))
                .toList();
    }

    private void timeline(String what, Recruit r) {
        ZoneId zone = recipients.displayZoneOf(r);
        out.printf("   %s (%s, %s):%n", r.name().full(), r.license().state().code(), what);
        for (NurtureStep step : nurture.stepsOf(r.id()).stream()
                .sorted(java.util.Comparator.comparing(NurtureStep::dueAt).thenComparing(NurtureStep::key))
                .toList()) {
            String status = step.status().name().toLowerCase(java.util.Locale.ROOT);
            Instant when = messages.find(new MessageKey(step.key()))
                    .filter(m -> m.state() == SendState.SENT)
                    .map(m -> m.updatedAt())
                    .orElse(step.dueAt());
            out.printf(
                    "     %-16s %-9s %-9s %s%s%n",
                    LOCAL.format(when.atZone(zone)),
                    step.kind() + " " + step.index(),
                    status,
                    step.action().equals(NurtureStep.SEND) ? "text" : step.action(),
                    step.reason()
                            .filter(why -> !why.equals("sent"))
                            .map(why -> " — " + why)
                            .orElse(""));
        }
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

    private static Recruit recruitIn(List<Recruit> recruits, Appointment a) {
        return recruits.stream()
                .filter(r -> r.contactId().orElseThrow().equals(a.contact()))
                .findFirst()
                .orElseThrow();
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
