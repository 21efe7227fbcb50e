package io.recruitflow.adapter.ghl;

import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.PhoneNumber;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Tolerant readers of GHL's wire values: a bad value becomes "absent", never a failed call. */
final class Wire {
    private Wire() {}

    /** An ISO-8601 instant, with or without offset, or epoch milliseconds. */
    static Optional<Instant> instant(Object raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (raw instanceof Number n) {
            return Optional.of(Instant.ofEpochMilli(n.longValue()));
        }
        String s = raw.toString().strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(s));
            } catch (DateTimeParseException e2) {
                try {
                    return Optional.of(Instant.ofEpochMilli(Long.parseLong(s)));
                } catch (NumberFormatException e3) {
                    return Optional.empty();
                }
            }
        }
    }

    static Optional<ZoneId> zone(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(raw.strip()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A US state or territory from a contact's address: postal code or full name; anything else is none. */
    static Optional<io.recruitflow.domain.shared.UsState> state(String raw) {
        return io.recruitflow.domain.shared.UsState.parse(raw);
    }

    static Optional<PhoneNumber> phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PhoneNumber(raw.strip().replaceAll("[\\s().-]", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<EmailAddress> email(String raw) {
        return raw == null || raw.isBlank() ? Optional.empty() : EmailAddress.parse(raw);
    }

    /** A custom field value as text: strings as they are, whole numbers without ".0", lists joined. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
            return b.scale() <= 0 ? b.toBigInteger().toString() : b.toPlainString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Wire::text).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> map) {
            return map.toString();
        }
        return value.toString();
    }

    /** Moshi reads JSON numbers as doubles; a cursor echoed back must keep whole numbers whole. */
    static List<Object> cursor(List<Object> values) {
        return values == null
                ? null
                : values.stream()
                        .map(v -> v instanceof Double d && d == Math.rint(d) && !d.isInfinite()
                                ? (Object) d.longValue()
                                : v)
                        .toList();
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }
}
