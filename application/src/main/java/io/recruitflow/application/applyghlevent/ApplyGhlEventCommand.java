package io.recruitflow.application.applyghlevent;

import java.util.Objects;

/** Apply one event GHL reported. */
public record ApplyGhlEventCommand(GhlEvent event) {
    public ApplyGhlEventCommand {
        Objects.requireNonNull(event, "event is required");
    }
}
