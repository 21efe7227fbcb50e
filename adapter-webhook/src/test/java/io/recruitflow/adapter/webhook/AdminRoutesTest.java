package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.importleads.ColumnMapping;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.importleads.LeadField;
import io.recruitflow.application.importleads.LeadFileEncoding;
import io.recruitflow.application.importleads.LeadFileLayout;
import io.recruitflow.application.importleads.LeadFileReader;
import io.recruitflow.application.intakerecruit.IntakeAcceptance;
import io.recruitflow.application.intakerecruit.IntakeProgress;
import io.recruitflow.application.intakerecruit.IntakeRecruitCommand;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.port.InboxStatus;
import io.recruitflow.application.recruitingfunnel.Funnel;
import io.recruitflow.application.schedulepresentation.BookingResult;
import io.recruitflow.application.schedulepresentation.SchedulePresentationCommand;
import io.recruitflow.application.viewrecruit.RecruitView;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.CalendarId;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.Consent;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.License;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Page;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API over real HTTP, against hand-written use-case stubs. */
class AdminRoutesTest {

    static final String TOKEN = "admin-token-0123456789abcdef";
    static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    static final RecruitId ANN = RecruitId.parse("00000000-0000-0000-0000-00000000a001");
    static final LocationId LOC = new LocationId("loc_1");

    private final FakeEventInbox inbox = new FakeEventInbox();
    private final List<IntakeRecruitCommand> intakes = new CopyOnWriteArrayList<>();
    private final List<SchedulePresentationCommand> bookings = new CopyOnWriteArrayList<>();
    private final List<String> imported = new CopyOnWriteArrayList<>();
    private final List<ColumnMapping> mappings = new CopyOnWriteArrayList<>();
    private volatile RuntimeException viewFailure;
    /** A Georgia-licensed agent with a Miami number at 20:30 Eastern: Florida's 8 p.m. defers the intro. */
    private final List<io.recruitflow.domain.message.ComplianceEntry> decisions =
            List.of(new io.recruitflow.domain.message.ComplianceEntry(
                    ANN,
                    new io.recruitflow.domain.message.MessageKey("intro/" + ANN),
                    io.recruitflow.domain.message.Channel.SMS,
                    io.recruitflow.domain.message.SolicitationEngine.standard()
                            .decide(
                                    io.recruitflow.domain.message.Whereabouts.of(
                                            Optional.of(new PhoneNumber("+13055550100")),
                                            Optional.of(UsState.GA),
                                            Optional.empty(),
                                            Optional.empty()),
                                    io.recruitflow.domain.message.Channel.SMS,
                                    Instant.parse("2026-02-13T01:30:00Z"),
                                    List.of())));

    private WebhookServer server;
    private Http http;

