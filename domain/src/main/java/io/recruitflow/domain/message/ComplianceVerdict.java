package io.recruitflow.domain.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A compliance decision with everything that explains it: send now, defer until an instant, or refuse; the
 * rules that decided and the inputs they saw (jurisdictions, zones, the texts counted). A value, to be
 * stored with the text and shown to whoever asks why.
 *
 * @param outcome send, defer or refuse
 * @param notBefore for a deferral, the first instant every rule allows; empty otherwise
 * @param decidedAt the instant the decision is for
 * @param reasons the rules that forbade an earlier instant (a deferral or refusal), in the order they did;
 *     empty when the text may go now
 * @param where the jurisdictions and zones, with why each is there
 * @param textsCounted the texts already sent that count toward a frequency cap (any age within the cap)
 * @param rulesInForce every table row applied, by id
 * @param rulesSwitchedOff rows that would have applied but a compliance officer switched off
 */
public record ComplianceVerdict(
        Outcome outcome,
        Optional<Instant> notBefore,
        Instant decidedAt,
        List<Reason> reasons,
        Whereabouts where,
        List<Instant> textsCounted,
        List<String> rulesInForce,
        List<String> rulesSwitchedOff) {

    public enum Outcome {
        SEND,
        DEFER,
        REFUSE
    }

    /**
     * One rule that forbade an instant.
     *
     * @param rule the table row id ({@code FL.hours}), or {@code declared} for a declared emergency
     * @param text the rule in words
     * @param detail what it saw ("20:30 in America/New_York", "3 texts since ...")
     * @param source its statute or official source
     */
    public record Reason(String rule, String text, String detail, String source) {
        public Reason {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String toString() {
            return detail.isEmpty() ? text : text + " (" + detail + ")";
        }
    }

    public ComplianceVerdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(notBefore, "notBefore");
        if ((outcome == Outcome.DEFER) != notBefore.isPresent()) {
            throw new IllegalArgumentException("exactly a deferral has a notBefore");
        }
        Objects.requireNonNull(decidedAt, "decidedAt");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(where, "where");
        textsCounted = List.copyOf(textsCounted);
        rulesInForce = List.copyOf(rulesInForce);
        rulesSwitchedOff = List.copyOf(rulesSwitchedOff);
    }

    /** The reasons in words, joined: what the older {@link ComplianceDecision} carries. */
    public String reasonText() {
        return reasons.stream().map(Reason::text).distinct().collect(Collectors.joining("; "));
    }

    /** The same decision as the older, unexplained {@link ComplianceDecision}. */
    public ComplianceDecision toDecision() {
        return switch (outcome) {
            case SEND -> new ComplianceDecision.SendNow();
            case DEFER -> new ComplianceDecision.DeferUntil(notBefore.orElseThrow(), reasonText());
            case REFUSE -> new ComplianceDecision.Refuse(reasonText());
        };
    }
}
