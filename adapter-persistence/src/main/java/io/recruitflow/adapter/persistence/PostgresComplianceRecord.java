package io.recruitflow.adapter.persistence;

import static io.recruitflow.adapter.persistence.Rows.instant;
import static io.recruitflow.adapter.persistence.Rows.optionalInstant;
import static io.recruitflow.adapter.persistence.Rows.ts;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ComplianceEntry;
import io.recruitflow.domain.message.ComplianceRecord;
import io.recruitflow.domain.message.ComplianceVerdict;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.Whereabouts;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.UsState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ComplianceRecord} on PostgreSQL: one row per decision in {@code compliance_decisions}, its reasons and
 * inputs as {@code jsonb}. Rows are inserted, never updated or deleted. {@link PostgresMessageLog} appends
 * through {@link #insert} in the transaction of the message's state change.
 */
final class PostgresComplianceRecord implements ComplianceRecord {
    private static final Moshi MOSHI = new Moshi.Builder().build();
    private static final JsonAdapter<List<Map<String, String>>> REASONS = MOSHI.adapter(
            Types.newParameterizedType(List.class, Types.newParameterizedType(Map.class, String.class, String.class)));
    private static final JsonAdapter<Map<String, String>> WHY =
            MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, String.class));
    private static final JsonAdapter<List<String>> STRINGS =
            MOSHI.adapter(Types.newParameterizedType(List.class, String.class));

    private final Jdbi jdbi;

    PostgresComplianceRecord(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void append(ComplianceEntry entry) {
        jdbi.useHandle(h -> insert(h, entry));
    }

    @Override
    public List<ComplianceEntry> forRecruit(RecruitId recruit, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM compliance_decisions WHERE recruit_id = :recruit ORDER BY id DESC LIMIT :limit
                        """)
                .bind("recruit", recruit.value())
                .bind("limit", Math.max(0, limit))
                .map((rs, ctx) -> map(rs))
                .list());
    }

    /** Appends {@code entry} on {@code h}, in whatever transaction {@code h} is in. */
    static void insert(Handle h, ComplianceEntry entry) {
        ComplianceVerdict v = entry.verdict();
        Map<String, String> states = new LinkedHashMap<>();
        v.where().jurisdictions().forEach((state, why) -> states.put(state.name(), why));
        Map<String, String> zones = new LinkedHashMap<>();
        v.where().zones().forEach((zone, why) -> zones.put(zone.getId(), why));
        h.createUpdate("""
                        INSERT INTO compliance_decisions (recruit_id, message_key, channel, decision, not_before,
                            decided_at, reasons, jurisdictions, zones, texts_counted, rules_in_force, rules_switched_off)
                        VALUES (:recruit, :key, :channel, :decision, :notBefore, :decidedAt, CAST(:reasons AS jsonb),
                            CAST(:jurisdictions AS jsonb), CAST(:zones AS jsonb), CAST(:texts AS jsonb),
                            CAST(:inForce AS jsonb), CAST(:off AS jsonb))
                        """)
                .bind("recruit", entry.recruit().value())
                .bind("key", entry.message().value())
                .bind("channel", entry.channel().name())
                .bind("decision", v.outcome().name())
                .bind("notBefore", ts(v.notBefore()))
                .bind("decidedAt", ts(v.decidedAt()))
                .bind(
                        "reasons",
                        REASONS.toJson(v.reasons().stream()
                                .map(r -> Map.of(
                                        "rule", r.rule(), "text", r.text(), "detail", r.detail(), "source", r.source()))
                                .toList()))
                .bind("jurisdictions", WHY.toJson(states))
                .bind("zones", WHY.toJson(zones))
                .bind(
                        "texts",
                        STRINGS.toJson(
                                v.textsCounted().stream().map(Instant::toString).toList()))
                .bind("inForce", STRINGS.toJson(v.rulesInForce()))
                .bind("off", STRINGS.toJson(v.rulesSwitchedOff()))
                .execute();
    }

    private static ComplianceEntry map(ResultSet rs) throws SQLException {
        ComplianceVerdict.Outcome outcome = ComplianceVerdict.Outcome.valueOf(rs.getString("decision"));
        List<ComplianceVerdict.Reason> reasons = read(REASONS, rs.getString("reasons")).stream()
                .map(r -> new ComplianceVerdict.Reason(
                        r.getOrDefault("rule", ""),
                        r.getOrDefault("text", ""),
                        r.getOrDefault("detail", ""),
                        r.getOrDefault("source", "")))
                .toList();
        Map<UsState, String> states = new LinkedHashMap<>();
        read(WHY, rs.getString("jurisdictions")).forEach((state, why) -> states.put(UsState.valueOf(state), why));
        Map<ZoneId, String> zones = new LinkedHashMap<>();
        read(WHY, rs.getString("zones")).forEach((zone, why) -> zones.put(ZoneId.of(zone), why));
        ComplianceVerdict verdict = new ComplianceVerdict(
                outcome,
                optionalInstant(rs, "not_before"),
                instant(rs, "decided_at"),
                reasons,
                new Whereabouts(states, zones),
                read(STRINGS, rs.getString("texts_counted")).stream()
                        .map(Instant::parse)
                        .toList(),
                read(STRINGS, rs.getString("rules_in_force")),
                read(STRINGS, rs.getString("rules_switched_off")));
        return new ComplianceEntry(
                new RecruitId(rs.getObject("recruit_id", java.util.UUID.class)),
                new MessageKey(rs.getString("message_key")),
                Channel.valueOf(rs.getString("channel")),
                verdict);
    }

    private static <T> T read(JsonAdapter<T> adapter, String json) {
        try {
            return Objects.requireNonNull(adapter.fromJson(json), "null json");
        } catch (IOException e) {
            throw new UncheckedIOException("a compliance decision's stored json is unreadable", e);
        }
    }
}
