package io.recruitflow.adapter.webhook;

import io.javalin.http.Context;
import io.recruitflow.adapter.webhook.ApiBodies.AlertBody;
import io.recruitflow.adapter.webhook.ApiBodies.AppointmentBody;
import io.recruitflow.adapter.webhook.ApiBodies.ConversionBody;
import io.recruitflow.adapter.webhook.ApiBodies.DecisionBody;
import io.recruitflow.adapter.webhook.ApiBodies.EmergenciesEnded;
import io.recruitflow.adapter.webhook.ApiBodies.EmergencyBody;
import io.recruitflow.adapter.webhook.ApiBodies.EmergencyList;
import io.recruitflow.adapter.webhook.ApiBodies.ErrorBody;
import io.recruitflow.adapter.webhook.ApiBodies.EventPage;
import io.recruitflow.adapter.webhook.ApiBodies.FollowUpBody;
import io.recruitflow.adapter.webhook.ApiBodies.FunnelBody;
import io.recruitflow.adapter.webhook.ApiBodies.ImportSummary;
import io.recruitflow.adapter.webhook.ApiBodies.ImportTooLarge;
import io.recruitflow.adapter.webhook.ApiBodies.ImportedColumn;
import io.recruitflow.adapter.webhook.ApiBodies.ImportedRow;
import io.recruitflow.adapter.webhook.ApiBodies.InboxEventBody;
import io.recruitflow.adapter.webhook.ApiBodies.InboxStatsBody;
import io.recruitflow.adapter.webhook.ApiBodies.Intake;
import io.recruitflow.adapter.webhook.ApiBodies.IntakeRejected;
import io.recruitflow.adapter.webhook.ApiBodies.MessageBody;
import io.recruitflow.adapter.webhook.ApiBodies.NewEmergency;
import io.recruitflow.adapter.webhook.ApiBodies.NewPresentation;
import io.recruitflow.adapter.webhook.ApiBodies.NewRecruit;
import io.recruitflow.adapter.webhook.ApiBodies.OpportunityBody;
import io.recruitflow.adapter.webhook.ApiBodies.ReasonBody;
import io.recruitflow.adapter.webhook.ApiBodies.RecruitDetail;
import io.recruitflow.adapter.webhook.ApiBodies.RecruitPage;
import io.recruitflow.adapter.webhook.ApiBodies.RecruitSummary;
import io.recruitflow.adapter.webhook.ApiBodies.RejectedRow;
import io.recruitflow.adapter.webhook.ApiBodies.ReplyReviewBody;
import io.recruitflow.adapter.webhook.ApiBodies.ReplyReviewPage;
import io.recruitflow.adapter.webhook.ApiBodies.ResolveReply;
import io.recruitflow.adapter.webhook.ApiBodies.SpeedToLeadBody;
import io.recruitflow.adapter.webhook.ApiBodies.StageBody;
import io.recruitflow.adapter.webhook.ApiBodies.StepBody;
import io.recruitflow.adapter.webhook.ApiBodies.Text;
import io.recruitflow.application.importleads.ColumnMapping;
import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.importleads.LeadField;
import io.recruitflow.application.importleads.LeadFileReader;
import io.recruitflow.application.intakerecruit.IntakeAcceptance;
import io.recruitflow.application.intakerecruit.IntakeRecruitCommand;
import io.recruitflow.application.port.InboxEvent;
import io.recruitflow.application.port.InboxStats;
import io.recruitflow.application.port.InboxStatus;
import io.recruitflow.application.recruitingfunnel.Funnel;
import io.recruitflow.application.recruitingfunnel.FunnelQuery;
import io.recruitflow.application.replies.ReviewRepliesUseCase;
import io.recruitflow.application.schedulepresentation.BookingResult;
import io.recruitflow.application.schedulepresentation.SchedulePresentationCommand;
import io.recruitflow.application.viewrecruit.RecruitView;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.message.ComplianceEntry;
import io.recruitflow.domain.message.ComplianceVerdict;
import io.recruitflow.domain.message.DeclaredEmergency;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.RecruitReply;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.recruit.LeadInput;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Page;
import io.recruitflow.domain.shared.PersonalData;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * The admin API: JSON over the application's use cases, its bodies the typed records of {@link ApiBodies}.
 * Every route is behind {@link AdminAuth}. Bad requests get a 4xx with {@code {"error", "message"}}; the
 * server's exception handler turns anything unexpected into a bare 500.
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
    private final long importMaxBytes;

    /** @param importMaxBytes the largest lead file {@link #importRecruits} takes ({@link WebhookConfig#importMaxBytes()}) */
    AdminRoutes(AdminServices services, long importMaxBytes) {
        this.services = services;
        this.importMaxBytes = importMaxBytes;
    }

    // POST /api/recruits
    void createRecruit(Context ctx) {
        NewRecruit body = body(ctx, NewRecruit.class);
        LocationId location = location(text(body.locationId(), "locationId"));
        List<String> problems = new ArrayList<>();
        LeadInput lead = leadInput(body, problems);
        if (!problems.isEmpty()) {
            throw new ApiError(422, "unprocessable", String.join("; ", problems));
        }
        IntakeAcceptance acceptance = services.intake().accept(new IntakeRecruitCommand(location, lead));
        if (acceptance instanceof IntakeAcceptance.Accepted a) {
            ctx.header("Location", "/api/recruits/" + a.recruit());
            json(ctx, 201, new Intake(a.recruit().toString(), "accepted"));
        } else if (acceptance instanceof IntakeAcceptance.AlreadyKnown k) {
            ctx.header("Location", "/api/recruits/" + k.recruit());
            json(ctx, 200, new Intake(k.recruit().toString(), "already_known"));
        } else {
            IntakeAcceptance.Rejected r = (IntakeAcceptance.Rejected) acceptance;
            json(ctx, 422, new IntakeRejected("unprocessable", r.reason(), List.of(r.reason())));
        }
    }

    // POST /api/recruits/import?location=&map=First%20Name%3DAgent%20First%20Name&map=... (or locationId=)
    void importRecruits(Context ctx) {
        String contentType = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("text/csv")) {
            throw new ApiError(415, "unsupported_media_type", "send the lead file as text/csv");
        }
        LocationId location = location(importLocation(ctx));
        ColumnMapping mapping;
        try {
            mapping = ColumnMapping.parse(ctx.queryParams("map"));
        } catch (IllegalArgumentException e) {
            throw new ApiError(422, "bad_mapping", "map: " + e.getMessage());
        }
        // A declared length over the limit is refused before a byte is read, so nothing is imported.
        long declared = ctx.req().getContentLengthLong();
        if (declared > importMaxBytes) {
            answerThenDrain(
                    ctx,
                    413,
                    new ErrorBody(
                            "payload_too_large",
                            "the lead file is " + declared + " bytes, more than the " + importMaxBytes
                                    + " bytes an import takes (RECRUITFLOW_IMPORT_MAX_BYTES); split it"));
            return;
        }
        BoundedBody body = new BoundedBody(ctx.bodyInputStream(), importMaxBytes);
        ImportReport report;
        try {
            report = services.imports().importLeads(new ImportLeadsCommand(location, body, mapping));
        } catch (LeadFileReader.BadLeadFileException e) {
            answerThenDrain(
                    ctx, body.exceeded() ? 413 : 422, body.exceeded() ? tooLarge() : badLeadFile(e.getMessage()));
            return;
        } catch (ImportLeadsUseCase.LocationNotReachable e) {
            answerThenDrain(ctx, 422, new ErrorBody("location_not_installed", e.getMessage()));
            return;
        } catch (RuntimeException e) {
            if (body.exceeded()) {
                answerThenDrain(ctx, 413, tooLarge());
                return;
            }
            throw e;
        }
        if (body.exceeded()) {
            // A streamed body (no Content-Length) went past the limit: the rows before it are accepted (durably, in
            // batches as they were read), the row the limit cut and everything after it are not.
            answerThenDrain(
                    ctx,
                    413,
                    new ImportTooLarge(
                            "payload_too_large",
                            "the lead file is larger than the " + importMaxBytes
                                    + " bytes an import takes (RECRUITFLOW_IMPORT_MAX_BYTES): the rows before the "
                                    + "limit were imported (see accepted and known), nothing after it; split the file",
                            importMaxBytes,
                            report.acceptedCount(),
                            report.knownCount(),
                            report.accepted().stream().map(AdminRoutes::row).toList(),
                            report.known().stream().map(AdminRoutes::row).toList()));
            return;
        }
        // Accepted leads are durable now; their intake sagas run as background jobs. A row too long to read
        // ended the reading: what is left of the body is drained, not read.
        answerThenDrain(
                ctx,
                202,
                new ImportSummary(
                        report.rows(),
                        report.acceptedCount(),
                        report.knownCount(),
                        report.rejectedCount(),
                        report.accepted().stream().map(AdminRoutes::row).toList(),
                        report.known().stream().map(AdminRoutes::row).toList(),
                        report.rejected().stream()
                                .map(r -> new RejectedRow(r.row(), r.reason()))
                                .toList(),
                        report.layout().map(l -> l.encoding().label()).orElse(null),
                        report.layout()
                                .map(l -> l.columns().stream()
                                        .map(c -> new ImportedColumn(
                                                c.header(),
                                                c.field().map(LeadField::label).orElse(null),
                                                c.customField().orElse(null),
                                                c.mapped()))
                                        .toList())
                                .orElse(List.of())));
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
                new RecruitPage(
                        page.items().stream().map(AdminRoutes::recruitSummary).toList(),
                        page.next().orElse(null)));
    }

    // GET /api/recruits/{id}
    void getRecruit(Context ctx) {
        RecruitId id = recruitId(ctx.pathParam("id"));
        RecruitView view =
                services.recruits().view(id).orElseThrow(() -> new ApiError(404, "not_found", "no recruit " + id));
        json(
                ctx,
                200,
                RecruitDetail.of(
                        recruitSummary(view.recruit()),
                        view.opportunity().map(o -> o.stage().name()).orElse(null),
                        view.opportunity().map(AdminRoutes::opportunity).orElse(null),
                        view.steps().stream().map(AdminRoutes::step).toList(),
                        view.intro().map(AdminRoutes::message).orElse(null),
                        view.appointments().stream()
                                .map(AdminRoutes::appointment)
                                .toList(),
                        view.messages().stream().map(AdminRoutes::message).toList(),
                        view.recruit().addressState().map(UsState::name).orElse(null),
                        view.decisions().stream().map(AdminRoutes::decision).toList(),
                        view.followUps().stream()
                                .map(f -> FollowUpBody.of(f, view.messages()))
                                .toList(),
                        view.alerts().stream().map(AlertBody::of).toList()));
    }

    // GET /api/compliance/emergencies
    void listEmergencies(Context ctx) {
        json(
                ctx,
                200,
                new EmergencyList(services.emergencies().inForceOrAnnounced().stream()
                        .map(AdminRoutes::emergency)
                        .toList()));
    }

    // POST /api/compliance/emergencies  {"state": "LA", "until": "2026-12-10", "from"?: ..., "reason"?: "..."}
    void declareEmergency(Context ctx) {
        NewEmergency body = body(ctx, NewEmergency.class);
        UsState state = state(Optional.of(text(body.state(), "state")
                .orElseThrow(() -> new ApiError(422, "unprocessable", "state is required (e.g. LA)"))));
        Instant until = when(
                text(body.until(), "until")
                        .orElseThrow(() -> new ApiError(
                                422, "unprocessable", "until is required: a date (2026-12-10) or an instant")),
                state,
                "until",
                true);
        Optional<Instant> from = text(body.from(), "from").map(raw -> when(raw, state, "from", false));
        DeclaredEmergency declared;
        try {
            declared = services.emergencies().declare(state, from, until, text(body.reason(), "reason"));
        } catch (IllegalArgumentException e) {
            throw new ApiError(422, "unprocessable", e.getMessage());
        }
        ctx.header("Location", "/api/compliance/emergencies");
        json(ctx, 201, emergency(declared));
    }

    // DELETE /api/compliance/emergencies/{state}
    void endEmergency(Context ctx) {
        UsState state = state(Optional.of(ctx.pathParam("state")));
        List<DeclaredEmergency> ended = services.emergencies().end(state);
        if (ended.isEmpty()) {
            throw new ApiError(404, "not_found", "no emergency declared for " + state.name());
        }
        json(
                ctx,
                200,
                new EmergenciesEnded(
                        state.name(), ended.stream().map(AdminRoutes::emergency).toList()));
    }

    // POST /api/recruits/{id}/presentation   (body optional: {"start": ISO-8601})
    void bookPresentation(Context ctx) {
        RecruitId id = recruitId(ctx.pathParam("id"));
        Optional<Instant> start = Optional.empty();
        if (!ctx.body().isBlank()) {
            Optional<String> raw = text(body(ctx, NewPresentation.class).start(), "start");
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
        Map<String, Long> messages = new LinkedHashMap<>();
        new EnumMap<>(f.messages()).forEach((state, n) -> messages.put(state.name(), n));
        Map<String, Long> deliveries = new LinkedHashMap<>();
        f.deliveries().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> deliveries.put(e.getKey().name(), e.getValue()));
        json(
                ctx,
                200,
                new FunnelBody(
                        f.recruits(),
                        f.won(),
                        f.lost(),
                        f.stages().stream()
                                .map(s -> new StageBody(s.stage().name(), s.name(), s.count()))
                                .toList(),
                        f.conversions().stream()
                                .map(c -> new ConversionBody(
                                        c.from().name(),
                                        c.to().name(),
                                        c.reachedFrom(),
                                        c.reachedTo(),
                                        c.rate().orElse(null)))
                                .toList(),
                        new SpeedToLeadBody(
                                f.speedToLeadMedian().map(AdminRoutes::seconds).orElse(null),
                                f.speedToLeadP95().map(AdminRoutes::seconds).orElse(null),
                                f.speedToLeadSamples()),
                        messages,
                        deliveries,
                        f.notDelivered().stream()
                                .map(t -> new ApiBodies.NotDeliveredBody(
                                        t.key().value(),
                                        t.contact().value(),
                                        t.channel().name(),
                                        t.status().name(),
                                        PersonalData.mask(t.reason()),
                                        t.reportedAt().toString(),
                                        t.retrying()))
                                .toList()));
    }

    // GET /api/events/stats
    void eventStats(Context ctx) {
        InboxStats s = services.inbox().stats();
        json(
                ctx,
                200,
                new InboxStatsBody(s.stored(), s.duplicates(), s.processed(), s.failed(), s.dead(), s.ignored()));
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
                new EventPage(events.stream().map(AdminRoutes::inboxEvent).toList()));
    }

    // GET /api/replies/review?limit=   (open reviews, oldest first; each holds every text to its recruit)
    void repliesToReview(Context ctx) {
        int limit = intParam(ctx, "limit", 100, 1, MAX_LIST_LIMIT);
        json(
                ctx,
                200,
                new ReplyReviewPage(services.replies().open(limit).stream()
                        .map(AdminRoutes::review)
                        .toList()));
    }

    // POST /api/replies/{id}/resolve   {"optOut": true|false, "decidedBy": "optional name"}
    void resolveReply(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.isBlank() || id.length() > 200) {
            throw new ApiError(400, "bad_request", "reply ids are 1 to 200 characters");
        }
        ResolveReply body = body(ctx, ResolveReply.class);
        String optOut = text(body.optOut(), "optOut")
                .orElseThrow(() -> new ApiError(422, "unprocessable", "optOut is required: true or false"));
        if (!optOut.equals("true") && !optOut.equals("false")) {
            throw new ApiError(422, "unprocessable", "optOut must be true or false");
        }
        Optional<String> by = text(body.decidedBy(), "decidedBy").map(String::strip);
        if (by.isPresent() && by.get().length() > 100) {
            throw new ApiError(422, "unprocessable", "decidedBy is at most 100 characters");
        }
        String decidedBy = by.map(name -> "admin API: " + name).orElse("admin API");
        ReviewRepliesUseCase.Resolution result =
                services.replies().resolve(id, Boolean.parseBoolean(optOut), decidedBy);
        if (result instanceof ReviewRepliesUseCase.Resolution.Decided d) {
            json(ctx, 200, review(d.reply()));
        } else if (result instanceof ReviewRepliesUseCase.Resolution.AlreadyDecided) {
            throw new ApiError(409, "already_decided", "reply " + id + " was decided already");
        } else {
            throw new ApiError(404, "not_found", "no reply under review " + id);
        }
    }

    /** The body went past the limit before the reader could say what it had read. */
    private ErrorBody tooLarge() {
        return new ErrorBody(
                "payload_too_large",
                "the lead file is larger than the " + importMaxBytes
                        + " bytes an import takes (RECRUITFLOW_IMPORT_MAX_BYTES); nothing after the limit was "
                        + "imported; split it");
    }

    private static ErrorBody badLeadFile(String message) {
        return new ErrorBody("bad_lead_file", message);
    }

    /** How long an import's answer waits, after it is sent, for the client to stop sending the rest of its body. */
    static final Duration LINGER = Duration.ofSeconds(3);

    /**
     * Sends the answer at once, then reads and discards what is left of the request body, for at most
     * {@link #LINGER} and {@link WebhookReceiver#DISCARD_LIMIT} bytes. A client still sending a body the server
     * stopped reading (at the size limit, or after a row too long to read) would otherwise lose the answer:
     * closing a socket with unread input resets the connection, and the reset discards what the client had not
     * read yet. One small buffer, nothing kept.
     */
    private static void answerThenDrain(Context ctx, int status, Object body) {
        byte[] bytes = ApiJson.write(body).getBytes(StandardCharsets.UTF_8);
        HttpServletResponse res = ctx.res();
        res.setStatus(status);
        res.setContentType("application/json");
        res.setContentLength(bytes.length);
        try {
            res.getOutputStream().write(bytes);
            res.flushBuffer();
            BoundedBody.drain(ctx.req().getInputStream(), WebhookReceiver.DISCARD_LIMIT, LINGER);
        } catch (IOException gone) {
            // The client went away; it has the answer or does not want it.
        }
    }

    // ---- request helpers

    private static <T> T body(Context ctx, Class<T> type) {
        ApiJson.Read<T> read = ApiJson.read(ctx.body(), type);
        if (read.failure().isPresent()) {
            throw switch (read.failure().get()) {
                case NOT_JSON -> new ApiError(400, "bad_request", "the body is not well-formed JSON");
                case NOT_AN_OBJECT -> new ApiError(400, "bad_request", "the body must be a JSON object");
            };
        }
        return read.body().orElseThrow();
    }

    /** The field's text; absent when missing, null or blank; 422 when it is an object or an array. */
    private static Optional<String> text(Text field, String name) {
        if (field == null) {
            return Optional.empty();
        }
        if (!field.wellShaped()) {
            throw new ApiError(422, "unprocessable", name + " must be a string");
        }
        return Optional.ofNullable(field.value());
    }

    private static LeadInput leadInput(NewRecruit body, List<String> problems) {
        List<String> types = List.of();
        if (body.licenseTypes() != null) {
            if (body.licenseTypes().problem() != null) {
                problems.add(body.licenseTypes().problem());
            }
            types = body.licenseTypes().values();
        }
        Map<String, String> extra = Map.of();
        if (body.extra() != null) {
            problems.addAll(body.extra().problems());
            extra = body.extra().values();
        }
        try {
            return new LeadInput(
                    text(body.firstName(), "firstName").orElse(null),
                    text(body.lastName(), "lastName").orElse(null),
                    text(body.email(), "email").orElse(null),
                    text(body.phone(), "phone").orElse(null),
                    text(body.licenseState(), "licenseState").orElse(null),
                    text(body.licenseNumber(), "licenseNumber").orElse(null),
                    types,
                    text(body.source(), "source").orElse(null),
                    extra);
        } catch (ApiError e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    /** The import's {@code location} (the spelling) or {@code locationId} (the other routes'); not both. */
    private static Optional<String> importLocation(Context ctx) {
        Optional<String> location = Optional.ofNullable(ctx.queryParam("location"));
        Optional<String> locationId = Optional.ofNullable(ctx.queryParam("locationId"));
        if (location.isPresent() && locationId.isPresent() && !location.equals(locationId)) {
            throw new ApiError(422, "unprocessable", "location and locationId differ; send one");
        }
        return location.or(() -> locationId);
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

    private static UsState state(Optional<String> raw) {
        return raw.flatMap(UsState::parse)
                .orElseThrow(() -> new ApiError(
                        422, "unprocessable", "state must be a US state or territory, e.g. LA or Louisiana"));
    }

    /**
     * A date or an ISO-8601 instant: a date {@code until} is the end of that day everywhere in the state, a date
     * {@code from} its start anywhere in the state.
     */
    private static Instant when(String raw, UsState state, String name, boolean end) {
        return DeclaredEmergency.bound(raw, state, end)
                .orElseThrow(
                        () -> new ApiError(
                                422,
                                "unprocessable",
                                name
                                        + " must be a date (2026-12-10) or an ISO-8601 instant with an offset (2026-12-10T18:00:00Z)"));
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
        ctx.status(status).contentType("application/json").result(ApiJson.write(body));
    }

    // ---- response shapes

    private static ImportedRow row(ImportReport.Row r) {
        return new ImportedRow(r.row(), r.recruit().toString());
    }

    private static RecruitSummary recruitSummary(Recruit r) {
        return new RecruitSummary(
                r.id().toString(),
                r.location().value(),
                r.name().first(),
                r.name().last(),
                r.email().map(EmailAddress::value).orElse(null),
                r.phone().map(PhoneNumber::e164).orElse(null),
                r.license().state().name(),
                r.license().number().orElse(null),
                r.license().types().stream().map(LicenseType::name).sorted().toList(),
                r.source(),
                r.tags().stream().sorted().toList(),
                r.contactId().map(c -> c.value()).orElse(null),
                r.consent().dnd(),
                r.consent().optedOutAt().map(Instant::toString).orElse(null),
                r.acceptedAt().toString(),
                r.introSentAt().map(Instant::toString).orElse(null),
                r.speedToLead().map(AdminRoutes::seconds).orElse(null));
    }

    private static OpportunityBody opportunity(Opportunity o) {
        return new OpportunityBody(
                o.id().toString(),
                o.pipeline().toString(),
                o.stage().name(),
                o.status().name(),
                o.monetaryValue().toPlainString(),
                o.updatedAt().toString());
    }

    private static StepBody step(StepRecord s) {
        return new StepBody(
                s.step().name(),
                s.state().name(),
                s.attempts(),
                s.ref().orElse(null),
                s.detail().map(PersonalData::mask).orElse(null),
                s.notBefore().map(Instant::toString).orElse(null),
                s.updatedAt().toString());
    }

    private static MessageBody message(MessageRecord m) {
        return new MessageBody(
                m.key().value(),
                m.channel().name(),
                m.state().name(),
                m.messageId().map(Object::toString).orElse(null),
                m.detail().map(PersonalData::mask).orElse(null),
                m.updatedAt().toString(),
                m.attempts(),
                m.delivery()
                        .map(d -> d.status().name().toLowerCase(java.util.Locale.ROOT))
                        .orElse(null),
                m.delivery().flatMap(d -> d.reason()).map(PersonalData::mask).orElse(null),
                m.delivery().map(d -> d.notDelivered() ? d.retryable() : null).orElse(null),
                m.delivery().map(d -> d.reportedAt().toString()).orElse(null));
    }

    private static DecisionBody decision(ComplianceEntry e) {
        ComplianceVerdict v = e.verdict();
        Map<String, String> states = new LinkedHashMap<>();
        v.where().jurisdictions().forEach((state, why) -> states.put(state.name(), why));
        Map<String, String> zones = new LinkedHashMap<>();
        v.where().zones().forEach((zone, why) -> zones.put(zone.getId(), why));
        return new DecisionBody(
                e.message().value(),
                e.channel().name(),
                v.outcome().name().toLowerCase(Locale.ROOT),
                v.notBefore().map(Instant::toString).orElse(null),
                v.decidedAt().toString(),
                v.reasons().stream()
                        .map(r -> new ReasonBody(r.rule(), r.text(), r.detail(), r.source()))
                        .toList(),
                states,
                zones,
                v.textsCounted().stream().map(Instant::toString).toList(),
                v.rulesSwitchedOff());
    }

    private static EmergencyBody emergency(DeclaredEmergency e) {
        return new EmergencyBody(
                e.state().name(), e.from().toString(), e.until().toString(), e.reason());
    }

    private static AppointmentBody appointment(Appointment a) {
        return new AppointmentBody(
                a.id().value(),
                a.calendar().value(),
                a.contact().value(),
                a.title(),
                a.start().toString(),
                a.end().toString(),
                a.status().name());
    }

    private static InboxEventBody inboxEvent(InboxEvent e) {
        return new InboxEventBody(
                e.event().webhookId(),
                e.event().type(),
                e.event().locationId().orElse(null),
                e.event().contactId().orElse(null),
                e.event().timestamp().toString(),
                e.event().receivedAt().toString(),
                e.status().name(),
                e.attempts(),
                // Also rows stored before errors were masked at the source.
                e.lastError().map(PersonalData::mask).orElse(null),
                e.nextAttemptAt().map(Instant::toString).orElse(null));
    }

    private static ReplyReviewBody review(RecruitReply r) {
        return new ReplyReviewBody(
                r.id(),
                r.recruit().toString(),
                r.location().value(),
                r.contact().value(),
                r.receivedAt().toString(),
                r.body().orElse(null),
                r.why(),
                r.decision().map(d -> d.optOut() ? "opted_out" : "released").orElse("open"),
                r.decision().map(RecruitReply.Decision::decidedBy).orElse(null),
                r.decision().map(d -> d.decidedAt().toString()).orElse(null),
                r.answer().orElse(null));
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
