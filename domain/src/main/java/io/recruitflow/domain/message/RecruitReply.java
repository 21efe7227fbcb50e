package io.recruitflow.domain.message;

import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An inbound reply that changed, or may change, the recruit's consent, kept as the record of why: an opt-out,
 * a reply a person must review (it holds every text to the recruit until decided), a START that granted consent
 * again, or a HELP that asked for the help text.
 *
 * <p>The reply's text is personal data: it is kept only for a reply under review, where a person needs it to
 * decide, and shown only to the admin; it is never logged. {@code why} is the classifier's reason and may quote
 * the reply, so it is treated the same way.
 *
 * @param id the inbound message event's id: one record per reply, and the idempotency key of its answer
 * @param answer what became of the text sent in answer (the opt-out confirmation, the help text): {@code sent},
 *     {@code skipped: <why>}, {@code off}; empty while pending or when none is due
 */
public record RecruitReply(
        String id,
        RecruitId recruit,
        LocationId location,
        ContactId contact,
        Kind kind,
        String why,
        Optional<String> body,
        Instant receivedAt,
        Optional<Decision> decision,
        Optional<String> answer) {

    public enum Kind {
        /** A clear revocation: consent withdrawn. */
        OPT_OUT,
        /** Might be a revocation: every text to the recruit waits until a person decides. */
        REVIEW,
        /** START, UNSTOP: consent granted again (CTIA). */
        OPT_IN,
        /** HELP: answered with the help text. */
        HELP
    }

    /**
     * A decision on a reply under review.
     *
     * @param optOut whether it was a revocation (consent withdrawn) or not (the hold released)
     * @param decidedBy who decided: the admin API's caller, or the recruit's own later reply
     */
    public record Decision(boolean optOut, String decidedBy, Instant decidedAt) {
        public Decision {
            if (decidedBy == null || decidedBy.isBlank()) {
                throw new IllegalArgumentException("decidedBy is blank");
            }
            Objects.requireNonNull(decidedAt, "decidedAt");
        }
    }

    public RecruitReply {
        if (id == null || id.isBlank() || id.length() > 200) {
            throw new IllegalArgumentException("reply id must be 1..200 characters");
        }
        Objects.requireNonNull(recruit, "recruit");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(answer, "answer");
        // Data minimisation: the text is needed only by the person who reviews it.
        body = kind == Kind.REVIEW ? Objects.requireNonNull(body, "body") : Optional.empty();
        if (kind != Kind.REVIEW && decision.isPresent()) {
            throw new IllegalArgumentException("only a reply under review is decided");
        }
    }

    /** A new reply, undecided and unanswered. */
    public static RecruitReply received(
            String id,
            RecruitId recruit,
            LocationId location,
            ContactId contact,
            Kind kind,
            String why,
            Optional<String> body,
            Instant receivedAt) {
        return new RecruitReply(
                id, recruit, location, contact, kind, why, body, receivedAt, Optional.empty(), Optional.empty());
    }

    /** Whether it holds the recruit's texts: under review and not decided. */
    public boolean open() {
        return kind == Kind.REVIEW && decision.isEmpty();
    }

    public RecruitReply decided(Decision d) {
        return new RecruitReply(id, recruit, location, contact, kind, why, body, receivedAt, Optional.of(d), answer);
    }

    public RecruitReply answered(String what) {
        return new RecruitReply(
                id, recruit, location, contact, kind, why, body, receivedAt, decision, Optional.of(what));
    }
}
