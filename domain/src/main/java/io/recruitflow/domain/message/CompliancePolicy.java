package io.recruitflow.domain.message;

import io.recruitflow.domain.shared.UsState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a message to a recruit may be sent now, later or never.
 * <ul>
 *   <li>Texts only in the recipient's local daytime: 08:00–21:00 (federal TCPA), 08:00–20:00 in
 *       Florida, Oklahoma and Maryland (their mini-TCPA laws), which also allow at most 3 texts per 24 h.
 *       When a number maps to several zones, the window must hold in all of them.</li>
 *   <li>Do-not-disturb or an opt-out blocks every text; do-not-disturb blocks email too.</li>
 *   <li>Email has no quiet hours.</li>
 * </ul>
 * Quiet hours can be switched off for sandbox runs ({@link #withoutQuietHours()}); consent rules cannot.
 */
public final class CompliancePolicy {
    private static final Set<UsState> STRICT_STATES = Set.of(UsState.FL, UsState.OK, UsState.MD);
    private static final Window FEDERAL = new Window(LocalTime.of(8, 0), LocalTime.of(21, 0));
    private static final Window STRICT = new Window(LocalTime.of(8, 0), LocalTime.of(20, 0));
    private static final int STRICT_MAX_PER_DAY = 3;
    private static final Duration DAY = Duration.ofHours(24);

    private final boolean quietHours;

    private CompliancePolicy(boolean quietHours) {
        this.quietHours = quietHours;
    }

    public static CompliancePolicy enforcing() {
        return new CompliancePolicy(true);
    }

    public static CompliancePolicy withoutQuietHours() {
        return new CompliancePolicy(false);
    }

    public boolean enforcesQuietHours() {
        return quietHours;
    }

    /**
     * @param recentTexts instants of texts already sent to this recipient (any age; only the last 24 h count)
     */
    public ComplianceDecision decide(Recipient to, Channel channel, Instant now, Collection<Instant> recentTexts) {
        if (to.dnd()) {
            return new ComplianceDecision.Refuse("do-not-disturb is on");
        }
        if (channel == Channel.EMAIL) {
            return new ComplianceDecision.SendNow();
        }
        if (to.optedOut()) {
            return new ComplianceDecision.Refuse("the recruit opted out of texts");
        }
        if (!quietHours) {
            return new ComplianceDecision.SendNow();
        }
        boolean strict = to.state().map(STRICT_STATES::contains).orElse(false);
        Window window = strict ? STRICT : FEDERAL;

        Instant candidate = now;
        String reason = null;
        if (strict) {
            List<Instant> lastDay = recentTexts.stream()
                    .filter(t -> t.isAfter(now.minus(DAY)) && !t.isAfter(now))
                    .sorted()
                    .toList();
            if (lastDay.size() >= STRICT_MAX_PER_DAY) {
                candidate = lastDay.get(lastDay.size() - STRICT_MAX_PER_DAY).plus(DAY);
                reason = to.state().orElseThrow() + " allows at most " + STRICT_MAX_PER_DAY + " texts per 24 h";
            }
        }
        Instant allowed = window.firstAllowed(candidate, to.zones());
        if (allowed == null) {
            return new ComplianceDecision.Refuse(
                    "the recipient's time zones " + to.zones() + " share no allowed hours");
        }
        if (allowed.equals(now)) {
            return new ComplianceDecision.SendNow();
        }
        if (reason == null || !allowed.equals(candidate)) {
            reason = (reason == null ? "" : reason + "; ") + "quiet hours: texts only " + window + " recipient time"
                    + (strict ? " in " + to.state().orElseThrow() : "");
        }
        return new ComplianceDecision.DeferUntil(allowed, reason);
    }

    /** Local hours during which texts are allowed: {@code [start, end)}. */
    record Window(LocalTime start, LocalTime end) {
        /** The first instant at or after {@code from} that is inside the window in every zone, or null. */
        Instant firstAllowed(Instant from, Set<ZoneId> zones) {
            Instant t = from;
            // Each pass moves t forward to satisfy one more zone; zones more than a window apart never converge.
            for (int pass = 0; pass < 8; pass++) {
                boolean allInside = true;
                for (ZoneId zone : zones) {
                    ZonedDateTime local = t.atZone(zone);
                    LocalTime time = local.toLocalTime();
                    if (time.isBefore(start)) {
                        t = ZonedDateTime.of(local.toLocalDate(), start, zone).toInstant();
                        allInside = false;
                    } else if (!time.isBefore(end)) {
                        t = ZonedDateTime.of(local.toLocalDate().plusDays(1), start, zone)
                                .toInstant();
                        allInside = false;
                    }
                }
                if (allInside) {
                    return t;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return start + "–" + end;
        }
    }
}