    @BeforeEach
    void start() {
        IntakeRecruitUseCase intake = new IntakeRecruitUseCase() {
            @Override
            public IntakeAcceptance accept(IntakeRecruitCommand command) {
                intakes.add(command);
                if (command.lead().phone() == null && command.lead().email() == null) {
                    return new IntakeAcceptance.Rejected("a lead needs a phone or an email");
                }
                return "Ann".equals(command.lead().firstName())
                        ? new IntakeAcceptance.AlreadyKnown(ANN)
                        : new IntakeAcceptance.Accepted(RecruitId.parse("00000000-0000-0000-0000-00000000b002"));
            }

            @Override
            public IntakeProgress progress(RecruitId recruit) {
                return new IntakeProgress(List.of());
            }
        };
        ImportLeadsUseCase imports = command -> {
            if (command.location().value().equals("loc_gone")) {
                throw new ImportLeadsUseCase.LocationNotReachable(
                        command.location(), "Recruitflow has no access to location loc_gone");
            }
            String csv;
            try {
                csv = new String(command.file().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!csv.startsWith("first_name")) {
                throw new LeadFileReader.BadLeadFileException("no header row with a name column");
            }
            imported.add(command.location().value());
            mappings.add(command.mapping());
            return new ImportReport(
                    2,
                    List.of(new ImportReport.Row(2, ANN)),
                    List.of(),
                    List.of(new ImportReport.Rejection(3, "no phone or email")),
                    Optional.of(new LeadFileLayout(
                            LeadFileEncoding.WINDOWS_1252,
                            List.of(
                                    new LeadFileLayout.Column(
                                            "first_name", Optional.of(LeadField.FIRST_NAME), Optional.empty(), false),
                                    new LeadFileLayout.Column(
                                            "phone", Optional.of(LeadField.PHONE), Optional.empty(), true),
                                    new LeadFileLayout.Column("notes", Optional.empty(), Optional.empty(), false)))));
        };
        ViewRecruitUseCase recruits = new ViewRecruitUseCase() {
            @Override
            public Optional<RecruitView> view(RecruitId id) {
                if (viewFailure != null) {
                    throw viewFailure;
                }
                return id.equals(ANN)
                        ? Optional.of(new RecruitView(
                                ann(),
                                Optional.empty(),
                                List.of(
                                        StepRecord.pending(ANN, IntakeStep.UPSERT_CONTACT, NOW)
                                                .done(Optional.of("c_1"), NOW),
                                        StepRecord.pending(ANN, IntakeStep.SEND_INTRO, NOW)
                                                .deferred(NOW.plusSeconds(3600), "quiet hours", NOW)),
                                Optional.empty(),
                                List.of(appointment()),
                                List.of(),
                                decisions))
                        : Optional.empty();
            }

            @Override
            public Page<Recruit> list(Optional<LocationId> location, Optional<String> cursor, int limit) {
                if (cursor.filter("bad"::equals).isPresent()) {
                    throw new IllegalArgumentException("bad cursor");
                }
                return new Page<>(List.of(ann()), cursor.isEmpty() ? Optional.of("next-1") : Optional.empty());
            }
        };
        server = WebhookServer.builder(WebhookConfig.defaults().withAdminToken(TOKEN))
                .inbox(inbox)
                .admin(new AdminServices(intake, imports, recruits, this::book, q -> funnel(), inbox, Optional.empty()))
                .build();
        http = new Http(server.start(0));
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(2));
    }

    // ---- authentication

    @Test
    void every_route_needs_the_admin_token_and_answers_401_with_a_bearer_challenge() {
        for (String path : List.of(
                "/api/recruits",
                "/api/recruits/" + ANN,
                "/api/funnel",
                "/api/events/stats",
                "/api/events?status=dead")) {
            HttpResponse<String> none = http.get(path);
            assertThat(none.statusCode()).as(path).isEqualTo(401);
            // Only Bearer is offered: a Basic challenge would make a browser prompt, then cache and attach it.
            assertThat(none.headers().allValues("WWW-Authenticate"))
                    .anyMatch(v -> v.startsWith("Bearer"))
                    .noneMatch(v -> v.startsWith("Basic"));
            assertThat(http.get(path, "Authorization", "Bearer wrong-token-0123456789")
                            .statusCode())
                    .isEqualTo(401);
            assertThat(http.get(path, "Authorization", "Bearer " + TOKEN + "x").statusCode())
                    .isEqualTo(401);
        }
        assertThat(http.post("/api/recruits", Bodies.utf8("{}"), "Content-Type", "application/json")
                        .statusCode())
                .isEqualTo(401);
        assertThat(intakes).isEmpty();
    }

