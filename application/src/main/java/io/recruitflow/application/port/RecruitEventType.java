package io.recruitflow.application.port;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of Recruitflow's own events that subscribers receive ({@link RecruitEvents}). The {@link #wire()} name is
 * the envelope's {@code type}: part of the public contract, keep it when renaming a constant.
 */
public enum RecruitEventType {
    /** A lead was accepted and became a recruit (its intake is scheduled). */
    ACCEPTED("recruit.accepted"),
    /** A text (or the intro email) of ours was accepted by the CRM for sending. */
    TEXTED("recruit.texted"),
    /** The recruit wrote back (any reply that is not an opt-out). */
    REPLIED("recruit.replied"),
    /** A presentation was booked (or rebooked). */
    BOOKED("recruit.booked"),
    /** The recruit did not show up to the presentation. */
    NO_SHOW("recruit.no_show"),
    /** The recruit's opportunity reached the Contracted stage. */
    CONTRACTED("recruit.contracted"),
    /** The recruit withdrew consent (a STOP, or a reply a person decided was one). */
    OPTED_OUT("recruit.opted_out"),
    /** The recruit has waited in a stage longer than the stall threshold (published by the presentations work). */
    STALLED("recruit.stalled"),
    /** An intake step failed for good: the recruit's intake stopped. */
    INTAKE_FAILED("recruit.intake_failed");

    private final String wire;

    RecruitEventType(String wire) {
        this.wire = wire;
    }

    /** The name on the wire, e.g. {@code recruit.no_show}. */
    public String wire() {
        return wire;
    }

    /** The type of a wire name. */
    public static Optional<RecruitEventType> ofWire(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
}
