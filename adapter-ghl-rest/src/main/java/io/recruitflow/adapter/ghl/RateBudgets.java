package io.recruitflow.adapter.ghl;

import io.recruitflow.application.port.CallBudget;
import io.recruitflow.application.port.CallBudgets;
import io.recruitflow.domain.shared.LocationId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.Headers;

/**
 * Reads GHL's rate-limit headers after every answer: the real family ({@code X-RateLimit-Max},
 * {@code -Remaining}, {@code -Interval-Milliseconds}, {@code -Limit-Daily}, {@code -Daily-Remaining}) and the
 * reference's ({@code X-Rate-Limit-Limit}, {@code -Remaining}, {@code -Reset}). Keeps the last budget per
 * owner for the application ({@link CallBudgets}: by location, no call made to answer), tells the {@link
 * PermitSource} when GHL declares a stricter limit, and works out how long a 429 asks us to wait. With a
 * static token there is one budget, and every location answers with it.
 */
final class RateBudgets implements CallBudgets {
    private final GhlClientConfig config;
    private final PermitSource permits;
    private final Function<LocationId, TokenOwner> ownerOf;
    private final ConcurrentMap<TokenOwner, CallBudget> budgets = new ConcurrentHashMap<>();
    private final ConcurrentMap<TokenOwner, Long> declared = new ConcurrentHashMap<>();
    private final ConcurrentMap<TokenOwner, Instant> dailyResets = new ConcurrentHashMap<>();
    private final ConcurrentMap<TokenOwner, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    /** @param ownerOf whose budget a location's calls spend (its own with OAuth, the static token's otherwise) */
    RateBudgets(GhlClientConfig config, PermitSource permits, Function<LocationId, TokenOwner> ownerOf) {
        this.config = config;
        this.permits = permits;
        this.ownerOf = ownerOf;
    }

    Optional<CallBudget> budget(TokenOwner owner) {
        return Optional.ofNullable(budgets.get(owner));
    }

    /** When the owner's daily quota resets, as GHL's {@code X-RateLimit-Daily-Reset} last said. */
    Optional<Instant> dailyResetAt(TokenOwner owner) {
        return Optional.ofNullable(dailyResets.get(owner));
    }

    @Override
    public Optional<CallBudget> of(LocationId location) {
        return budget(ownerOf.apply(location));
    }

    /**
     * The default permit source's spacing of the configured limit ({@link FailsafePermitSource#HEADROOM}: 104 ms for
     * 100 per 10 s), for every location: the client never calls faster, whatever GHL declares (it adapts down only).
     * With a static token every location shares one budget, so this is faster than each location can go; pacing at
     * it only paces less.
     */
    @Override
    public Optional<Duration> callSpacing(LocationId location) {
        return Optional.of(FailsafePermitSource.spacing(config.rateLimit()));
    }

    @Override
    public Map<LocationId, CallBudget> known() {
        return budgets.entrySet().stream()
                .filter(e -> e.getKey().type() == TokenOwner.Type.LOCATION
                        && !e.getKey().equals(StaticCredentials.UNNAMED))
                .collect(Collectors.toUnmodifiableMap(
                        e -> new LocationId(e.getKey().id()), Map.Entry::getValue));
    }

    /**
     * Counts a call of the owner as in flight, unless GHL's last answer said the daily quota is spent once the
     * calls already in flight are counted: then the call is not to be sent, and the answer is when the quota
     * comes back. Every empty answer is followed by {@link #endDaily}.
     */
    Optional<Instant> startDaily(TokenOwner owner, Instant now) {
        AtomicInteger flying = inFlight.computeIfAbsent(owner, o -> new AtomicInteger());
        while (true) {
            int n = flying.get();
            CallBudget b = budgets.get(owner);
            if (b != null && b.dailyCurrentAt(now) && b.dailyRemaining() - n <= 0) {
                return b.dailyReset();
            }
            if (flying.compareAndSet(n, n + 1)) {
                return Optional.empty();
            }
        }
    }

    /** The call {@link #startDaily} let go has been answered (or failed). */
    void endDaily(TokenOwner owner) {
        AtomicInteger flying = inFlight.get(owner);
        if (flying != null) {
            flying.decrementAndGet();
        }
    }

    void record(TokenOwner owner, Headers h) {
        record(owner, h, Instant.now());
    }