    @Test
    void the_api_takes_the_bearer_token_and_refuses_basic_with_a_clear_answer() {
        assertThat(get("/api/events/stats").statusCode()).isEqualTo(200);
        String basic =
                "Basic " + Base64.getEncoder().encodeToString(("anyone:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.get("/api/events/stats", "Authorization", basic);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r)).containsEntry("error", "unauthorized");
        assertThat((String) json(r).get("message"))
                .contains("Bearer")
                .contains("Basic is accepted only by the dashboard");
        HttpResponse<String> create = http.post(
                "/api/recruits",
                Bodies.utf8("{\"locationId\":\"loc_1\",\"firstName\":\"Bob\",\"phone\":\"4075551234\"}"),
                "Authorization",
                basic,
                "Content-Type",
                "application/json");
        assertThat(create.statusCode()).isEqualTo(401);
        assertThat(http.get("/api/events/stats", "Authorization", "Basic %%%").statusCode())
                .isEqualTo(401);
        assertThat(intakes).isEmpty();
    }

    // ---- requests a browser could be made to send: cross-site, or with a body a form can send

    private static final String LEAD = "{\"locationId\":\"loc_1\",\"firstName\":\"Bob\",\"phone\":\"4075551234\"}";

    private HttpResponse<String> postLead(String... headers) {
        return http.post("/api/recruits", Bodies.utf8(LEAD), headers);
    }

    @Test
    void a_json_route_answers_415_to_any_other_media_type_and_creates_nothing() {
        for (String type : List.of(
                "text/plain",
                "text/plain; charset=utf-8",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/jsonp",
                "text/json")) {
            HttpResponse<String> r = postLead("Authorization", "Bearer " + TOKEN, "Content-Type", type);
            assertThat(r.statusCode()).as(type).isEqualTo(415);
            assertThat(json(r)).containsEntry("error", "unsupported_media_type");
        }
        assertThat(postLead("Authorization", "Bearer " + TOKEN).statusCode())
                .as("no Content-Type")
                .isEqualTo(415);
        assertThat(intakes).isEmpty();
        // The media type's case and parameters do not matter.
        assertThat(postLead("Authorization", "Bearer " + TOKEN, "Content-Type", "Application/JSON; charset=UTF-8")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void every_state_changing_route_needs_its_media_type_even_without_a_body() {
        HttpResponse<String> booking =
                http.post("/api/recruits/" + ANN + "/presentation", new byte[0], "Authorization", "Bearer " + TOKEN);
        assertThat(booking.statusCode()).isEqualTo(415);
        HttpResponse<String> importAsJson = http.post(
                "/api/recruits/import?locationId=loc_9",
                Bodies.utf8("first_name,phone\nAnn,4075551234\n"),
                "Authorization",
                "Bearer " + TOKEN,
                "Content-Type",
                "application/json");
        assertThat(importAsJson.statusCode()).isEqualTo(415);
        assertThat(json(importAsJson)).containsEntry("message", "send the body as text/csv");
        assertThat(bookings).isEmpty();
        assertThat(imported).isEmpty();
    }

    @Test
    void basic_credentials_with_a_text_plain_body_get_415_before_any_credential_is_looked_at() {
        // The acceptance: curl -u admin:TOKEN -H 'Content-Type: text/plain' -d '{...}' /api/recruits
        String basic =
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = postLead("Authorization", basic, "Content-Type", "text/plain");
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(postLead("Content-Type", "text/plain").statusCode())
                .as("no credentials")
                .isEqualTo(415);
        assertThat(intakes).isEmpty();
    }

    @Test
    void a_state_changing_request_from_another_site_is_403_whatever_it_carries() {
        String own = "http://127.0.0.1:" + server.port();
        List<String[]> crossSite = List.of(
                new String[] {"Origin", "http://evil.example"},
                new String[] {"Origin", "http://127.0.0.1:1"},
                new String[] {"Origin", "http://localhost:" + server.port()},
                new String[] {"Origin", "null"},
                new String[] {"Origin", "garbage"},
                new String[] {"Sec-Fetch-Site", "cross-site"},
                new String[] {"Sec-Fetch-Site", "same-site"},
                new String[] {"Sec-Fetch-Site", "cross-site", "Origin", own});
        for (String[] h : crossSite) {
            List<String> headers = new ArrayList<>(List.of(h));
            headers.addAll(List.of("Authorization", "Bearer " + TOKEN, "Content-Type", "application/json"));
            HttpResponse<String> r = postLead(headers.toArray(String[]::new));
            assertThat(r.statusCode()).as(String.join(" ", h)).isEqualTo(403);
            assertThat(json(r)).containsEntry("error", "cross_site");
        }
        // First of the checks: also without a token and with a form's media type.
        assertThat(postLead("Origin", "http://evil.example", "Content-Type", "text/plain")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> booking = http.post(
                "/api/recruits/" + ANN + "/presentation",
                Bodies.utf8("{}"),
                "Sec-Fetch-Site",
                "cross-site",
                "Authorization",
                "Bearer " + TOKEN,
                "Content-Type",
                "application/json");
        assertThat(booking.statusCode()).isEqualTo(403);
        assertThat(intakes).isEmpty();
        assertThat(bookings).isEmpty();
    }

    @Test
    void the_servers_own_origin_and_clients_that_are_not_browsers_pass() {
        String own = "http://127.0.0.1:" + server.port();
        String[] bearer = {"Authorization", "Bearer " + TOKEN, "Content-Type", "application/json"};
        assertThat(postLead(bearer).statusCode())
                .as("no Origin, no Sec-Fetch-Site")
                .isEqualTo(201);
        assertThat(postLead(concat(bearer, "Origin", own)).statusCode()).isEqualTo(201);
        assertThat(postLead(concat(bearer, "Origin", own, "Sec-Fetch-Site", "same-origin"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(postLead(concat(bearer, "Sec-Fetch-Site", "none")).statusCode())
                .as("typed by the user")
                .isEqualTo(201);
        // Behind a TLS-terminating proxy: the browser's origin is the proxy's, which forwards its host.
        assertThat(postLead(concat(
                                bearer, "Origin", "https://admin.example.com", "X-Forwarded-Host", "admin.example.com"))
                        .statusCode())
                .isEqualTo(201);
        // Reads are not state-changing: a cross-site Origin on a GET is answered (the browser's same-origin
        // policy keeps the answer from the other page).
        assertThat(http.get("/api/events/stats", "Authorization", "Bearer " + TOKEN, "Origin", "http://evil.example")
                        .statusCode())
                .isEqualTo(200);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void without_a_configured_token_nothing_gets_in() {
        WebhookServer open =
                WebhookServer.builder(WebhookConfig.defaults()).inbox(inbox).build();
        try {
            Http h = new Http(open.start(0));
            assertThat(h.get("/api/events/stats", "Authorization", "Bearer ").statusCode())
                    .isEqualTo(401);
            assertThat(h.get("/api/events/stats", "Authorization", "Bearer " + TOKEN)
                            .statusCode())
                    .isEqualTo(401);
        } finally {
            open.stop(Duration.ofSeconds(1));
        }
    }

    // ---- recruits

    @Test
    void a_new_lead_is_201_with_its_recruit_id() {
        HttpResponse<String> r = post("/api/recruits", """
                {"locationId":"loc_1","firstName":"Bob","lastName":"Agent","phone":"(407) 555-1234",
                 "licenseState":"FL","licenseTypes":"Life, Health","extra":{"npn":12345}}""");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(json(r))
                .containsEntry("id", "00000000-0000-0000-0000-00000000b002")
                .containsEntry("status", "accepted");
        assertThat(r.headers().firstValue("Location")).contains("/api/recruits/00000000-0000-0000-0000-00000000b002");
        IntakeRecruitCommand c = intakes.get(0);
        assertThat(c.location()).isEqualTo(LOC);
        assertThat(c.lead().licenseTypes()).containsExactly("Life", "Health");
        assertThat(c.lead().extra()).containsEntry("npn", "12345");
    }

    @Test
    void a_known_lead_is_200_with_the_existing_id() {
        HttpResponse<String> r =
                post("/api/recruits", "{\"locationId\":\"loc_1\",\"firstName\":\"Ann\",\"email\":\"a@b.co\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r)).containsEntry("id", ANN.toString()).containsEntry("status", "already_known");
    }

    @Test
    void a_rejected_lead_is_422_with_reasons() {
        HttpResponse<String> r = post("/api/recruits", "{\"locationId\":\"loc_1\",\"firstName\":\"Cy\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r)).containsEntry("reasons", List.of("a lead needs a phone or an email"));
    }

    @Test
    void bad_lead_requests_get_4xx_json_errors() {
        assertThat(post("/api/recruits", "{\"firstName\":").statusCode()).isEqualTo(400);
        assertThat(post("/api/recruits", "[1]").statusCode()).isEqualTo(400);
        HttpResponse<String> noLocation = post("/api/recruits", "{\"firstName\":\"Bob\",\"phone\":\"4075551234\"}");
        assertThat(noLocation.statusCode()).isEqualTo(422);
        assertThat(json(noLocation)).containsEntry("message", "locationId is required");
        HttpResponse<String> shapes = post(
                "/api/recruits", "{\"locationId\":\"l\",\"firstName\":{\"a\":1},\"licenseTypes\":[1],\"extra\":[]}");
        assertThat(shapes.statusCode()).isEqualTo(422);
        assertThat((String) json(shapes).get("message"))
                .contains("licenseTypes")
                .contains("extra")
                .contains("firstName");
        assertThat(intakes).isEmpty();
    }

    @Test
    void a_csv_import_is_202_with_the_per_row_summary() {
        HttpResponse<String> r = http.send(http.request("/api/recruits/import?locationId=loc_9")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("first_name,phone\nAnn,4075551234\nBob,\n"))
                .build());
        assertThat(r.statusCode()).isEqualTo(202);
        Map<String, Object> body = json(r);
        assertThat(body).containsEntry("rows", 2.0);
        assertThat(body.get("accepted")).isEqualTo(List.of(Map.of("row", 2.0, "id", ANN.toString())));
        assertThat(body.get("rejected")).isEqualTo(List.of(Map.of("row", 3.0, "reason", "no phone or email")));
        assertThat(imported).containsExactly("loc_9");
        assertThat(mappings).containsExactly(ColumnMapping.none());
        assertThat(body).containsEntry("encoding", "Windows-1252");
        assertThat(body.get("columns")).asList().hasSize(3);
        assertThat(((List<?>) body.get("columns")).get(2)).isEqualTo(columnJson("notes", null, null, false));
    }

    private static Map<String, Object> columnJson(String column, String field, String customField, boolean mapped) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("column", column);
        m.put("field", field);
        m.put("customField", customField);
        m.put("mapped", mapped);
        return m;
    }

    @Test
    void an_import_takes_its_column_mapping_from_repeated_map_parameters_and_says_what_each_column_gave() {
        HttpResponse<String> r = http.send(http.request("/api/recruits/import?locationId=loc_9"
                        + "&map=First%20Name%3DAgent%20First%20Name&map=Phone%3DCell%202")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("first_name,phone\nAnn,4075551234\n"))
                .build());

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(mappings)
                .containsExactly(ColumnMapping.parse(List.of("First Name=Agent First Name", "Phone=Cell 2")));
        assertThat(((List<?>) json(r).get("columns")).get(1)).isEqualTo(columnJson("phone", "Phone", null, true));
    }

    @Test
    void a_mapping_naming_an_unknown_field_is_422_and_says_which_fields_there_are() {
        HttpResponse<String> r = http.send(http.request("/api/recruits/import?locationId=loc_9&map=Frist%3DGiven")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("first_name,phone\nAnn,4075551234\n"))
                .build());

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r)).containsEntry("error", "bad_mapping");
        assertThat((String) json(r).get("message"))
                .contains("unknown field 'Frist'")
                .contains("First Name, Last Name");
        assertThat(imported).isEmpty();
    }

    @Test
    void an_import_that_is_not_csv_or_not_a_lead_file_is_refused() {
        HttpResponse<String> json = http.send(http.request("/api/recruits/import?locationId=loc_9")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
        assertThat(json.statusCode()).isEqualTo(415);
        HttpResponse<String> bad = http.send(http.request("/api/recruits/import?locationId=loc_9")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("garbage"))
                .build());
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(json(bad)).containsEntry("error", "bad_lead_file");
    }

    @Test
    void an_import_names_its_location_with_location_or_locationId() {
        HttpResponse<String> r = http.send(http.request("/api/recruits/import?location=loc_0002")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("first_name,phone\nAnn,4075551234\n"))
                .build());
        HttpResponse<String> both = http.send(http.request("/api/recruits/import?location=loc_0002&locationId=loc_9")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("first_name,phone\nAnn,4075551234\n"))
                .build());

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(both.statusCode()).isEqualTo(422);
        assertThat((String) json(both).get("message")).contains("location and locationId differ");
        assertThat(imported).containsExactly("loc_0002");
    }

    @Test
    void an_import_into_a_location_recruitflow_cannot_reach_is_422_location_not_installed() {
        HttpResponse<String> r = http.send(http.request("/api/recruits/import?location=loc_gone")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("first_name,phone\nAnn,4075551234\n"))
                .build());

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r))
                .containsEntry("error", "location_not_installed")
                .containsEntry("message", "Recruitflow has no access to location loc_gone");
        assertThat(imported).isEmpty();
    }

