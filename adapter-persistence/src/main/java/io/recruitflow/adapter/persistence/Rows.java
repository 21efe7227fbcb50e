package io.recruitflow.adapter.persistence;

import io.recruitflow.domain.shared.LocationId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Column reading and binding helpers shared by the stores. */
final class Rows {
    private Rows() {}

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.asList((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    static Set<String> stringSet(ResultSet rs, String column) throws SQLException {
        return new LinkedHashSet<>(strings(rs, column));
    }

    /** The value to bind for a timestamptz parameter ({@code null} stays null). */
    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Timestamp ts(Optional<Instant> instant) {
        return instant.map(Timestamp::from).orElse(null);
    }

    static String[] array(java.util.Collection<String> values) {
        return values.toArray(String[]::new);
    }

    /**
     * Counts rows per value of an enum column, every value present (zero when none).
     *
     * @param sql a query answering {@code (value, count)} rows; it may use {@code :location}, bound to the
     *            location id or null
     */
    static <E extends Enum<E>> Map<E, Long> countsBy(
            Jdbi jdbi, Class<E> type, String sql, Optional<LocationId> location) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0L);
        }
        jdbi.useHandle(h -> {
            Query query = h.createQuery(sql);
            if (sql.contains(":location")) {
                query.bind("location", location.map(LocationId::value).orElse(null));
            }
            query.map((rs, ctx) -> Map.entry(Enum.valueOf(type, rs.getString(1)), rs.getLong(2)))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
        });
        return counts;
    }
}
