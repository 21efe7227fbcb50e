package io.recruitflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversationsAndCalendarsTest {
    /** Monday 2026-02-09 08:00 in New York: the whole week's slots are in the future. */
    private static final Instant MONDAY_MORNING = ZonedDateTime.of(
                    2026, 2, 9, 8, 0, 0, 0, ZoneId.of("America/New_York"))
            .toInstant();

    private static GhlSandbox sandbox;
    private Ghl ghl;

    @BeforeAll
    static void start() {
        sandbox = GhlSandbox.start(SandboxConfig.defaults()
                .withPort(0)
                .withRateLimit("10000/1s")
                .withClock(java.time.Clock.fixed(MONDAY_MORNING, java.time.ZoneOffset.UTC)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
        ghl = Ghl.forLocation(sandbox, "loc_abc123").version("2021-04-15");
    }

    @Test
    void smsAndEmailGoOnTheContactsOneConversation() {
        String contactId = contact("ann@example.com");

        Ghl.Response sms = ghl.post(
                "/conversations/messages",
                Json.obj("type", "SMS", "contactId", contactId, "message", "Hi Ann, this is Gary"));
        Ghl.Response email = ghl.post(
                "/conversations/messages",
                Json.obj(
                        "type",
                        "Email",
                        "contactId",
                        contactId,
                        "subject",
                        "Opportunity",
                        "html",
                        "<p>Hi Ann</p>",
                        "emailFrom",
                        "gary@oocunlimited.com"));

        assertThat(sms.status()).isEqualTo(200);
        assertThat(sms.json()).containsKeys("conversationId", "messageId", "msg", "traceId");
        assertThat(email.str("conversationId")).isEqualTo(sms.str("conversationId"));
        assertThat(sandbox.stats().messagesByType()).containsEntry("SMS", 1L).containsEntry("Email", 1L);
        assertThat(sandbox.stats().conversations()).isEqualTo(1);
    }

    @Test
    void sendValidatesTypeAndContact() {
        Ghl.Response missing = ghl.post("/conversations/messages", Json.obj("message", "x"));
        Ghl.Response unknownContact =
                ghl.post("/conversations/messages", Json.obj("type", "SMS", "contactId", "nope", "message", "x"));

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("message"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(2);
        assertThat(unknownContact.status()).isEqualTo(404);
    }

    @Test
    void identicalBodiesToOneContactAreCountedAsDuplicateMessages() {
        String ann = contact("ann@example.com");
        String bob = contact("bob@example.com");
        for (String contactId : List.of(ann, ann, ann, bob)) {
            ghl.post(
                    "/conversations/messages", Json.obj("type", "SMS", "contactId", contactId, "message", "Same text"));
        }

        assertThat(sandbox.stats().duplicateMessages()).isEqualTo(2);
    }

    @Test
    void conversationsAreSearchedAndMessagesPagedWithLastMessageId() {
        String contactId = contact("cat@example.com");
        for (int i = 1; i <= 5; i++) {
            ghl.post("/conversations/messages", Json.obj("type", "SMS", "contactId", contactId, "message", "m" + i));
        }

        Ghl.Response search = ghl.get("/conversations/search?locationId=loc_abc123&contactId=" + contactId);
        String conversationId = (String) search.list("conversations").get(0).get("id");
        List<Object> bodies = new ArrayList<>();
        String lastMessageId = null;
        boolean nextPage = true;
        while (nextPage) {
            Ghl.Response page = ghl.get("/conversations/" + conversationId + "/messages?limit=2"
                    + (lastMessageId == null ? "" : "&lastMessageId=" + lastMessageId));
            page.list("messages").forEach(m -> bodies.add(m.get("body")));
            lastMessageId = page.str("lastMessageId");
            nextPage = (Boolean) page.json().get("nextPage");
        }

        assertThat(search.json()).containsEntry("total", 1L);
        assertThat(search.list("conversations").get(0))
                .containsEntry("contactId", contactId)
                .containsEntry("lastMessageBody", "m5");
        assertThat(bodies).containsExactly("m5", "m4", "m3", "m2", "m1");
    }

    @Test
    void freeSlotsAreWeekdayBusinessHoursKeyedByDayWithATraceId() {
        long start = MONDAY_MORNING.toEpochMilli();
        long end = MONDAY_MORNING.plus(Duration.ofDays(7)).toEpochMilli();

        Ghl.Response response =
                ghl.get("/calendars/cal_presentation/free-slots?startDate=" + start + "&endDate=" + end);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json())
                .containsKey("traceId")
                .containsKey("_dates_")
                .containsKeys("2026-02-09", "2026-02-13")
                .doesNotContainKeys("2026-02-14", "2026-02-15");
        @SuppressWarnings("unchecked")
        List<String> monday = (List<String>) response.map("2026-02-09").get("slots");
        assertThat(monday).hasSize(16).startsWith("2026-02-09T09:00:00-05:00").endsWith("2026-02-09T16:30:00-05:00");
    }

    @Test
    void freeSlotsWantEpochMillisecondsAndAtMost31Days() {
        long start = MONDAY_MORNING.toEpochMilli();

        Ghl.Response dates = ghl.get("/calendars/cal_presentation/free-slots?startDate=2026-02-12&endDate=2026-02-19");
        Ghl.Response tooLong = ghl.get("/calendars/cal_presentation/free-slots?startDate=" + start + "&endDate="
                + (start + Duration.ofDays(32).toMillis()));

        assertThat(dates.status()).isEqualTo(422);
        assertThat(tooLong.status()).isEqualTo(422);
    }

    @Test
    void aBookingTakesItsSlotAndCancellingFreesIt() {
        String contactId = contact("dan@example.com");
        Map<String, Object> booking = Json.obj(
                "calendarId",
                "cal_presentation",
                "locationId",
                "loc_abc123",
                "contactId",
                contactId,
                "startTime",
                "2026-02-10T10:00:00-05:00",
                "title",
                "Presentation");

        Ghl.Response booked = ghl.post("/calendars/events/appointments", booking);
        Ghl.Response again = ghl.post("/calendars/events/appointments", booking);
        String id = booked.str("id");
        boolean takenWhileBooked = !slotsOn("2026-02-10").contains("2026-02-10T10:00:00-05:00");
        Ghl.Response cancelled =
                ghl.put("/calendars/events/appointments/" + id, Json.obj("appointmentStatus", "cancelled"));

        assertThat(booked.status()).isEqualTo(200);
        assertThat(booked.json())
                .containsEntry("endTime", "2026-02-10T10:30:00-05:00")
                .containsEntry("appointmentStatus", "confirmed");
        assertThat(again.status()).isEqualTo(400);
        assertThat(takenWhileBooked).isTrue();
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(slotsOn("2026-02-10")).contains("2026-02-10T10:00:00-05:00");
    }

    @Test
    void appointmentsAreReadRescheduledAndDeleted() {
        String contactId = contact("eve@example.com");
        String id = ghl.post(
                        "/calendars/events/appointments",
                        Json.obj(
                                "calendarId",
                                "cal_presentation",
                                "locationId",
                                "loc_abc123",
                                "contactId",
                                contactId,
                                "startTime",
                                "2026-02-11T14:00:00-05:00"))
                .str("id");

        Ghl.Response moved =
                ghl.put("/calendars/events/appointments/" + id, Json.obj("startTime", "2026-02-11T15:00:00-05:00"));
        Ghl.Response got = ghl.get("/calendars/events/appointments/" + id);
        Ghl.Response deleted = ghl.delete("/calendars/events/" + id, Json.obj());

        assertThat(moved.json())
                .containsEntry("startTime", "2026-02-11T15:00:00-05:00")
                .containsEntry("endTime", "2026-02-11T15:30:00-05:00");
        assertThat(got.map("event")).containsEntry("id", id).containsEntry("calendarId", "cal_presentation");
        assertThat(deleted.status()).isEqualTo(201);
        assertThat(deleted.json()).containsEntry("succeeded", true);
        assertThat(sandbox.stats().appointments()).isZero();
    }

    @Test
    void calendarsWorkflowsLocationsAndUsersAreTheSeed() {
        Ghl.Response calendars = ghl.get("/calendars/?locationId=loc_abc123");
        Ghl.Response workflows = ghl.get("/workflows/?locationId=loc_abc123");
        Ghl.Response location = ghl.get("/locations/loc_abc123");
        Ghl.Response otherLocation = ghl.get("/locations/loc_def456");
        Ghl.Response locations = ghl.get("/locations/search?companyId=comp_abc");
        Ghl.Response users = ghl.get("/users/?locationId=loc_abc123");
        Ghl.Response search = ghl.get("/users/search?companyId=comp_abc&query=gary");
        Ghl.Response user = ghl.get("/users/user_gary123");

        assertThat(calendars.list("calendars")).extracting(c -> c.get("id")).containsExactly("cal_presentation");
        assertThat(workflows.list("workflows"))
                .extracting(w -> w.get("id"), w -> w.get("name"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("wf_speed_to_lead", "Speed to Lead"),
                        org.assertj.core.groups.Tuple.tuple("wf_onboarding", "Onboarding"));
        assertThat(location.map("location"))
                .containsEntry("id", "loc_abc123")
                .containsEntry("companyId", "comp_abc")
                .containsEntry("timezone", "America/New_York");
        assertThat(otherLocation.status()).isEqualTo(403);
        assertThat(locations.list("locations")).extracting(l -> l.get("id")).containsExactly("loc_abc123");
        assertThat(users.list("users"))
                .extracting(u -> u.get("id"))
                .containsExactly("user_gary123", "user_ana456", "user_ben789", "user_cara012");
        assertThat(search.json()).containsEntry("count", 1L);
        assertThat(user.json()).containsEntry("id", "user_gary123");
    }

    @SuppressWarnings("unchecked")
    private List<String> slotsOn(String day) {
        long start = MONDAY_MORNING.toEpochMilli();
        Ghl.Response response = ghl.get("/calendars/cal_presentation/free-slots?startDate=" + start + "&endDate="
                + (start + Duration.ofDays(3).toMillis()));
        return (List<String>) response.map(day).get("slots");
    }

    private String contact(String email) {
        return (String) Ghl.forLocation(sandbox, "loc_abc123")
                .post(
                        "/contacts/",
                        Ghl.contact("loc_abc123", "Conv", email, "+1407555" + Math.abs(email.hashCode() % 10000)))
                .map("contact")
                .get("id");
    }
}