    void record(TokenOwner owner, Headers h, Instant now) {
        Optional<Instant> declaredReset = dailyReset(h, now);
        declaredReset.ifPresent(at -> dailyResets.put(owner, at));
        Long max = number(h, "X-RateLimit-Max");
        Long remaining = number(h, "X-RateLimit-Remaining");
        Long intervalMs = number(h, "X-RateLimit-Interval-Milliseconds");
        Long dailyMax = number(h, "X-RateLimit-Limit-Daily");
        Long dailyRemaining = number(h, "X-RateLimit-Daily-Remaining");
        if (max == null && remaining == null) { // the reference's family
            max = number(h, "X-Rate-Limit-Limit");
            remaining = number(h, "X-Rate-Limit-Remaining");
        }
        if (max == null && remaining == null && dailyMax == null && dailyRemaining == null) {
            return;
        }
        CallBudget previous = budgets.get(owner);
        Instant reset = declaredReset
                .or(() -> Optional.ofNullable(dailyResets.get(owner)).filter(now::isBefore))
                .orElseGet(() -> nextUtcMidnight(now));
        Duration interval = intervalMs != null
                ? Duration.ofMillis(intervalMs)
                : config.rateLimit().period();
        int burstMax = max != null ? max.intValue() : config.rateLimit().permits();
        CallBudget budget = new CallBudget(
                burstMax,
                remaining != null ? remaining.intValue() : burstMax,
                interval,
                dailyMax != null ? dailyMax : previous != null ? previous.dailyMax() : config.dailyLimit(),
                dailyRemaining != null
                        ? dailyRemaining
                        : previous != null ? previous.dailyRemaining() : config.dailyLimit(),
                reset);
        budgets.put(owner, budget);
        if (max != null && max > 0) {
            long key = max * 1_000_000_000L + interval.toMillis();
            Long before = declared.put(owner, key);
            if (before == null || before != key) {
                permits.serverDeclared(owner, max.intValue(), interval);
            }
        }
    }

    /**
     * When the daily quota resets: GHL's {@code X-RateLimit-Daily-Reset} beside {@code -Daily-Remaining}
     * (not in GHL's guide; seen on real answers), as epoch milliseconds, epoch seconds, seconds from now, or
     * an ISO instant.
     */
    static Optional<Instant> dailyReset(Headers h, Instant now) {
        String raw = h.get("X-RateLimit-Daily-Reset");
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        Long n = parse(raw);
        if (n == null) {
            try {
                return Optional.of(Instant.parse(raw.strip()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        if (n > 100_000_000_000L) {
            return Optional.of(Instant.ofEpochMilli(n));
        }
        if (n > 1_000_000_000L) {
            return Optional.of(Instant.ofEpochSecond(n));
        }
        return Optional.of(now.plusSeconds(Math.max(0, n)));
    }

    private static Instant nextUtcMidnight(Instant now) {
        return now.atZone(ZoneOffset.UTC)
                .toLocalDate()
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    /** Whether a 429's headers say the daily quota is spent (waiting seconds will not help). */
    static boolean dailyQuotaExhausted(Headers h) {
        Long daily = number(h, "X-RateLimit-Daily-Remaining");
        return daily != null && daily <= 0;
    }

    /**
     * How long a 429 asks us to wait: {@code Retry-After} (seconds or an HTTP date), else the reference's
     * {@code X-Rate-Limit-Reset} (epoch seconds, or seconds from now when small), else, when the burst
     * window is spent, GHL's {@code X-RateLimit-Interval-Milliseconds}. Empty when the headers say nothing.
     */
    static Optional<Duration> retryDelay(Headers h, Instant now) {
        String retryAfter = h.get("Retry-After");
        if (retryAfter != null) {
            Long seconds = parse(retryAfter);
            if (seconds != null) {
                return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
            }
            try {
                Instant at = ZonedDateTime.parse(retryAfter.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return Optional.of(positive(Duration.between(now, at)));
            } catch (RuntimeException ignored) {
                // fall through to the other headers
            }
        }
        Long reset = number(h, "X-Rate-Limit-Reset");
        if (reset != null) {
            if (reset > 1_000_000_000L) {
                return Optional.of(positive(Duration.between(now, Instant.ofEpochSecond(reset))));
            }
            return Optional.of(Duration.ofSeconds(Math.max(0, reset)));
        }
        Long remaining = number(h, "X-RateLimit-Remaining");
        Long intervalMs = number(h, "X-RateLimit-Interval-Milliseconds");
        if (remaining != null && remaining <= 0 && intervalMs != null) {
            return Optional.of(Duration.ofMillis(intervalMs));
        }
        return Optional.empty();
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Long number(Headers h, String name) {
        String v = h.get(name);
        return v == null ? null : parse(v);
    }

    private static Long parse(String v) {
        try {
            return (long) Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
