package io.recruitflow.domain.shared;

/** Remembers which external events (by their unique id) have been applied, so none is applied twice. */
public interface ProcessedEvents {
    /** Records the id; answers false when it was recorded before. */
    boolean markProcessed(String eventId);

    boolean isProcessed(String eventId);
}
