package io.recruitflow.application.port;

import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One of Recruitflow's own events about a recruit, as subscribers receive it (the envelope's {@code data}).
 *
 * <p>It carries identifiers and states only — the recruit's id, the location, the CRM contact id, the stage and a
 * few {@code details} (a channel, a step, an appointment id, a reason code) — never a name, phone number, email or
 * message text: a subscriber that needs the person looks them up with the ids, under its own access.
 *
 * @param source what makes this event unique for its type and recruit (an inbound event id, a message key, an
 *     appointment id, a stage and instant): the event's {@link #id()} derives from it, so the same fact published
 *     twice is one event
 * @param details short values (at most 200 characters), keys in {@code camelCase}; no personal data
 */
public record RecruitEvent(
        RecruitEventType type,
        RecruitId recruit,
        LocationId location,
        Optional<ContactId> contact,
        Instant occurredAt,
        String source,
        Optional<RecruitingStage> stage,
        Map<String, String> details) {
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
    private static final int MAX_VALUE = 200;

    public RecruitEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recruit, "recruit");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(stage, "stage");
        if (source == null || source.isBlank() || source.length() > 300) {
            throw new IllegalArgumentException("an event's source must be 1..300 characters");
        }
        details.forEach((k, v) -> {
            if (!KEY.matcher(k).matches()) {
                throw new IllegalArgumentException("detail key must be camelCase: " + k);
            }
            if (v == null || v.length() > MAX_VALUE) {
                throw new IllegalArgumentException("detail " + k + " must be 0.." + MAX_VALUE + " characters");
            }
        });
        details = java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }

    /**
     * The stable id: {@code evt_} and 32 hex digits of a name-based UUID of type, recruit and source. The same fact
     * has the same id after a retry, a restart or on another instance; the webhook's {@code webhook-id}.
     */
    public String id() {
        String name = type.wire() + "|" + recruit + "|" + source;
        return "evt_"
                + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
                        .toString()
                        .replace("-", "");
    }

    /** The recruit was accepted from a lead. */
    public static RecruitEvent accepted(Recruit recruit, Instant at) {
        return of(RecruitEventType.ACCEPTED, recruit, at, "accepted", Optional.of(RecruitingStage.LEAD), Map.of());
    }

    /** A message of ours to the recruit went out ({@code messageKey} is the message log's key). */
    public static RecruitEvent texted(Recruit recruit, String messageKey, String channel, Instant at) {
        return of(
                RecruitEventType.TEXTED,
                recruit,
                at,
                messageKey,
                Optional.empty(),
                details("channel", channel, "message", messageKey));
    }

    /** The recruit replied; {@code replyId} is the inbound event's id. */
    public static RecruitEvent replied(Recruit recruit, String replyId, String channel, Instant at) {
        return of(RecruitEventType.REPLIED, recruit, at, replyId, Optional.empty(), details("channel", channel));
    }

    /** A presentation was booked: {@code appointmentId} and its start. */
    public static RecruitEvent booked(Recruit recruit, String appointmentId, Instant start, Instant at) {
        return of(
                RecruitEventType.BOOKED,
                recruit,
                at,
                appointmentId + "@" + start,
                Optional.of(RecruitingStage.PRESENTATION_SCHEDULED),
                details("appointment", appointmentId, "startsAt", start.toString()));
    }

    /** The recruit missed the presentation {@code appointmentId}. One event per appointment. */
    public static RecruitEvent noShow(Recruit recruit, String appointmentId, Instant at) {
        return of(
                RecruitEventType.NO_SHOW,
                recruit,
                at,
                appointmentId,
                Optional.empty(),
                details("appointment", appointmentId));
    }

    /** The recruit's opportunity reached Contracted; {@code source} names the change (e.g. the GHL event id). */
    public static RecruitEvent contracted(Recruit recruit, String source, Instant at) {
        return of(RecruitEventType.CONTRACTED, recruit, at, source, Optional.of(RecruitingStage.CONTRACTED), Map.of());
    }

    /**
     * The recruit withdrew consent: {@code replyId} is the reply that did it, {@code how} a reason code
     * ({@code opt_out_reply}, {@code review_decision}).
     */
    public static RecruitEvent optedOut(Recruit recruit, String replyId, String how, Instant at) {
        return of(RecruitEventType.OPTED_OUT, recruit, at, replyId, Optional.empty(), details("how", how));
    }

    /**
     * The recruit has been in {@code stage} since {@code since}, longer than the stall threshold. One event per
     * stage and entry into it.
     */
    public static RecruitEvent stalled(Recruit recruit, RecruitingStage stage, Instant since, Instant at) {
        return of(
                RecruitEventType.STALLED,
                recruit,
                at,
                stage.name() + "@" + since,
                Optional.of(stage),
                details("since", since.toString()));
    }

    /**
     * An intake step failed for good. Only the step is carried: the failure's text may quote the CRM's answer,
     * which can name the person; it is on {@code GET /api/recruits/{id}} for those allowed to see it.
     */
    public static RecruitEvent intakeFailed(Recruit recruit, String step, Instant at) {
        return of(RecruitEventType.INTAKE_FAILED, recruit, at, step, Optional.empty(), details("step", step));
    }

    private static RecruitEvent of(
            RecruitEventType type,
            Recruit recruit,
            Instant at,
            String source,
            Optional<RecruitingStage> stage,
            Map<String, String> details) {
        return new RecruitEvent(
                type, recruit.id(), recruit.location(), recruit.contactId(), at, source, stage, details);
    }

    private static Map<String, String> details(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
