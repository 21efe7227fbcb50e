package io.recruitflow.adapter.webhook;

import io.javalin.http.Context;
import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.importleads.LeadFileReader;
import io.recruitflow.application.intakerecruit.IntakeAcceptance;
import io.recruitflow.application.intakerecruit.IntakeRecruitCommand;
import io.recruitflow.application.port.InboxEvent;
import io.recruitflow.application.port.InboxStats;
import io.recruitflow.application.port.InboxStatus;
import io.recruitflow.application.recruitingfunnel.Funnel;
import io.recruitflow.application.recruitingfunnel.FunnelQuery;
import io.recruitflow.application.schedulepresentation.BookingResult;
import io.recruitflow.application.schedulepresentation.SchedulePresentationCommand;
import io.recruitflow.application.viewrecruit.RecruitView;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.recruit.LeadInput;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Page;
import io.recruitflow.domain.shared.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The admin API: JSON over the application's use cases. Every route is behind {@link AdminAuth}. Bad
 * requests get a 4xx with {@code {"error", "message"}}; the server's exception handler turns anything
 * unexpected into a bare 500.
 */
final class AdminRoutes {

    /** A request the API refuses, with its HTTP status and a message safe to show. */
    static final class ApiError extends RuntimeException {
        final int status;
        final String code;

        ApiError(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    static final int MAX_LIST_LIMIT = 500;

    private final AdminServices services;

    AdminRoutes(AdminServices services) {
        this.services = services;
    }

    // POST /api/recruits
    void createRecruit(Context ctx) {
        Map<String, Object> body = jsonObject(ctx);
        LocationId location = location(text(body, "locationId"));
        List<String> problems = new ArrayList<>();
        LeadInput lead = leadInput(body, problems);
        if (!problems.isEmpty()) {
            throw new ApiError(422, "unprocessable", String.join("; ", problems));
        }
        IntakeAcceptance acceptance = services.intake().accept(new IntakeRecruitCommand(location, lead));
        if (acceptance instanceof IntakeAcceptance.Accepted a) {
            ctx.header("Location", "/api/recruits/" + a.recruit());
            json(ctx, 201, Json.obj("id", a.recruit().toString(), "status", "accepted"));
        } else if (acceptance instanceof IntakeAcceptance.AlreadyKnown k) {
            ctx.header("Location", "/api/recruits/" + k.recruit());
            json(ctx, 200, Json.obj("id", k.recruit().toString(), "status", "already_known"));
        } else {
            IntakeAcceptance.Rejected r = (IntakeAcceptance.Rejected) acceptance;
            json(ctx, 422, Json.obj("error", "unprocessable", "message", r.reason(), "reasons", List.of(r.reason())));
        }
    }

    // POST /api/recruits/import
    void importRecruits(Context ctx) {
        String contentType = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("text/csv")) {
            throw new ApiError(415, "unsupported_media_type", "send the lead file as text/csv");
        }
        LocationId location = location(Optional.ofNullable(ctx.queryParam("locationId")));
        ImportReport report;
        try {
            report = services.imports().importLeads(new ImportLeadsCommand(location, ctx.bodyInputStream()));
        } catch (LeadFileReader.BadLeadFileException e) {
            throw new ApiError(422, "bad_lead_file", e.getMessage());
        }
        // Accepted leads are durable now; their intake sagas run as background jobs.
        json(
                ctx,
                202,
                Json.obj(
                        "rows", report.rows(),
                        "accepted",
                                report.accepted().stream()
                                        .map(r -> Json.obj(
                                                "row",
                                                r.row(),
                                                "id",
                                                r.recruit().toString()))
                                        .toList(),
                        "known",
                                report.known().stream()
                                        .map(r -> Json.obj(
                                                "row",
                                                r.row(),
                                                "id",
                                                r.recruit().toString()))
                                        .toList(),
                        "rejected",
                                report.rejected().stream()
                                        .map(r -> Json.obj("row", r.row(), "reason", r.reason()))
                                        .toList()));
    }

