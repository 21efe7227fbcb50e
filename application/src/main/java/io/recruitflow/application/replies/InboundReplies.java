package io.recruitflow.application.replies;

import io.recruitflow.application.advancerecruit.AdvanceRecruitUseCase;
import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.application.setup.RecruitUpdater;
import io.recruitflow.domain.message.RecruitReplies;
import io.recruitflow.domain.message.RecruitReply;
import io.recruitflow.domain.message.ReplyClassifier;
import io.recruitflow.domain.message.ReplyMeaning;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a recruit's reply means for their consent, and the person's decision on a reply that is not clear.
 *
 * <ul>
 *   <li>A clear revocation ({@link ReplyMeaning.OptOut#YES}) withdraws consent, loses the opportunity and, when
 *       it is a new opt-out, schedules the one confirmation text (before consent is written, so a crash in
 *       between cannot lose it; the reply's id keys it, so nothing sends two).
 *   <li>A reply that might be one ({@link ReplyMeaning.OptOut#REVIEW}) is recorded with its text and holds every
 *       text to the recruit until a person decides ({@link #resolve}).
 *   <li>START or UNSTOP lifts Recruitflow's own opt-out — which always comes from a reply — when it is newer than
 *       it; GHL's do-not-disturb (an operator's, the carrier's or GHL's own) is never cleared by a reply.
 *   <li>HELP is answered with the help text, once per HELP message.
 * </ul>
 *
 * Outcomes are described without the reply's text or the classifier's reason (which may quote it): they are
 * logged and stored with the event.
 */
@Singleton
public class InboundReplies implements ReviewRepliesUseCase {
    private final Recruits recruits;
    private final RecruitReplies replies;
    private final AdvanceRecruitUseCase advance;
    private final JobQueue jobs;
    private final ReplySettings settings;
    private final Clock clock;

    @Inject
    public InboundReplies(
            Recruits recruits,
            RecruitReplies replies,
            AdvanceRecruitUseCase advance,
            JobQueue jobs,
            ReplySettings settings,
            Clock clock) {
        this.recruits = recruits;
        this.replies = replies;
        this.advance = advance;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Applies the reply {@code eventId} of the recruit, written at {@code at}; returns what it did, or empty for an
     * ordinary reply (which the caller treats as interest).
     */
    public Optional<String> received(Recruit recruit, String eventId, Instant at, String body) {
        ReplyMeaning meaning = ReplyClassifier.classify(body);
        if (meaning.optOut() == ReplyMeaning.OptOut.YES) {
            RecruitReply reply =
                    replies.record(reply(recruit, eventId, RecruitReply.Kind.OPT_OUT, meaning, Optional.empty(), at));
            return Optional.of(optOut(recruit, reply, "the recruit's own later opt-out"));
        }
        if (meaning.optOut() == ReplyMeaning.OptOut.REVIEW) {
            if (recruit.consent().optedOut()) {
                return Optional.of("a reply that may be a revocation, from a recruit opted out already");
            }
            replies.record(reply(recruit, eventId, RecruitReply.Kind.REVIEW, meaning, Optional.of(body), at));
            return Optional.of("held for review: no text goes to the recruit until a person decides");
        }
        if (meaning.intent() == ReplyMeaning.Intent.OPT_IN) {
            return Optional.of(optIn(recruit, eventId, meaning, at));
        }
        if (meaning.intent() == ReplyMeaning.Intent.HELP) {
            RecruitReply reply =
                    replies.record(reply(recruit, eventId, RecruitReply.Kind.HELP, meaning, Optional.empty(), at));
            if (reply.answer().isEmpty()) {
                schedule(reply);
            }
            return Optional.of("HELP: the help text is answered");
        }
        return Optional.empty();
    }

    @Override
    public List<RecruitReply> open(int limit) {
        return replies.open(limit);
    }

    @Override
    public Optional<RecruitReply> find(String id) {
        return replies.find(id);
    }

    @Override
    public Resolution resolve(String id, boolean optOut, String decidedBy) {
        Optional<RecruitReply> found = replies.find(id);
        if (found.isEmpty() || found.get().kind() != RecruitReply.Kind.REVIEW) {
            return new Resolution.NotFound();
        }
        RecruitReply reply = found.get();
        if (!reply.open()) {
            return new Resolution.AlreadyDecided(reply);
        }
        RecruitReply.Decision decision = new RecruitReply.Decision(optOut, decidedBy, clock.now());
        if (optOut) {
            // Consent first: a crash before the decision is stored leaves the review open, and deciding again is
            // harmless; the other order could leave a decided opt-out with consent never withdrawn.
            recruits.find(reply.recruit()).ifPresent(r -> optOut(r, reply, "another decision of the same recruit"));
        }
        if (!replies.decide(id, decision)) {
            return new Resolution.AlreadyDecided(replies.find(id).orElse(reply));
        }
        return new Resolution.Decided(reply.decided(decision));
    }

    /** Withdraws consent for {@code reply}; a new opt-out gets its confirmation. */
    private String optOut(Recruit recruit, RecruitReply reply, String othersDecidedBy) {
        boolean fresh = !recruit.consent().optedOut();
        String confirmation;
        if (!fresh) {
            confirmation = "no confirmation: the recruit had opted out already";
        } else if (!settings.confirmOptOut()) {
            replies.answered(reply.id(), "off: opt-out confirmations are switched off");
            confirmation = "no confirmation: switched off";
        } else if (recruit.phone().isEmpty() || recruit.contactId().isEmpty()) {
            replies.answered(reply.id(), "skipped: the recruit has no phone to text");
            confirmation = "no confirmation: no phone";
        } else {
            // Scheduled before consent is written: after a crash in between, the opt-out is applied again but no
            // longer looks new, so this is the only place the confirmation can come from.
            schedule(reply);
            confirmation = "confirmation scheduled";
        }
        Instant now = clock.now();
        for (RecruitReply open : replies.openFor(recruit.id())) {
            if (!open.id().equals(reply.id())) {
                replies.decide(open.id(), new RecruitReply.Decision(true, othersDecidedBy, now));
            }
        }
        RecruitUpdater.update(
                recruits, recruit.id(), x -> x.withConsent(x.consent().optOut(reply.receivedAt())));
        advance.markOptedOut(recruit.id());
        return "recruit opted out; " + confirmation;
    }

    private String optIn(Recruit recruit, String eventId, ReplyMeaning meaning, Instant at) {
        if (recruit.consent().optedOutAt().filter(at::isAfter).isEmpty()) {
            return recruit.consent().optedOut()
                    ? "START older than the opt-out: consent unchanged"
                    : "START from a recruit who had not opted out: consent unchanged";
        }
        // Recorded first, with its reason: a crash after the consent change would otherwise lose why it changed.
        replies.record(reply(recruit, eventId, RecruitReply.Kind.OPT_IN, meaning, Optional.empty(), at));
        Instant now = clock.now();
        for (RecruitReply open : replies.openFor(recruit.id())) {
            replies.decide(open.id(), new RecruitReply.Decision(false, "the recruit's own later START", now));
        }
        RecruitUpdater.update(recruits, recruit.id(), x -> x.optedIn(at));
        return recruit.consent().dnd()
                ? "consent granted again (START); do-not-disturb in GHL is still on"
                : "consent granted again (START)";
    }

    private void schedule(RecruitReply reply) {
        // The confirmation has five minutes: it goes before any other work.
        jobs.schedule(new Job(
                new JobPayload.AnswerReply(reply.id(), reply.recruit()), clock.now(), JobPriority.SPEED_TO_LEAD));
    }

    private static RecruitReply reply(
            Recruit recruit,
            String eventId,
            RecruitReply.Kind kind,
            ReplyMeaning meaning,
            Optional<String> body,
            Instant at) {
        return RecruitReply.received(
                eventId,
                recruit.id(),
                recruit.location(),
                recruit.contactId()
                        .orElseThrow(() -> new IllegalStateException("a reply from a recruit without contact")),
                kind,
                meaning.why(),
                body,
                at);
    }
}
