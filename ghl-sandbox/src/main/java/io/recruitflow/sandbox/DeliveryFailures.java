package io.recruitflow.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Texts the sandbox does not deliver, the way GHL reports such a text: the send answers 200 with the message
 * queued ({@code "status": "pending"}), then the message's status turns {@code failed} or {@code undelivered}
 * with GHL's {@code error} ({@code code}, {@code type}, {@code message}) and the {@code OutboundMessage}
 * webhook carries that status and error. Per number ({@code --fail-texts-to +15551234567=unregistered},
 * optionally only the next N texts: {@code =temporary*1}) or at a rate ({@code --text-failure-rate 0.05},
 * reason {@code temporary} unless {@code --text-failure-reason} says another). Emails are always delivered.
 *
 * <p>The reasons and their codes are those GHL shows for LC Phone texts (help article 48000981696,
 * "Troubleshooting SMS delivery"; the codes are the carrier codes of its SMS provider).
 */
public final class DeliveryFailures {

    /** A reason a text does not reach the phone: GHL's status for it, its error code and message. */
    public enum Reason {
        UNREGISTERED(
                "failed", "30034", "carrier", "Message from an Unregistered Number (A2P 10DLC registration required)"),
        CARRIER_BLOCKED("undelivered", "30007", "carrier", "Carrier violation: message filtered"),
        INVALID_NUMBER("undelivered", "30005", "carrier", "Unknown destination handset"),
        LANDLINE("failed", "30006", "carrier", "Landline or unreachable carrier"),
        DND("failed", null, "saas", "DND is active for SMS"),
        TEMPORARY("undelivered", "30017", "carrier", "Carrier network congestion"),
        UNKNOWN("undelivered", "30008", "carrier", "Unknown error");

        final String status;
        final String code;
        final String type;
        final String message;

        Reason(String status, String code, String type, String message) {
            this.status = status;
            this.code = code;
            this.type = type;
            this.message = message;
        }

        /** {@code unregistered}, {@code carrier-blocked}… */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** By id ({@code carrier-blocked}), name or error code ({@code 30034}). */
        public static Reason of(String raw) {
            String v = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            for (Reason r : values()) {
                if (r.id().equals(v) || r.name().equalsIgnoreCase(v) || v.equals(r.code)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown delivery failure reason: " + raw + " (one of " + ids() + ")");
        }

        static List<String> ids() {
            List<String> ids = new ArrayList<>();
            for (Reason r : values()) {
                ids.add(r.id());
            }
            return ids;
        }

        /** GHL's {@code error} object of the message and its webhook. */
        Map<String, Object> error() {
            Map<String, Object> error = new LinkedHashMap<>();
            if (code != null) {
                error.put("code", code);
            }
            error.put("type", type);
            error.put("message", message);
            return error;
        }
    }

    /** A number whose texts fail: {@code remaining} texts, or every one when negative. */
    private record ByNumber(Reason reason, int remaining) {}

    private final Map<String, ByNumber> numbers = new LinkedHashMap<>();
    private double rate;
    private Reason rateReason = Reason.TEMPORARY;
    private Random random = new Random(1);

    /** Texts to {@code phone} (E.164) fail for {@code reason}: the next {@code times}, or all when negative. */
    public synchronized DeliveryFailures failTextsTo(String phone, Reason reason, int times) {
        if (phone == null || !phone.matches("\\+[1-9]\\d{6,14}")) {
            throw new IllegalArgumentException("the phone must be in E.164, e.g. +15551234567");
        }
        numbers.put(phone, new ByNumber(reason, times));
        return this;
    }

    /** A share of all texts fails for {@code reason}, drawn from a random sequence seeded with {@code seed}. */
    public synchronized DeliveryFailures failAtRate(double share, Reason reason, long seed) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("the failure rate must be between 0 and 1");
        }
        this.rate = share;
        this.rateReason = reason;
        this.random = new Random(seed);
        return this;
    }

    /** {@code PHONE=REASON[*TIMES]}, as the CLI takes it. */
    public DeliveryFailures failTextsTo(String spec) {
        int eq = spec.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException(
                    "--fail-texts-to must look like +15551234567=unregistered, was: " + spec);
        }
        String rest = spec.substring(eq + 1);
        int times = -1;
        int star = rest.indexOf('*');
        if (star >= 0) {
            try {
                times = Integer.parseInt(rest.substring(star + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the count after * must be a number, was: " + spec);
            }
            rest = rest.substring(0, star);
        }
        return failTextsTo(spec.substring(0, eq).strip(), Reason.of(rest), times);
    }

    /** Takes over {@code other}'s rules (the CLI's, into a started sandbox). */
    public void copyFrom(DeliveryFailures other) {
        Map<String, ByNumber> theirs;
        double theirRate;
        Reason theirReason;
        Random theirRandom;
        synchronized (other) {
            theirs = new LinkedHashMap<>(other.numbers);
            theirRate = other.rate;
            theirReason = other.rateReason;
            theirRandom = other.random;
        }
        synchronized (this) {
            numbers.putAll(theirs);
            rate = theirRate;
            rateReason = theirReason;
            random = theirRandom;
        }
    }

    public synchronized void clear() {
        numbers.clear();
        rate = 0;
        rateReason = Reason.TEMPORARY;
        random = new Random(1);
    }

    /** Whether the next text to {@code phone} fails, and why; counts it against a limited rule. */
    synchronized Optional<Reason> nextText(String phone) {
        ByNumber rule = phone == null ? null : numbers.get(phone);
        if (rule != null && rule.remaining() != 0) {
            if (rule.remaining() > 0) {
                numbers.put(phone, new ByNumber(rule.reason(), rule.remaining() - 1));
            }
            return Optional.of(rule.reason());
        }
        if (rate > 0 && random.nextDouble() < rate) {
            return Optional.of(rateReason);
        }
        return Optional.empty();
    }

    synchronized Map<String, Object> toJson() {
        List<Object> list = new ArrayList<>();
        numbers.forEach((phone, rule) -> list.add(Json.obj(
                "phone",
                phone,
                "reason",
                rule.reason().id(),
                "status",
                rule.reason().status,
                "code",
                rule.reason().code,
                "message",
                rule.reason().message,
                "remaining",
                rule.remaining() < 0 ? null : (long) rule.remaining())));
        return Json.obj("numbers", list, "rate", rate, "rateReason", rateReason.id(), "reasons", Reason.ids());
    }
}