    // GET /api/recruits?limit=&cursor=&locationId=
    void listRecruits(Context ctx) {
        int limit = intParam(ctx, "limit", 50, 1, MAX_LIST_LIMIT);
        Optional<LocationId> location =
                Optional.ofNullable(ctx.queryParam("locationId")).map(this::locationId);
        Optional<String> cursor = Optional.ofNullable(ctx.queryParam("cursor")).filter(s -> !s.isBlank());
        Page<Recruit> page;
        try {
            page = services.recruits().list(location, cursor, limit);
        } catch (IllegalArgumentException badCursor) {
            throw new ApiError(400, "bad_request", "the cursor is not valid");
        }
        json(
                ctx,
                200,
                Json.obj(
                        "items",
                        page.items().stream().map(AdminRoutes::recruitSummary).toList(),
                        "next",
                        page.next().orElse(null)));
    }

    // GET /api/recruits/{id}
    void getRecruit(Context ctx) {
        RecruitId id = recruitId(ctx.pathParam("id"));
        RecruitView view =
                services.recruits().view(id).orElseThrow(() -> new ApiError(404, "not_found", "no recruit " + id));
        Map<String, Object> out = recruitSummary(view.recruit());
        out.put("stage", view.opportunity().map(o -> o.stage().name()).orElse(null));
        out.put("opportunity", view.opportunity().map(AdminRoutes::opportunity).orElse(null));
        out.put("steps", view.steps().stream().map(AdminRoutes::step).toList());
        out.put("intro", view.intro().map(AdminRoutes::message).orElse(null));
        out.put(
                "appointments",
                view.appointments().stream().map(AdminRoutes::appointment).toList());
        json(ctx, 200, out);
    }

    // POST /api/recruits/{id}/presentation   (body optional: {"start": ISO-8601})
    void bookPresentation(Context ctx) {
        RecruitId id = recruitId(ctx.pathParam("id"));
        Optional<Instant> start = Optional.empty();
        if (!ctx.body().isBlank()) {
            Map<String, Object> body = jsonObject(ctx);
            Optional<String> raw = text(body, "start");
            if (raw.isPresent()) {
                start = Optional.of(EventEnvelope.parseInstant(raw.get())
                        .orElseThrow(() -> new ApiError(
                                422,
                                "unprocessable",
                                "start must be an ISO-8601 instant with an offset, e.g. 2026-03-02T15:00:00Z")));
            }
        }
        BookingResult result = services.presentations().schedule(new SchedulePresentationCommand(id, start));
        if (result instanceof BookingResult.Booked b) {
            json(ctx, 201, appointment(b.appointment()));
        } else if (result instanceof BookingResult.NoFreeSlot n) {
            throw new ApiError(409, "no_free_slot", n.reason());
        } else {
            throw new ApiError(404, "not_found", ((BookingResult.NotFound) result).reason());
        }
    }

    // GET /api/funnel?locationId=
    void funnel(Context ctx) {
        Optional<LocationId> location =
                Optional.ofNullable(ctx.queryParam("locationId")).map(this::locationId);
        Funnel f = services.funnel().funnel(new FunnelQuery(location));
        Map<String, Object> messages = new LinkedHashMap<>();
        new EnumMap<>(f.messages()).forEach((state, n) -> messages.put(state.name(), n));
        json(
                ctx,
                200,
                Json.obj(
                        "recruits",
                        f.recruits(),
                        "won",
                        f.won(),
                        "lost",
                        f.lost(),
                        "stages",
                        f.stages().stream()
                                .map(s -> Json.obj("stage", s.stage().name(), "name", s.name(), "count", s.count()))
                                .toList(),
                        "conversions",
                        f.conversions().stream()
                                .map(c -> Json.obj(
                                        "from",
                                        c.from().name(),
                                        "to",
                                        c.to().name(),
                                        "reachedFrom",
                                        c.reachedFrom(),
                                        "reachedTo",
                                        c.reachedTo(),
                                        "rate",
                                        c.rate().orElse(null)))
                                .toList(),
                        "speedToLead",
                        Json.obj(
                                "medianSeconds",
                                        f.speedToLeadMedian()
                                                .map(AdminRoutes::seconds)
                                                .orElse(null),
                                "p95Seconds",
                                        f.speedToLeadP95()
                                                .map(AdminRoutes::seconds)
                                                .orElse(null),
                                "samples", f.speedToLeadSamples()),
                        "messages",
                        messages));
    }

