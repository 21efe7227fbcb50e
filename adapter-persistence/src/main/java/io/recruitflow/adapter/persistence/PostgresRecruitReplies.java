package io.recruitflow.adapter.persistence;

import io.recruitflow.domain.message.RecruitReplies;
import io.recruitflow.domain.message.RecruitReply;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link RecruitReplies} on PostgreSQL (table {@code recruit_replies}, migration V19). */
final class PostgresRecruitReplies implements RecruitReplies {
    private static final String COLUMNS = "id, recruit_id, location_id, contact_id, kind, why, body, received_at, "
            + "opt_out, decided_by, decided_at, answer";
    private static final String OPEN = "kind = 'REVIEW' AND decided_at IS NULL";

    private final Jdbi jdbi;

    PostgresRecruitReplies(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public RecruitReply record(RecruitReply reply) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO recruit_replies (id, recruit_id, location_id, contact_id, kind,"
                        + " why, body, received_at) VALUES (:id, :recruit, :location, :contact, :kind, :why, :body,"
                        + " :receivedAt) ON CONFLICT (id) DO NOTHING")
                .bind("id", reply.id())
                .bind("recruit", reply.recruit().value())
                .bind("location", reply.location().value())
                .bind("contact", reply.contact().value())
                .bind("kind", reply.kind().name())
                .bind("why", reply.why())
                .bind("body", reply.body().orElse(null))
                .bind("receivedAt", Timestamp.from(reply.receivedAt()))
                .execute());
        return find(reply.id()).orElseThrow(() -> new IllegalStateException("reply " + reply.id() + " not stored"));
    }

    @Override
    public Optional<RecruitReply> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM recruit_replies WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> reply(rs))
                .findOne());
    }

    @Override
    public Optional<RecruitReply> holding(RecruitId recruit) {
        return openFor(recruit, 1).stream().findFirst();
    }

    @Override
    public List<RecruitReply> openFor(RecruitId recruit) {
        return openFor(recruit, 1000);
    }

    private List<RecruitReply> openFor(RecruitId recruit, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM recruit_replies WHERE recruit_id ="
                        + " :recruit AND " + OPEN + " ORDER BY received_at, id LIMIT :limit")
                .bind("recruit", recruit.value())
                .bind("limit", limit)
                .map((rs, ctx) -> reply(rs))
                .list());
    }

    @Override
    public List<RecruitReply> open(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM recruit_replies WHERE " + OPEN
                        + " ORDER BY received_at, id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> reply(rs))
                .list());
    }

    @Override
    public boolean decide(String id, RecruitReply.Decision decision) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE recruit_replies SET opt_out = :optOut, decided_by ="
                                + " :decidedBy, decided_at = :decidedAt WHERE id = :id AND " + OPEN)
                        .bind("id", id)
                        .bind("optOut", decision.optOut())
                        .bind("decidedBy", decision.decidedBy())
                        .bind("decidedAt", Timestamp.from(decision.decidedAt()))
                        .execute())
                == 1;
    }

    @Override
    public void answered(String id, String answer) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE recruit_replies SET answer = :answer WHERE id = :id")
                .bind("id", id)
                .bind("answer", answer)
                .execute());
    }

    private static RecruitReply reply(ResultSet rs) throws SQLException {
        Optional<Instant> decidedAt = Rows.optionalInstant(rs, "decided_at");
        Optional<RecruitReply.Decision> decision = decidedAt.isEmpty()
                ? Optional.empty()
                : Optional.of(new RecruitReply.Decision(
                        rs.getBoolean("opt_out"), rs.getString("decided_by"), decidedAt.get()));
        return new RecruitReply(
                rs.getString("id"),
                new RecruitId(rs.getObject("recruit_id", UUID.class)),
                new LocationId(rs.getString("location_id")),
                new ContactId(rs.getString("contact_id")),
                RecruitReply.Kind.valueOf(rs.getString("kind")),
                rs.getString("why"),
                Rows.optionalString(rs, "body"),
                Rows.instant(rs, "received_at"),
                decision,
                Rows.optionalString(rs, "answer"));
    }
}
