package io.recruitflow.application.port;

/** The kinds of durable work. */
public enum JobType {
    /** Advance one recruit's intake saga; the id is the recruit id. */
    INTAKE,
    /** Send a message deferred by quiet hours; the id is the message key. */
    DEFERRED_MESSAGE,
    /** Process one stored webhook event; the id is the webhook id. */
    INBOX_DISPATCH
}