    @Test
    void recruits_are_listed_page_by_page() {
        HttpResponse<String> r = get("/api/recruits?limit=10");
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> body = json(r);
        assertThat(body).containsEntry("next", "next-1");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("items");
        assertThat(items)
                .singleElement()
                .satisfies(i -> assertThat(i)
                        .containsEntry("id", ANN.toString())
                        .containsEntry("phone", "+14075551234")
                        .containsEntry("email", "ann@example.com"));
        assertThat(json(get("/api/recruits?cursor=next-1"))).containsEntry("next", null);
        for (String bad : List.of("limit=0", "limit=501", "limit=ten", "cursor=bad")) {
            HttpResponse<String> b = get("/api/recruits?" + bad);
            assertThat(b.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(b)).containsKey("message");
        }
    }

    @Test
    void one_recruit_with_its_stage_and_every_intake_step() {
        HttpResponse<String> r = get("/api/recruits/" + ANN);
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> body = json(r);
        assertThat(body).containsEntry("id", ANN.toString()).containsEntry("stage", null);
        assertThat(body.get("steps")).asList().hasSize(2);
        assertThat(r.body())
                .contains("\"state\":\"DONE\"")
                .contains("\"state\":\"DEFERRED\"")
                .contains("quiet hours");
        assertThat(body.get("appointments")).asList().hasSize(1);
        assertThat(get("/api/recruits/00000000-0000-0000-0000-000000000000").statusCode())
                .isEqualTo(404);
        assertThat(get("/api/recruits/not-a-uuid").statusCode()).isEqualTo(400);
    }

