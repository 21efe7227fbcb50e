package io.recruitflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A recruit's week on the sandbox's clock: a reply on day 2, a booking, a reschedule, a no-show and a
 * cancellation, scripted in advance and done as the clock passes their times, each with GHL's webhook
 * (InboundMessage; AppointmentCreate; AppointmentUpdate with the new startTime/endTime or appointmentStatus).
 * The week passes in milliseconds: the clock is moved, nobody waits.
 */
class SimulatedWeekTest {
    private static final Instant MONDAY = Instant.parse("2026-02-09T14:00:00Z");

    private static GhlSandbox sandbox;
    private static MutableClock clock;
    private WebhookReceiver receiver;
    private Ghl ghl;
    private Ghl admin;
    private String contactId;

    @BeforeAll
    static void start() {
        clock = new MutableClock(MONDAY);
        sandbox = GhlSandbox.start(
                SandboxConfig.defaults().withPort(0).withRateLimit("10000/1s").withClock(clock));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @org.junit.jupiter.api.AfterEach
    void closeReceiver() {
        receiver.close();
    }

    @BeforeEach
    void reset() throws Exception {
        receiver = new WebhookReceiver();
        sandbox.reset();
        sandbox.unsubscribeWebhooks();
        ghl = Ghl.forLocation(sandbox, "loc_abc123");
        admin = new Ghl(sandbox.baseUrl(), null);
        admin.post("/_sandbox/webhooks", Json.obj("url", receiver.url().toString()));
        contactId =
                (String) ghl.post("/contacts/", Ghl.contact("loc_abc123", "Rita", "rita@example.com", "+14075550123"))
                        .map("contact")
                        .get("id");
    }

    @Test
    void aScriptedWeekHappensAsTheClockPassesEachMomentWithGhlsWebhooks() throws Exception {
        Instant day2 = sandbox.clock().instant().plus(Duration.ofDays(1));
        sandbox.schedule(day2, Simulation.reply(contactId, "Yes, tell me more"));
        sandbox.schedule(day2.plus(Duration.ofHours(1)), Simulation.book(contactId));
        sandbox.schedule(day2.plus(Duration.ofHours(2)), Simulation.reschedule(contactId));
        sandbox.schedule(day2.plus(Duration.ofDays(4)), Simulation.mark(contactId, "noshow"));

        assertThat(sandbox.runDueSimulations()).as("nothing is due yet").isZero();
        assertThat(sandbox.nextSimulation()).contains(day2);

        clock.advance(Duration.ofDays(1));
        sandbox.runDueSimulations(); // or the sandbox's own ticker, whichever comes first
        assertThat(states()).containsExactly("done", "pending", "pending", "pending");
        assertThat(receiver.next("InboundMessage").json()).containsEntry("body", "Yes, tell me more");

        clock.advance(Duration.ofHours(2));
        sandbox.runDueSimulations();
        assertThat(states())
                .as("the booking, then its reschedule, in order")
                .containsExactly("done", "done", "done", "pending");
        Map<String, Object> created = appointmentOf(receiver.next("AppointmentCreate"));
        Map<String, Object> moved = appointmentOf(receiver.next("AppointmentUpdate"));
        assertThat(moved).containsEntry("id", created.get("id"));
        Instant before = OffsetDateTime.parse((String) created.get("startTime")).toInstant();
        Instant after = OffsetDateTime.parse((String) moved.get("startTime")).toInstant();
        assertThat(after).as("moved a day or more later").isAfterOrEqualTo(before.plus(Duration.ofDays(1)));
        assertThat(Duration.between(
                        after,
                        OffsetDateTime.parse((String) moved.get("endTime")).toInstant()))
                .as("the same length")
                .isEqualTo(Duration.ofMinutes(30));

        clock.advance(Duration.ofDays(4));
        // Not asked: the sandbox's own ticker does it within milliseconds.
        Map<String, Object> noShow = appointmentOf(receiver.next("AppointmentUpdate"));
        assertThat(noShow).containsEntry("appointmentStatus", "noshow").containsEntry("id", created.get("id"));

        List<ScheduledSimulation> all = sandbox.scheduledSimulations();
        assertThat(all).extracting(ScheduledSimulation::state).containsOnly("done");
        assertThat(all.get(0).doneAt()).contains(day2);
    }

    @Test
    void theAdminApiSchedulesReschedulesAndCancelsAndMovingTheClockDoesWhatIsDue() throws Exception {
        String appointmentId = (String) admin.post("/_sandbox/book", Json.obj("contactId", contactId))
                .map("appointment")
                .get("id");
        receiver.next("AppointmentCreate");

        Ghl.Response rescheduled = admin.post(
                "/_sandbox/appointments/" + appointmentId + "/reschedule",
                Json.obj("startTime", "2026-02-17T10:00:00-05:00"));
        assertThat(rescheduled.status()).isEqualTo(200);
        assertThat(appointmentOf(receiver.next("AppointmentUpdate")))
                .containsEntry("startTime", "2026-02-17T10:00:00-05:00")
                .containsEntry("endTime", "2026-02-17T10:30:00-05:00");

        Ghl.Response scheduled = admin.post(
                "/_sandbox/simulations", Json.obj("after", "2d", "action", "cancel", "appointmentId", appointmentId));
        assertThat(scheduled.status()).isEqualTo(201);
        assertThat(scheduled.map("simulation")).containsEntry("state", "pending");
        assertThat(admin.post("/_sandbox/simulations", Json.obj("action", "dance", "contactId", contactId))
                        .status())
                .isEqualTo(422);

        admin.post("/_sandbox/clock", Json.obj("advance", "2d"));
        assertThat(appointmentOf(receiver.next("AppointmentUpdate"))).containsEntry("appointmentStatus", "cancelled");
        assertThat(admin.get("/_sandbox/simulations").list("simulations"))
                .singleElement()
                .satisfies(s -> assertThat(s).containsEntry("state", "done").containsEntry("result", appointmentId));

        Ghl.Response cancelAgain = admin.post("/_sandbox/appointments/" + appointmentId + "/cancel", Map.of());
        assertThat(cancelAgain.status()).isEqualTo(200);
        assertThat(admin.post("/_sandbox/appointments/nope/reschedule", Map.of())
                        .status())
                .isEqualTo(404);
        sandbox.reset();
        assertThat(sandbox.scheduledSimulations()).as("a reset drops them").isEmpty();
    }

    private static List<String> states() {
        return sandbox.scheduledSimulations().stream()
                .map(ScheduledSimulation::state)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> appointmentOf(WebhookReceiver.Received received) {
        return (Map<String, Object>) received.json().get("appointment");
    }
}
