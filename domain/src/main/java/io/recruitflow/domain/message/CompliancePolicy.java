package io.recruitflow.domain.message;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a message to a recruit may be sent now, later or never: consent first, then the
 * {@link SolicitationEngine} over the table of federal and state rules ({@link SolicitationRules}).
 * <ul>
 *   <li>Do-not-disturb or an opt-out blocks every text; do-not-disturb blocks email too.</li>
 *   <li>Email has no quiet hours.</li>
 *   <li>A text goes only when no rule of any jurisdiction forbids it in any of the recipient's zones, and
 *       not closer than the configured margin to the end of a window.</li>
 * </ul>
 * Quiet hours can be switched off for sandbox runs ({@link #withoutQuietHours()}); consent rules cannot.
 *
 * <p>This facade keeps the older {@link Recipient} (zones and one state already resolved by the caller);
 * {@link #explain} takes the full {@link Whereabouts} and answers with the reasons.
 */
public final class CompliancePolicy {
    private final boolean quietHours;
    private final SolicitationEngine engine;

    private CompliancePolicy(boolean quietHours, SolicitationEngine engine) {
        this.quietHours = quietHours;
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** The full table with default settings and no declared emergencies. */
    public static CompliancePolicy enforcing() {
        return new CompliancePolicy(true, SolicitationEngine.standard());
    }

    /** Enforcing with this engine (its settings, its declared emergencies). */
    public static CompliancePolicy enforcing(SolicitationEngine engine) {
        return new CompliancePolicy(true, engine);
    }

    public static CompliancePolicy withoutQuietHours() {
        return new CompliancePolicy(false, SolicitationEngine.standard());
    }

    /** The same policy honouring these declared emergencies, asked afresh at every decision. */
    public CompliancePolicy withEmergencies(DeclaredEmergencies declared) {
        return new CompliancePolicy(quietHours, engine.withEmergencies(declared));
    }

    public boolean enforcesQuietHours() {
        return quietHours;
    }

    public SolicitationEngine engine() {
        return engine;
    }

    /**
     * @param recentTexts instants of texts already sent to this recipient (any age; only those inside a
     *     frequency cap's period count)
     */
    public ComplianceDecision decide(Recipient to, Channel channel, Instant now, Collection<Instant> recentTexts) {
        Optional<ComplianceDecision> consent = consent(to.dnd(), to.optedOut(), channel);
        if (consent.isPresent()) {
            return consent.get();
        }
        if (channel == Channel.EMAIL || !quietHours) {
            return new ComplianceDecision.SendNow();
        }
        Whereabouts where = Whereabouts.resolved(to.states(), to.zones(), "given by the caller");
        return engine.decide(where, channel, now, recentTexts).toDecision();
    }

    /**
     * The whole decision with its reasons, for the record: consent first (a refusal whose reason is {@code
     * consent.dnd} or {@code consent.opt-out}), then the time rules over every jurisdiction and zone. The same
     * decision as {@link #decide}, explained.
     */
    public ComplianceVerdict verdict(
            Whereabouts where, boolean dnd, boolean optedOut, Channel channel, Instant now, Collection<Instant> sent) {
        Optional<ComplianceDecision> consent = consent(dnd, optedOut, channel);
        if (consent.isPresent()) {
            String rule = dnd ? CONSENT_DND : CONSENT_OPT_OUT;
            return new ComplianceVerdict(
                    ComplianceVerdict.Outcome.REFUSE,
                    Optional.empty(),
                    now,
                    List.of(new ComplianceVerdict.Reason(
                            rule,
                            ((ComplianceDecision.Refuse) consent.get()).reason(),
                            "",
                            dnd ? "the contact's do-not-disturb in GHL" : "the recruit's opt-out reply")),
                    where,
                    List.of(),
                    List.of(),
                    List.of());
        }
        if (channel == Channel.EMAIL || !quietHours) {
            return new ComplianceVerdict(
                    ComplianceVerdict.Outcome.SEND,
                    Optional.empty(),
                    now,
                    List.of(),
                    where,
                    List.of(),
                    List.of(),
                    quietHours ? List.of() : List.of(QUIET_HOURS_OFF));
        }
        return engine.decide(where, channel, now, sent);
    }

    /** The rule id of a refusal for do-not-disturb. */
    public static final String CONSENT_DND = "consent.dnd";
    /** The rule id of a refusal for an opt-out. */
    public static final String CONSENT_OPT_OUT = "consent.opt-out";
    /** Listed as switched off when quiet hours are off (sandbox runs). */
    public static final String QUIET_HOURS_OFF = "quiet-hours (RECRUITFLOW_COMPLIANCE_QUIET_HOURS=off)";

    /** The time rules alone, with every reason: for the record and for people who ask why. */
    public ComplianceVerdict explain(Whereabouts where, Channel channel, Instant now, Collection<Instant> sent) {
        return engine.decide(where, channel, now, sent);
    }

    private static Optional<ComplianceDecision> consent(boolean dnd, boolean optedOut, Channel channel) {
        if (dnd) {
            return Optional.of(new ComplianceDecision.Refuse("do-not-disturb is on"));
        }
        if (channel == Channel.SMS && optedOut) {
            return Optional.of(new ComplianceDecision.Refuse("the recruit opted out of texts"));
        }
        return Optional.empty();
    }
}
