package io.recruitflow.application.port;

/**
 * Counters of the webhook inbox: events stored, repeats refused, processed, failed attempts so far,
 * dead-lettered and ignored (unknown types).
 */
public record InboxStats(long stored, long duplicates, long processed, long failed, long dead, long ignored) {}
