package io.recruitflow.adapter.webhook;

import java.util.List;
import java.util.Optional;

/**
 * What {@code dashboard.jte} shows, every figure already formatted: the template only places text, and jte
 * escapes each value for where it stands. A section whose source could not be read is empty.
 */
record DashboardView(
        Optional<String> location,
        String generatedAt,
        List<LocationLink> locations,
        Optional<FunnelView> funnel,
        Optional<BudgetsView> budgets,
        Optional<DeadView> dead,
        Optional<ReviewsView> reviews,
        Optional<StalledView> stalled,
        Optional<List<SuspendedRow>> suspended,
        Optional<List<AlertRow>> alerts) {

    /** One of the owner's alerts: a recruit replied, a recruit is stalled, ... (newest first). */
    record AlertRow(String at, String kind, String recruit, String text) {}

    /** Recruits idle in a stage longer than its limit: how many, and the longest stalled first. */
    record StalledView(int count, List<StalledRow> rows) {}

    record StalledRow(String recruit, String location, String stage, String idleSince, String idleFor, String limit) {}

    /** A suspended location; {@code reinstall} when only installing the app again lifts it. */
    record SuspendedRow(String location, String reason, boolean reinstall) {}

    /** A location to filter by; {@code query} is already URL-encoded. */
    record LocationLink(String id, String query) {}

    /**
     * A horizontal bar: {@code classes} of its fill (its kind, and {@code some} for a non-zero share, which
     * stays visible as a sliver), {@code width} a percentage computed from a number, never outside text.
     */
    record Bar(String classes, String width) {}

    record FunnelView(
            List<Tile> tiles,
            boolean noRecruits,
            List<StageRow> stages,
            List<ConversionRow> conversions,
            List<MessageRow> messages,
            List<MessageRow> deliveries,
            List<NotDeliveredRow> notDelivered) {}

    /** A text GHL could not deliver: our message key, GHL's status and reason, when, and whether it is retried. */
    record NotDeliveredRow(String key, String channel, String status, String reason, String reportedAt, String next) {}

    record Tile(String id, String label, String value, String note) {}

    record StageRow(String stage, String name, Bar bar, String count) {}

    record ConversionRow(
            String from, String fromName, String toName, Bar bar, String rate, String reachedTo, String reachedFrom) {}

    record MessageRow(String state, String label, String count) {}

    record BudgetsView(List<BudgetRow> rows) {}

    /** A location's headroom; empty before GHL's first answer for it. */
    record BudgetRow(String location, Optional<Headroom> headroom) {}

    record Headroom(
            Bar bar,
            String headroom,
            String burstRemaining,
            String burstMax,
            String burstInterval,
            String dailyRemaining,
            String dailyMax,
            Optional<String> followUpsDeferredUntil) {}

    /** The inbox counters and the newest dead letters, each empty when it could not be read. */
    record DeadView(Optional<InboxLine> stats, Optional<List<DeadRow>> rows, Optional<More> more) {}

    record InboxLine(
            String badgeClasses, String dead, String stored, String processed, String ignored, String duplicates) {}

    record DeadRow(String receivedAt, String type, String location, String webhookId, String attempts, String error) {}

    /** Replies that might revoke consent, each holding every text to its recruit until a person decides. */
    record ReviewsView(List<ReviewRow> rows) {}

    /** {@code reply} is the recruit's own text (the dashboard is the admin's); jte escapes it like every value. */
    record ReviewRow(String receivedAt, String recruit, String reply, String why, String id) {}

    /** Shown when there are more dead letters than the page lists. */
    record More(String shown, String total) {}
}