    // GET /api/events/stats
    void eventStats(Context ctx) {
        InboxStats s = services.inbox().stats();
        json(
                ctx,
                200,
                Json.obj(
                        "stored",
                        s.stored(),
                        "duplicates",
                        s.duplicates(),
                        "processed",
                        s.processed(),
                        "failed",
                        s.failed(),
                        "dead",
                        s.dead(),
                        "ignored",
                        s.ignored()));
    }

    // GET /api/events?status=dead&limit=
    void events(Context ctx) {
        String raw = Optional.ofNullable(ctx.queryParam("status")).orElse("dead");
        InboxStatus status;
        try {
            status = InboxStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "bad_request", "status must be one of pending, processed, ignored, dead");
        }
        int limit = intParam(ctx, "limit", 100, 1, MAX_LIST_LIMIT);
        List<InboxEvent> events = services.inbox().list(status, limit);
        json(
                ctx,
                200,
                Json.obj("items", events.stream().map(AdminRoutes::inboxEvent).toList()));
    }

    // ---- request helpers

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(Context ctx) {
        Object parsed = Json.read(ctx.body())
                .orElseThrow(() -> new ApiError(400, "bad_request", "the body is not well-formed JSON"));
        if (!(parsed instanceof Map)) {
            throw new ApiError(400, "bad_request", "the body must be a JSON object");
        }
        return (Map<String, Object>) parsed;
    }

