package io.recruitflow.sandbox;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Simulation} scheduled on the sandbox's clock, and what became of it.
 *
 * @param state {@code pending}, {@code done} or {@code failed}
 * @param doneAt the sandbox's time when it was done (the first tick at or after {@code at}: its webhooks carry
 *     that time)
 * @param result the id of what it made or changed (message, appointment), or why it failed
 */
public record ScheduledSimulation(
        String id, Instant at, Simulation simulation, String state, Optional<Instant> doneAt, Optional<String> result) {

    Map<String, Object> toJson() {
        Map<String, Object> json = Json.obj(
                "id",
                id,
                "at",
                at.toString(),
                "action",
                simulation.action(),
                "contactId",
                simulation.contactId(),
                "appointmentId",
                simulation.appointmentId(),
                "state",
                state);
        if (simulation.startTime() != null) {
            json.put("startTime", simulation.startTime().toString());
        }
        if (simulation.status() != null) {
            json.put("status", simulation.status());
        }
        doneAt.ifPresent(t -> json.put("doneAt", t.toString()));
        result.ifPresent(r -> json.put("result", r));
        return json;
    }
}
