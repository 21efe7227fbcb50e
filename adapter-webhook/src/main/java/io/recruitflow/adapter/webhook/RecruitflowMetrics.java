package io.recruitflow.adapter.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.recruitflow.application.outbound.OutboundDispatcher;
import io.recruitflow.application.port.CallBudget;
import io.recruitflow.application.port.OutboxEntry;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.SuspendedLocations;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The process-wide metrics registry, exposed at {@code GET /metrics} in Prometheus text. Every meter
 * registered here is named {@code recruitflow_*} on the wire, whoever registers it: the filter adds the
 * prefix to names that lack it. Besides the webhook meters the receiver registers itself, this class
 * names the meters other adapters report through (bootstrap's {@code MeteringModule} records them by
 * decorating the ports those adapters bind):
 *
 * <ul>
 *   <li>{@code recruitflow_ghl_calls_total{route, status}} — {@link #ghlCall}</li>
 *   <li>{@code recruitflow_ghl_rate_limit_headroom{owner}} — {@link #rateLimitHeadroom}</li>
 *   <li>{@code recruitflow_ghl_daily_remaining{location}} and {@code recruitflow_ghl_followups_deferred} —
 *       {@link #dailyQuota}</li>
 *   <li>{@code recruitflow_intake_steps_total{step, outcome}} — {@link #intakeStep}</li>
 *   <li>{@code recruitflow_locations_suspended{reason}} — {@link #suspendedLocations}</li>
 * </ul>
 *
 * <p>Labels that name a GHL location ({@link #LOCATION_TAGS}: {@code location}, {@code owner}) are dropped
 * unless the registry is made {@link #create(boolean) with location labels}
 * ({@code RECRUITFLOW_METRICS_LOCATION_LABELS=true}): a location id identifies a customer, and {@code /metrics}
 * may be open. Without them the meters of several locations become one: counters add up, and of gauges the
 * first registered is shown (the default location's headroom), except the daily remaining, whose one series is
 * the lowest of all locations.
 */
public final class RecruitflowMetrics {

    static final String PREFIX = "recruitflow.";

    /** The tag keys whose values are GHL location ids; meters of other adapters name a location with these. */
    public static final Set<String> LOCATION_TAGS = Set.of("location", "owner");

    private final PrometheusMeterRegistry registry;
    private final boolean locationLabels;
    private final List<Runnable> beforeScrape = new java.util.concurrent.CopyOnWriteArrayList<>();

    private RecruitflowMetrics(PrometheusMeterRegistry registry, boolean locationLabels) {
        this.registry = registry;
        this.locationLabels = locationLabels;
    }

    /** A fresh registry with the {@code recruitflow_} prefix filter, without location labels. */
    public static RecruitflowMetrics create() {
        return create(false);
    }

    /**
     * A fresh registry with the {@code recruitflow_} prefix filter.
     *
     * @param locationLabels whether labels may carry location ids; false drops every {@link #LOCATION_TAGS} label
     */
    public static RecruitflowMetrics create(boolean locationLabels) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        if (!locationLabels) {
            registry.config().meterFilter(MeterFilter.ignoreTags(LOCATION_TAGS.toArray(String[]::new)));
        }
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().startsWith(PREFIX) ? id : id.withName(PREFIX + id.getName());
            }
        });
        return new RecruitflowMetrics(registry, locationLabels);
    }

    /** The registry, for binding more meters (JVM, pools, other adapters). */
    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        beforeScrape.forEach(Runnable::run);
        return registry.scrape();
    }

    /** Counts one GHL API call by route template (e.g. {@code POST /contacts/upsert}) and HTTP status (0: no answer). */
    public void ghlCall(String route, int status) {
        Counter.builder("ghl.calls")
                .description("GHL API calls by route and HTTP status")
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .increment();
    }

    /**
     * Publishes the remaining fraction of an owner's GHL burst budget (1 = untouched, 0 = exhausted),
     * read from {@code budget} at every scrape; NaN while unknown.
     */
    public void rateLimitHeadroom(String owner, Supplier<Optional<CallBudget>> budget) {
        Objects.requireNonNull(budget, "budget");
        Gauge.builder(
                        "ghl.rate.limit.headroom",
                        budget,
                        b -> b.get().map(CallBudget::headroom).orElse(Double.NaN))
                .description("Remaining fraction of the GHL burst rate limit")
                .tag("owner", owner)
                .strongReference(true)
                .register(registry);
    }

    /**
     * Publishes each location's daily GHL quota, read at every scrape from {@code budgets} (what the GHL client
     * last heard; no call): {@code recruitflow_ghl_daily_remaining} — with location labels one series per
     * location ({@code location} label), without them one series, the lowest remaining of all locations (NaN
     * while none is known) — and {@code recruitflow_ghl_followups_deferred}, how many locations have their
     * follow-ups deferred to the daily reset ({@code deferred}) because their remaining is down to the reserve.
     */
    public void dailyQuota(
            Supplier<Map<LocationId, CallBudget>> budgets, java.util.function.Predicate<CallBudget> deferred) {
        Objects.requireNonNull(budgets, "budgets");
        Objects.requireNonNull(deferred, "deferred");
        Gauge.builder("ghl.followups.deferred", budgets, b -> {
                    try {
                        return b.get().values().stream().filter(deferred).count();
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description("Locations whose follow-up calls wait for the daily GHL quota to reset")
                .strongReference(true)
                .register(registry);
        if (!locationLabels) {
            Gauge.builder("ghl.daily.remaining", budgets, b -> {
                        try {
                            return b.get().values().stream()
                                    .mapToDouble(CallBudget::dailyRemaining)
                                    .min()
                                    .orElse(Double.NaN);
                        } catch (RuntimeException e) {
                            return Double.NaN;
                        }
                    })
                    .description("GHL calls left today: the lowest of all locations (location labels are off)")
                    .strongReference(true)
                    .register(registry);
            return;
        }
        Set<LocationId> published = java.util.concurrent.ConcurrentHashMap.newKeySet();
        beforeScrape.add(() -> {
            for (LocationId location : budgets.get().keySet()) {
                if (published.add(location)) {
                    Gauge.builder(
                                    "ghl.daily.remaining",
                                    budgets,
                                    b -> Optional.ofNullable(b.get().get(location))
                                            .map(c -> (double) c.dailyRemaining())
                                            .orElse(Double.NaN))
                            .description("GHL calls left today, by location")
                            .tag("location", location.value())
                            .strongReference(true)
                            .register(registry);
                }
            }
        });
    }

    /** Counts one intake step ending with an outcome (e.g. {@code done}, {@code retry}, {@code failed}). */
    public void intakeStep(String step, String outcome) {
        Counter.builder("intake.steps")
                .description("Intake saga steps by outcome")
                .tag("step", step)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /**
     * Counts one delivery report GHL sent for a text (OutboundMessage), by outcome: {@code pending}, {@code sent},
     * {@code delivered}, {@code read}, {@code undelivered} or {@code failed}.
     */
    public void textDelivery(String outcome) {
        Counter.builder("text.deliveries")
                .description("Delivery reports GHL sent for texts, by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** The {@code reason} tags of {@code recruitflow_locations_suspended}, each published (0 when none). */
    static final List<String> SUSPENSION_REASONS = List.of("reinstall_required", "app_uninstalled", "other");

    /**
     * Publishes {@code recruitflow_locations_suspended{reason}}: how many locations are suspended, by reason
     * ({@code reinstall_required} when GHL refused the refresh token, {@code app_uninstalled}, {@code other}),
     * read from {@code suspensions} at every scrape; NaN when they cannot be read. No location id is named.
     */
    public void suspendedLocations(Supplier<Map<LocationId, String>> suspensions) {
        Objects.requireNonNull(suspensions, "suspensions");
        for (String reason : SUSPENSION_REASONS) {
            Gauge.builder("locations.suspended", suspensions, s -> {
                        try {
                            return s.get().values().stream()
                                    .filter(r -> suspensionReason(r).equals(reason))
                                    .count();
                        } catch (RuntimeException e) {
                            return Double.NaN;
                        }
                    })
                    .description("Suspended locations by reason; reinstall_required needs the app installed again")
                    .tag("reason", reason)
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** The metric's reason for a suspension's stored reason. */
    static String suspensionReason(String reason) {
        if (SuspendedLocations.REINSTALL_REQUIRED.equals(reason)) {
            return "reinstall_required";
        }
        return reason.startsWith("app uninstalled") ? "app_uninstalled" : "other";
    }

    /**
     * Publishes the outbound events: {@code recruitflow_outbound_events{state}} (entries pending, delivered and dead
     * in the outbox, read at every scrape; NaN when the store cannot be read) and {@code
     * recruitflow_outbound_attempts_total{outcome}} (delivery attempts of this process answered 2xx, {@code
     * delivered}, or not, {@code failed}).
     */
    public void outbound(OutboundDispatcher outbound) {
        Objects.requireNonNull(outbound, "outbound");
        for (OutboxEntry.State state : OutboxEntry.State.values()) {
            Gauge.builder("outbound.events", outbound, o -> {
                        try {
                            return o.outbox().countByState().getOrDefault(state, 0L);
                        } catch (RuntimeException e) {
                            return Double.NaN;
                        }
                    })
                    .description("Outbound event deliveries in the outbox by state")
                    .tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .strongReference(true)
                    .register(registry);
        }
        io.micrometer.core.instrument.FunctionCounter.builder(
                        "outbound.attempts", outbound, OutboundDispatcher::deliveredAttempts)
                .description("Delivery attempts of outbound events by outcome")
                .tag("outcome", "delivered")
                .register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder(
                        "outbound.attempts", outbound, OutboundDispatcher::failedAttempts)
                .description("Delivery attempts of outbound events by outcome")
                .tag("outcome", "failed")
                .register(registry);
    }
}