    private static Optional<String> text(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return s.isBlank() ? Optional.empty() : Optional.of(s);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return Optional.of(scalar(v));
        }
        throw new ApiError(422, "unprocessable", field + " must be a string");
    }

    /** JSON numbers arrive as doubles: 12345 must stay "12345", not "12345.0". */
    private static String scalar(Object v) {
        if (v instanceof Double d && !d.isInfinite() && !d.isNaN()) {
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    private static LeadInput leadInput(Map<String, Object> body, List<String> problems) {
        List<String> types = new ArrayList<>();
        Object rawTypes = body.get("licenseTypes");
        if (rawTypes instanceof String s) {
            for (String part : s.split("[,;|]")) {
                if (!part.isBlank()) {
                    types.add(part.strip());
                }
            }
        } else if (rawTypes instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s && !s.isBlank()) {
                    types.add(s.strip());
                } else {
                    problems.add("licenseTypes must hold strings");
                    break;
                }
            }
        } else if (rawTypes != null) {
            problems.add("licenseTypes must be a list of strings or a comma-separated string");
        }
        Map<String, String> extra = new LinkedHashMap<>();
        Object rawExtra = body.get("extra");
        if (rawExtra instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                    extra.put(String.valueOf(k), scalar(v));
                } else if (v != null) {
                    problems.add("extra." + k + " must be a string");
                }
            });
        } else if (rawExtra != null) {
            problems.add("extra must be an object of strings");
        }
        try {
            return new LeadInput(
                    text(body, "firstName").orElse(null),
                    text(body, "lastName").orElse(null),
                    text(body, "email").orElse(null),
                    text(body, "phone").orElse(null),
                    text(body, "licenseState").orElse(null),
                    text(body, "licenseNumber").orElse(null),
                    types,
                    text(body, "source").orElse(null),
                    extra);
        } catch (ApiError e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private LocationId location(Optional<String> requested) {
        return requested
                .map(this::locationId)
                .or(services::defaultLocation)
                .orElseThrow(() -> new ApiError(422, "unprocessable", "locationId is required"));
    }

    private LocationId locationId(String raw) {
        try {
            return new LocationId(raw);
        } catch (IllegalArgumentException e) {
            throw new ApiError(422, "unprocessable", "locationId is not valid");
        }
    }

    private static RecruitId recruitId(String raw) {
        try {
            return RecruitId.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "bad_request", "recruit ids are UUIDs");
        }
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new ApiError(400, "bad_request", name + " must be a whole number from " + min + " to " + max);
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    // ---- response shapes

    private static Map<String, Object> recruitSummary(Recruit r) {
        return Json.obj(
                "id", r.id().toString(),
                "locationId", r.location().value(),
                "firstName", r.name().first(),
                "lastName", r.name().last(),
                "email", r.email().map(EmailAddress::value).orElse(null),
                "phone", r.phone().map(PhoneNumber::e164).orElse(null),
                "licenseState", r.license().state().name(),
                "licenseNumber", r.license().number().orElse(null),
                "licenseTypes",
                        r.license().types().stream()
                                .map(LicenseType::name)
                                .sorted()
                                .toList(),
                "source", r.source(),
                "tags", r.tags().stream().sorted().toList(),
                "contactId", r.contactId().map(c -> c.value()).orElse(null),
                "dnd", r.consent().dnd(),
                "optedOutAt", r.consent().optedOutAt().map(Instant::toString).orElse(null),
                "acceptedAt", r.acceptedAt().toString(),
                "introSentAt", r.introSentAt().map(Instant::toString).orElse(null),
                "speedToLeadSeconds", r.speedToLead().map(AdminRoutes::seconds).orElse(null));
    }

    private static Map<String, Object> opportunity(Opportunity o) {
        return Json.obj(
                "id",
                o.id().toString(),
                "pipelineId",
                o.pipeline().toString(),
                "stage",
                o.stage().name(),
                "status",
                o.status().name(),
                "monetaryValue",
                o.monetaryValue().toPlainString(),
                "updatedAt",
                o.updatedAt().toString());
    }

    private static Map<String, Object> step(StepRecord s) {
        return Json.obj(
                "step",
                s.step().name(),
                "state",
                s.state().name(),
                "attempts",
                s.attempts(),
                "ref",
                s.ref().orElse(null),
                "detail",
                s.detail().orElse(null),
                "notBefore",
                s.notBefore().map(Instant::toString).orElse(null),
                "updatedAt",
                s.updatedAt().toString());
    }

    private static Map<String, Object> message(MessageRecord m) {
        return Json.obj(
                "channel",
                m.channel().name(),
                "state",
                m.state().name(),
                "messageId",
                m.messageId().map(Object::toString).orElse(null),
                "detail",
                m.detail().orElse(null),
                "updatedAt",
                m.updatedAt().toString());
    }

    private static Map<String, Object> appointment(Appointment a) {
        return Json.obj(
                "id",
                a.id().value(),
                "calendarId",
                a.calendar().value(),
                "contactId",
                a.contact().value(),
                "title",
                a.title(),
                "start",
                a.start().toString(),
                "end",
                a.end().toString(),
                "status",
                a.status().name());
    }

    private static Map<String, Object> inboxEvent(InboxEvent e) {
        return Json.obj(
                "webhookId",
                e.event().webhookId(),
                "type",
                e.event().type(),
                "locationId",
                e.event().locationId().orElse(null),
                "contactId",
                e.event().contactId().orElse(null),
                "timestamp",
                e.event().timestamp().toString(),
                "receivedAt",
                e.event().receivedAt().toString(),
                "status",
                e.status().name(),
                "attempts",
                e.attempts(),
                "lastError",
                e.lastError().orElse(null),
                "nextAttemptAt",
                e.nextAttemptAt().map(Instant::toString).orElse(null));
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
