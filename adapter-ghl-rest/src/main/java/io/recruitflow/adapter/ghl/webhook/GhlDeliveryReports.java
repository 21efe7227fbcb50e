package io.recruitflow.adapter.ghl.webhook;

import io.recruitflow.domain.message.Delivery;
import io.recruitflow.domain.message.DeliveryStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GHL's message {@code status} and {@code error} (of an {@code OutboundMessage} webhook, or a message of a
 * conversation) as a neutral {@link Delivery}: the one place that knows GHL's status words and error codes.
 *
 * <p>Statuses, from the conversations spec ({@code GetMessageResponseDto.status}): {@code pending},
 * {@code queued} and {@code scheduled} are pending; {@code sent}; {@code delivered}; {@code read} (and an
 * email's {@code opened} / {@code clicked}) are read; {@code undelivered}; {@code failed}; {@code opt_out}
 * (the contact opted out, so GHL did not send) is failed. Call statuses ({@code connected},
 * {@code completed}…) are not a text's delivery: empty.
 *
 * <p>The error is GHL's {@code ErrorDto} ({@code code}, {@code type}, {@code message}; the spec's
 * {@code UpdateMessageStatusDto.error}, what a conversation provider reports with a failed status), or a
 * plain string. The codes GHL shows in the conversation view for LC Phone texts are the carrier codes of
 * its SMS provider (30003–30034, 21211, 21610…; help article 48000981696 "Troubleshooting SMS delivery").
 * Whether a failure can pass: a temporary carrier condition (queue overflow 30001, unreachable handset
 * 30003, unknown error 30008, missing segment 30009, carrier congestion 30017) can; an invalid or landline
 * number, a carrier block or spam filter, an unregistered A2P 10DLC sender, an opted-out or DND contact
 * cannot, and neither can a reason we do not know (resending blindly is the worse mistake).
 */
final class GhlDeliveryReports {
    private GhlDeliveryReports() {}

    /** A phone number (7 digits or more, maybe with a +) inside GHL's error text: never stored or shown. */
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d\\s().-]{5,}\\d");

    private static final int MAX_REASON = 300;

    private record Known(String what, boolean retryable) {}

    private static final Map<String, Known> CODES = Map.ofEntries(
            Map.entry("30001", new Known("carrier queue overflow", true)),
            Map.entry("30002", new Known("messaging account suspended", false)),
            Map.entry("30003", new Known("unreachable handset (off or out of coverage)", true)),
            Map.entry("30004", new Known("message blocked", false)),
            Map.entry("30005", new Known("unknown destination: invalid number", false)),
            Map.entry("30006", new Known("landline or unreachable carrier", false)),
            Map.entry("30007", new Known("carrier block: filtered as spam", false)),
            Map.entry("30008", new Known("unknown carrier error", true)),
            Map.entry("30009", new Known("missing message segment", true)),
            Map.entry("30017", new Known("carrier network congestion", true)),
            Map.entry("30024", new Known("sender not provisioned with the carrier (A2P 10DLC)", false)),
            Map.entry("30032", new Known("toll-free number not verified", false)),
            Map.entry("30034", new Known("unregistered sender (A2P 10DLC)", false)),
            Map.entry("21211", new Known("invalid number", false)),
            Map.entry("21614", new Known("not a mobile number", false)),
            Map.entry("21610", new Known("the recipient opted out (STOP)", false)));

    /** The delivery GHL reports, or empty when the status is missing or not a text's. */
    static Optional<Delivery> of(String status, Object error, Instant at) {
        Optional<DeliveryStatus> s = status(status);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (!s.get().notDelivered()) {
            return Optional.of(Delivery.of(s.get(), at));
        }
        String code = field(error, "code").orElse("");
        String message = error instanceof String text
                ? text.strip()
                : field(error, "message").orElse("");
        if ("opt_out".equals(norm(status)) && code.isEmpty() && message.isEmpty()) {
            message = "the contact opted out";
        }
        Known known = CODES.getOrDefault(code, byMessage(message));
        StringBuilder reason = new StringBuilder(known.what());
        if (!message.isEmpty() || !code.isEmpty()) {
            reason.append(" (GHL: ");
            if (!message.isEmpty()) {
                reason.append('"').append(message).append('"');
            }
            if (!code.isEmpty()) {
                reason.append(message.isEmpty() ? "" : ", ").append("error ").append(code);
            }
            reason.append(')');
        }
        String text = clean(reason.toString());
        return Optional.of(new Delivery(s.get(), Optional.of(text), known.retryable(), at));
    }

    static Optional<DeliveryStatus> status(String raw) {
        return switch (norm(raw)) {
            case "pending", "queued", "scheduled" -> Optional.of(DeliveryStatus.PENDING);
            case "sent" -> Optional.of(DeliveryStatus.SENT);
            case "delivered" -> Optional.of(DeliveryStatus.DELIVERED);
            case "read", "opened", "clicked" -> Optional.of(DeliveryStatus.READ);
            case "undelivered" -> Optional.of(DeliveryStatus.UNDELIVERED);
            case "failed", "opt_out" -> Optional.of(DeliveryStatus.FAILED);
            default -> Optional.empty();
        };
    }

    private static Known byMessage(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("dnd") || m.contains("do not disturb") || m.contains("opted out") || m.contains("opt out")) {
            return new Known("the contact has DND on or opted out", false);
        }
        if (m.contains("unregistered") || m.contains("10dlc") || m.contains("a2p")) {
            return new Known("unregistered sender (A2P 10DLC)", false);
        }
        if (m.contains("landline")
                || m.contains("invalid")
                || m.contains("not sms capable")
                || m.contains("not a mobile")) {
            return new Known("invalid or landline number", false);
        }
        if (m.contains("spam") || m.contains("filter") || m.contains("blocked")) {
            return new Known("carrier block", false);
        }
        if (m.contains("temporar") || m.contains("congestion") || m.contains("try again") || m.contains("timeout")) {
            return new Known("temporary carrier error", true);
        }
        return new Known("not delivered, reason unknown", false);
    }

    private static Optional<String> field(Object error, String name) {
        if (!(error instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        Object value = map.get(name);
        if (value instanceof Number n) {
            // Moshi reads JSON numbers as doubles: 30034.0 is the code 30034.
            return Optional.of(
                    n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.longValue()) : n.toString());
        }
        return value instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }

    /** No phone number, no control characters, at most {@value #MAX_REASON} characters. */
    static String clean(String reason) {
        String masked = PHONE.matcher(reason).replaceAll(m -> looksLikeCode(m.group()) ? m.group() : "[number]");
        String flat = masked.replaceAll("\\p{Cntrl}+", " ").strip();
        return flat.length() <= MAX_REASON ? flat : flat.substring(0, MAX_REASON - 1) + "…";
    }

    /** An error code such as 30034 is 5 digits; a phone number is longer. */
    private static boolean looksLikeCode(String digits) {
        return digits.chars().filter(Character::isDigit).count() < 7;
    }

    private static String norm(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }
}
