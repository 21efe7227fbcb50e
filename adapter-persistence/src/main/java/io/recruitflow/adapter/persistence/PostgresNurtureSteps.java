package io.recruitflow.adapter.persistence;

import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.nurture.NurtureEvent;
import io.recruitflow.domain.nurture.NurtureStep;
import io.recruitflow.domain.nurture.NurtureSteps;
import io.recruitflow.domain.nurture.StepMessage;
import io.recruitflow.domain.nurture.StepStatus;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link NurtureSteps} on PostgreSQL (tables {@code nurture_steps} and {@code nurture_news}, migration V20). Planning
 * and cancelling take the recruit's transaction-scoped advisory lock, so a step planned and news stored for the same
 * recruit are ordered; a claim and a settlement are single-row updates under the row's lock ({@code FOR UPDATE}).
 */
final class PostgresNurtureSteps implements NurtureSteps {
    private static final String COLUMNS = "key, recruit_id, location_id, kind, sequence, step_index, action, channel,"
            + " body, subject, due_at, stage, about, cancel_on, status, reason, cancelled_at, origin, planned_at,"
            + " updated_at";

    private final Jdbi jdbi;

    PostgresNurtureSteps(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public NurtureStep plan(NurtureStep step) {
        return jdbi.inTransaction(h -> {
            lockRecruit(h, step.recruit());
            Optional<NurtureStep> known = find(h, step.key(), false);
            if (known.isPresent()) {
                return known.get();
            }
            NurtureStep stored = step.afterNews(news(h, step.recruit()));
            insert(h, stored);
            return stored;
        });
    }

    @Override
    public Optional<NurtureStep> find(String key) {
        return jdbi.withHandle(h -> find(h, key, false));
    }

    @Override
    public List<NurtureStep> ofRecruit(RecruitId recruit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM nurture_steps WHERE recruit_id ="
                        + " :recruit ORDER BY planned_at, key")
                .bind("recruit", recruit.value())
                .map((rs, ctx) -> step(rs))
                .list());
    }

    @Override
    public List<NurtureStep> cancel(RecruitId recruit, NurtureEvent event, Instant at) {
        return jdbi.inTransaction(h -> {
            lockRecruit(h, recruit);
            h.createUpdate("INSERT INTO nurture_news (recruit_id, kind, stage, about, why, occurred_at, stored_at)"
                            + " VALUES (:recruit, :kind, :stage, :about, :why, :occurredAt, :storedAt)")
                    .bind("recruit", recruit.value())
                    .bind("kind", event.kind().name())
                    .bind("stage", event.stage().map(Enum::name).orElse(null))
                    .bind("about", event.subject().orElse(null))
                    .bind("why", event.why())
                    .bind("occurredAt", Rows.ts(event.at()))
                    .bind("storedAt", Rows.ts(at))
                    .execute();
            List<NurtureStep> open = h.createQuery("SELECT " + COLUMNS + " FROM nurture_steps WHERE recruit_id ="
                            + " :recruit AND status IN ('PLANNED', 'SENDING') AND cancelled_at IS NULL FOR UPDATE")
                    .bind("recruit", recruit.value())
                    .map((rs, ctx) -> step(rs))
                    .list();
            List<NurtureStep> changed = new ArrayList<>();
            for (NurtureStep s : open) {
                if (s.cancelledBy(event)) {
                    NurtureStep next = s.cancelled(event, at);
                    update(h, next);
                    changed.add(next);
                }
            }
            return changed;
        });
    }

    @Override
    public List<StoredNews> news(RecruitId recruit) {
        return jdbi.withHandle(h -> news(h, recruit));
    }

    @Override
    public boolean claim(String key, Instant at) {
        return jdbi.inTransaction(h -> {
            Optional<NurtureStep> s = find(h, key, true);
            if (s.isEmpty() || !s.get().claimable()) {
                return false;
            }
            update(h, s.get().claimed(at));
            return true;
        });
    }

    @Override
    public Optional<NurtureStep> settle(String key, NurtureStep.Settlement result, String why, Instant at) {
        return jdbi.inTransaction(h -> {
            Optional<NurtureStep> s = find(h, key, true);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            NurtureStep next = s.get().settled(result, why, at);
            if (!next.equals(s.get())) {
                update(h, next);
            }
            return Optional.of(next);
        });
    }

    /** Orders planning and cancelling for one recruit (released at commit). */
    private static void lockRecruit(Handle h, RecruitId recruit) {
        UUID id = recruit.value();
        h.createQuery("SELECT pg_advisory_xact_lock(:key)::text")
                .bind("key", id.getMostSignificantBits() ^ id.getLeastSignificantBits())
                .mapTo(String.class)
                .findOne();
    }

    private static Optional<NurtureStep> find(Handle h, String key, boolean forUpdate) {
        return h.createQuery(
                        "SELECT " + COLUMNS + " FROM nurture_steps WHERE key = :key" + (forUpdate ? " FOR UPDATE" : ""))
                .bind("key", key)
                .map((rs, ctx) -> step(rs))
                .findOne();
    }

    private static List<StoredNews> news(Handle h, RecruitId recruit) {
        return h.createQuery("SELECT kind, stage, about, why, occurred_at, stored_at FROM nurture_news WHERE"
                        + " recruit_id = :recruit ORDER BY stored_at, id")
                .bind("recruit", recruit.value())
                .map((rs, ctx) -> new StoredNews(
                        new NurtureEvent(
                                NurtureEvent.Kind.valueOf(rs.getString("kind")),
                                Rows.instant(rs, "occurred_at"),
                                Rows.optionalString(rs, "stage").map(RecruitingStage::valueOf),
                                Rows.optionalString(rs, "about"),
                                rs.getString("why")),
                        Rows.instant(rs, "stored_at")))
                .list();
    }

    private static void insert(Handle h, NurtureStep s) {
        h.createUpdate("INSERT INTO nurture_steps (" + COLUMNS
                        + ") VALUES (:key, :recruit, :location, :kind, :sequence,"
                        + " :index, :action, :channel, :body, :subject, :dueAt, :stage, :about, :cancelOn, :status,"
                        + " :reason, :cancelledAt, :origin, :plannedAt, :updatedAt)")
                .bind("key", s.key())
                .bind("recruit", s.recruit().value())
                .bind("location", s.location().value())
                .bind("kind", s.kind())
                .bind("sequence", s.sequence())
                .bind("index", s.index())
                .bind("action", s.action())
                .bind("channel", s.message().map(m -> m.channel().name()).orElse(null))
                .bind("body", s.message().map(StepMessage::body).orElse(null))
                .bind("subject", s.message().flatMap(StepMessage::subject).orElse(null))
                .bind("dueAt", Rows.ts(s.dueAt()))
                .bind("stage", s.stage().map(Enum::name).orElse(null))
                .bind("about", s.subject().orElse(null))
                .bind("cancelOn", s.cancelOn().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .bind("status", s.status().name())
                .bind("reason", s.reason().orElse(null))
                .bind("cancelledAt", Rows.ts(s.cancelledAt()))
                .bind("origin", Rows.ts(s.origin()))
                .bind("plannedAt", Rows.ts(s.plannedAt()))
                .bind("updatedAt", Rows.ts(s.updatedAt()))
                .execute();
    }

    private static void update(Handle h, NurtureStep s) {
        h.createUpdate("UPDATE nurture_steps SET status = :status, reason = :reason, cancelled_at = :cancelledAt,"
                        + " updated_at = :updatedAt WHERE key = :key")
                .bind("key", s.key())
                .bind("status", s.status().name())
                .bind("reason", s.reason().orElse(null))
                .bind("cancelledAt", Rows.ts(s.cancelledAt()))
                .bind("updatedAt", Rows.ts(s.updatedAt()))
                .execute();
    }

    private static NurtureStep step(ResultSet rs) throws SQLException {
        Optional<String> channel = Rows.optionalString(rs, "channel");
        Optional<StepMessage> message = channel.map(c -> {
            try {
                return new StepMessage(Channel.valueOf(c), rs.getString("body"), Rows.optionalString(rs, "subject"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        String cancelOn = rs.getString("cancel_on");
        Set<NurtureEvent.Kind> kinds = cancelOn.isBlank()
                ? Set.of()
                : Arrays.stream(cancelOn.split(","))
                        .map(NurtureEvent.Kind::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(NurtureEvent.Kind.class)));
        return new NurtureStep(
                rs.getString("key"),
                new RecruitId(rs.getObject("recruit_id", UUID.class)),
                new LocationId(rs.getString("location_id")),
                rs.getString("kind"),
                rs.getString("sequence"),
                rs.getInt("step_index"),
                rs.getString("action"),
                message,
                Rows.instant(rs, "due_at"),
                Rows.optionalString(rs, "stage").map(RecruitingStage::valueOf),
                Rows.optionalString(rs, "about"),
                kinds,
                StepStatus.valueOf(rs.getString("status")),
                Rows.optionalString(rs, "reason"),
                Rows.optionalInstant(rs, "cancelled_at"),
                Rows.instant(rs, "origin"),
                Rows.instant(rs, "planned_at"),
                Rows.instant(rs, "updated_at"));
    }
}
