package io.recruitflow.domain.message;

/** Whether the recruit sent the message or received it. */
public enum Direction {
    INBOUND,
    OUTBOUND
}