    @Test
    void one_recruit_with_the_compliance_decisions_on_its_texts() {
        HttpResponse<String> r = get("/api/recruits/" + ANN);
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> body = json(r);
        assertThat(body).containsEntry("addressState", null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> shown = (List<Map<String, Object>>) body.get("decisions");
        assertThat(shown).hasSize(1);
        Map<String, Object> deferral = shown.get(0);
        assertThat(deferral)
                .containsEntry("messageKey", "intro/" + ANN)
                .containsEntry("channel", "SMS")
                .containsEntry("decision", "defer")
                .containsEntry("at", "2026-02-13T13:00:00Z")
                .containsEntry("decidedAt", "2026-02-13T01:30:00Z");
        assertThat(deferral.get("jurisdictions")).isEqualTo(Map.of("FL", "area code 305", "GA", "license"));
        assertThat(deferral.get("zones")).isEqualTo(Map.of("America/New_York", "area code 305"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reasons = (List<Map<String, Object>>) deferral.get("reasons");
        assertThat(reasons).extracting(m -> m.get("rule")).containsExactly("FL.hours");
        assertThat((String) reasons.get(0).get("source")).contains("501.616");
        assertThat(shown.toString()).doesNotContain("5550100");
    }

    @Test
    void booking_a_presentation() {
        HttpResponse<String> next = post("/api/recruits/" + ANN + "/presentation", "");
        assertThat(next.statusCode()).isEqualTo(201);
        assertThat(json(next)).containsEntry("id", "apt_1").containsEntry("start", "2026-03-03T15:00:00Z");
        assertThat(bookings.get(0).start()).isEmpty();

        assertThat(post("/api/recruits/" + ANN + "/presentation", "{\"start\":\"2026-03-04T10:00:00-05:00\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(bookings.get(1).start()).contains(Instant.parse("2026-03-04T15:00:00Z"));

        assertThat(post("/api/recruits/" + ANN + "/presentation", "{\"start\":\"2026-03-09T10:00:00Z\"}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(post("/api/recruits/" + ANN + "/presentation", "{\"start\":\"tomorrow\"}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(post("/api/recruits/00000000-0000-0000-0000-000000000000/presentation", "")
                        .statusCode())
                .isEqualTo(404);
    }

    // ---- funnel and events

    @Test
    void the_funnel() {
        HttpResponse<String> r = get("/api/funnel");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("\"stage\":\"LEAD\"")
                .contains("\"medianSeconds\":42.5")
                .contains("\"p95Seconds\":90.0")
                .contains("\"rate\":0.5")
                .contains("\"SENT\":3");
    }

    @Test
    void event_stats_and_dead_letters() {
        inbox.store(new io.recruitflow.application.port.IncomingEvent(
                "wh_dead", "ContactCreate", Optional.of("l"), Optional.empty(), NOW, new byte[0], NOW));
        inbox.markDead("wh_dead", "malformed ContactCreate: ContactCreate without id");
        HttpResponse<String> stats = get("/api/events/stats");
        assertThat(json(stats))
                .containsOnlyKeys("stored", "duplicates", "processed", "failed", "dead", "ignored")
                .containsEntry("stored", 1.0)
                .containsEntry("dead", 1.0);
        HttpResponse<String> dead = get("/api/events?status=dead");
        assertThat(dead.statusCode()).isEqualTo(200);
        assertThat(dead.body()).contains("wh_dead").contains("without id").contains("\"status\":\"DEAD\"");
        assertThat(get("/api/events?status=weird").statusCode()).isEqualTo(400);
        assertThat(json(get("/api/events?status=processed")).get("items"))
                .asList()
                .isEmpty();
        assertThat(inbox.list(InboxStatus.DEAD, 10)).hasSize(1);
    }

    @Test
    void an_unexpected_failure_is_a_bare_500_without_details() {
        viewFailure = new IllegalStateException("SELECT * FROM recruits failed: relation \"recruits\" does not exist");
        HttpResponse<String> r = get("/api/recruits/" + ANN);
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(json(r)).containsEntry("error", "internal_error");
        assertThat(r.body()).doesNotContain("relation").doesNotContain("SELECT").doesNotContain("at io.");
    }

    // ---- helpers and stubs

    private HttpResponse<String> get(String path) {
        return http.get(path, "Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> post(String path, String body) {
        return http.post(
                path, Bodies.utf8(body), "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        return (Map<String, Object>) TestJson.read(r.body()).orElseThrow();
    }

    private BookingResult book(SchedulePresentationCommand c) {
        bookings.add(c);
        if (!c.recruit().equals(ANN)) {
            return new BookingResult.NotFound("no recruit " + c.recruit());
        }
        if (c.start()
                .filter(s -> s.equals(Instant.parse("2026-03-09T10:00:00Z")))
                .isPresent()) {
            return new BookingResult.NoFreeSlot("2026-03-09T10:00:00Z is not free");
        }
        return new BookingResult.Booked(appointment());
    }

    private static Recruit ann() {
        return new Recruit(
                ANN,
                LOC,
                new PersonName("Ann", "Agent"),
                Optional.of(new EmailAddress("ann@example.com")),
                Optional.of(new PhoneNumber("+14075551234")),
                new License(UsState.FL, Optional.of("W123"), Set.of(new LicenseType("Life"))),
                "PropHog",
                Set.of("Licensed"),
                Map.of(),
                Consent.GRANTED,
                Optional.empty(),
                Optional.empty(),
                Optional.of(new ContactId("c_1")),
                NOW,
                Optional.of(NOW.plusSeconds(42)),
                1);
    }

    private static Appointment appointment() {
        return new Appointment(
                new AppointmentId("apt_1"),
                new CalendarId("cal_1"),
                LOC,
                new ContactId("c_1"),
                "Presentation",
                Instant.parse("2026-03-03T15:00:00Z"),
                Instant.parse("2026-03-03T15:30:00Z"),
                AppointmentStatus.CONFIRMED,
                NOW);
    }

    private static Funnel funnel() {
        List<Funnel.StageCount> stages = new ArrayList<>();
        for (RecruitingStage s : RecruitingStage.values()) {
            stages.add(new Funnel.StageCount(s, s.defaultName(), 2));
        }
        return new Funnel(
                stages,
                List.of(new Funnel.Conversion(RecruitingStage.LEAD, RecruitingStage.CONTACTED, 4, 2, Optional.of(0.5))),
                10,
                1,
                1,
                Optional.of(Duration.ofMillis(42_500)),
                Optional.of(Duration.ofSeconds(90)),
                7,
                Map.of(SendState.SENT, 3L));
    }
}
