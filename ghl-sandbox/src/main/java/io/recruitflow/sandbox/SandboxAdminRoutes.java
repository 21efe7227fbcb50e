package io.recruitflow.sandbox;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's own API under {@code /_sandbox/}: not GHL's, never rate limited, not counted in
 * {@code requests}. Credentials, webhook keys and subscriptions, stats, reset, faults, and drivers
 * that play the other side of GHL: a recruit replying or booking, an appointment showing up, a user
 * moving an opportunity in GHL's UI.
 */
final class SandboxAdminRoutes {
    private final Engine engine;
    private final OpportunityRoutes opportunities;
    private final ConversationRoutes conversations;
    private final CalendarRoutes calendars;
    private final RecruitBehaviour behaviour;
    private final Simulations simulations;

    SandboxAdminRoutes(
            Engine engine,
            OpportunityRoutes opportunities,
            ConversationRoutes conversations,
            CalendarRoutes calendars,
            RecruitBehaviour behaviour,
            Simulations simulations) {
        this.engine = engine;
        this.opportunities = opportunities;
        this.conversations = conversations;
        this.calendars = calendars;
        this.behaviour = behaviour;
        this.simulations = simulations;
    }

    void register(ApiServer.Routes routes) {
        routes.admin(HandlerType.GET, "/_sandbox/credentials", ctx -> json(ctx, 200, credentialsJson()));
        routes.admin(
                HandlerType.GET,
                "/_sandbox/webhook-keys",
                ctx -> json(
                        ctx,
                        200,
                        Json.obj("ed25519", engine.signer.ed25519PublicPem(), "rsa", engine.signer.rsaPublicPem())));
        routes.admin(HandlerType.POST, "/_sandbox/webhooks", this::subscribe);
        routes.admin(HandlerType.GET, "/_sandbox/webhooks", ctx -> {
            List<String> urls = new ArrayList<>();
            engine.webhooks.subscribers().forEach(u -> urls.add(u.toString()));
            json(ctx, 200, Json.obj("urls", urls));
        });
        routes.admin(HandlerType.DELETE, "/_sandbox/webhooks", ctx -> {
            engine.webhooks.unsubscribeAll();
            json(ctx, 200, Json.obj("urls", List.of()));
        });
        routes.admin(HandlerType.GET, "/_sandbox/webhooks/deliveries", ctx -> {
            List<Object> deliveries = new ArrayList<>();
            engine.webhooks.deliveries().forEach(d -> deliveries.add(d.toJson()));
            json(ctx, 200, Json.obj("deliveries", deliveries));
        });
        routes.admin(HandlerType.GET, "/_sandbox/webhooks/pending", ctx -> {
            List<Object> pending = new ArrayList<>();
            engine.webhooks.pending().forEach(p -> pending.add(p.toJson()));
            json(ctx, 200, Json.obj("pending", pending));
        });
        routes.admin(HandlerType.GET, "/_sandbox/clock", ctx -> json(ctx, 200, clockJson()));
        routes.admin(HandlerType.POST, "/_sandbox/clock", this::advanceClock);
        routes.admin(HandlerType.GET, "/_sandbox/stats", ctx -> json(ctx, 200, statsJson(engine.stats())));
        routes.admin(HandlerType.POST, "/_sandbox/reset", ctx -> {
            engine.reset();
            json(ctx, 200, Json.obj("reset", true));
        });
        routes.admin(HandlerType.POST, "/_sandbox/faults", this::faults);
        routes.admin(HandlerType.GET, "/_sandbox/faults", ctx -> json(ctx, 200, faultsJson()));
        routes.admin(HandlerType.DELETE, "/_sandbox/faults", ctx -> {
            engine.faults.clear();
            json(ctx, 200, faultsJson());
        });
        routes.admin(HandlerType.POST, "/_sandbox/inbound", this::inbound);
        routes.admin(HandlerType.POST, "/_sandbox/book", this::book);
        routes.admin(HandlerType.POST, "/_sandbox/appointments/{id}/status", this::appointmentStatus);
        routes.admin(HandlerType.POST, "/_sandbox/appointments/{id}/reschedule", this::reschedule);
        routes.admin(
                HandlerType.POST,
                "/_sandbox/appointments/{id}/cancel",
                ctx -> json(
                        ctx,
                        200,
                        Json.obj(
                                "appointment",
                                behaviour.mark(ctx.pathParam("id"), "cancelled").mutableCopy())));
        routes.admin(HandlerType.POST, "/_sandbox/simulations", this::scheduleSimulation);
        routes.admin(HandlerType.GET, "/_sandbox/simulations", ctx -> json(ctx, 200, simulationsJson()));
        routes.admin(HandlerType.DELETE, "/_sandbox/simulations", ctx -> {
            simulations.clear();
            json(ctx, 200, simulationsJson());
        });
        routes.admin(HandlerType.POST, "/_sandbox/opportunities/{id}/stage", this::moveStage);
        routes.admin(HandlerType.GET, "/_sandbox/opportunities", this::listOpportunities);
        routes.admin(HandlerType.POST, "/_sandbox/uninstall", this::uninstall);
        routes.admin(HandlerType.POST, "/_sandbox/install", this::install);
        routes.admin(HandlerType.GET, "/_sandbox/workflows", ctx -> json(ctx, 200, workflowsJson()));
        routes.admin(HandlerType.POST, "/_sandbox/workflows/{id}/triggers", this::addTrigger);
    }

    Map<String, Object> credentialsJson() {
        List<Object> locations = new ArrayList<>();
        for (Store.Location location : engine.store.locations) {
            locations.add(Json.obj(
                    "id",
                    location.id(),
                    "name",
                    location.name(),
                    "privateIntegrationToken",
                    engine.privateIntegrationTokens.get(location.id())));
        }
        return Json.obj(
                "companyId",
                Store.COMPANY_ID,
                "locations",
                locations,
                "oauth",
                Json.obj("clientId", engine.oauthClientId, "clientSecret", engine.oauthClientSecret));
    }

    static Map<String, Object> statsJson(SandboxStats stats) {
        return Json.obj(
                "contacts",
                stats.contacts(),
                "opportunities",
                stats.opportunities(),
                "conversations",
                stats.conversations(),
                "messagesByType",
                stats.messagesByType(),
                "inboundMessages",
                stats.inboundMessages(),
                "workflowEnrollments",
                stats.workflowEnrollments(),
                "appointments",
                stats.appointments(),
                "duplicateContacts",
                stats.duplicateContacts(),
                "duplicateMessages",
                stats.duplicateMessages(),
                "requests",
                stats.requests(),
                "rateLimited",
                stats.rateLimited(),
                "webhooksDelivered",
                stats.webhooksDelivered(),
                "webhooksFailed",
                stats.webhooksFailed(),
                "byLocation",
                byLocationJson(stats));
    }

    private static Map<String, Object> byLocationJson(SandboxStats stats) {
        Map<String, Object> byLocation = new java.util.LinkedHashMap<>();
        stats.byLocation()
                .forEach((id, l) -> byLocation.put(
                        id,
                        Json.obj(
                                "requests",
                                l.requests(),
                                "rateLimited",
                                l.rateLimited(),
                                "contacts",
                                l.contacts(),
                                "opportunities",
                                l.opportunities(),
                                "messagesByType",
                                new java.util.TreeMap<>(l.messagesByType()),
                                "workflowEnrollments",
                                l.workflowEnrollments(),
                                "duplicateContacts",
                                l.duplicateContacts(),
                                "duplicateMessages",
                                l.duplicateMessages(),
                                "locationTokens",
                                l.locationTokens(),
                                "opportunitiesByAssignee",
                                l.opportunitiesByAssignee(),
                                "contactsByAssignee",
                                l.contactsByAssignee())));
        return byLocation;
    }

    /** The seeded workflows and their "Contact Tag added" triggers. */
    private Map<String, Object> workflowsJson() {
        Map<String, List<String>> triggers = engine.store.triggerTagsByWorkflow();
        List<Object> workflows = new ArrayList<>();
        for (Store.Workflow workflow : engine.store.workflows) {
            List<Object> workflowTriggers = new ArrayList<>();
            triggers.getOrDefault(workflow.id(), List.of())
                    .forEach(tag -> workflowTriggers.add(Json.obj("type", "contact_tag_added", "tag", tag)));
            workflows.add(Json.obj("id", workflow.id(), "name", workflow.name(), "triggers", workflowTriggers));
        }
        return Json.obj("workflows", workflows);
    }

    /** Adds a "Contact Tag added" trigger to a workflow: {@code {"tag": "NAME"}}. */
    private void addTrigger(Context ctx) {
        Store.Workflow workflow = engine.store.workflow(ctx.pathParam("id"));
        if (workflow == null) {
            throw ApiException.notFound("Workflow not found");
        }
        Map<String, Object> body = Json.parseObject(ctx.body());
        String type = Json.string(body, "type");
        String tag = Json.string(body, "tag");
        if ((type != null && !type.equals("contact_tag_added")) || tag == null || tag.isBlank()) {
            throw ApiException.unprocessable("a trigger is {\"type\": \"contact_tag_added\", \"tag\": \"NAME\"}");
        }
        engine.store.addTrigger(workflow.id(), tag.strip());
        json(ctx, 201, workflowsJson());
    }

    private void subscribe(Context ctx) {
        String url = Json.string(Json.parseObject(ctx.body()), "url");
        URI uri;
        try {
            uri = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
            throw ApiException.unprocessable("url must be an http(s) URL");
        }
        engine.webhooks.subscribe(uri);
        json(ctx, 201, Json.obj("url", uri.toString()));
    }

    private Map<String, Object> clockJson() {
        return Json.obj("now", engine.now(), "advancedBy", engine.clock.offset().toString());
    }

    /** Simulated time passes: {@code {"advance": "10m"}} (or {@code 600s}, {@code PT10M}); due webhook retries go out. */
    private void advanceClock(Context ctx) {
        String advance = Json.string(Json.parseObject(ctx.body()), "advance");
        Duration by;
        try {
            by = advance == null
                    ? null
                    : advance.strip().toUpperCase(java.util.Locale.ROOT).startsWith("P")
                            ? Duration.parse(advance.strip())
                            : GhlSandboxMain.duration(advance);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            by = null;
        }
        if (by == null || by.isNegative()) {
            throw ApiException.unprocessable("advance must be a duration forward, e.g. 10m, 600s or PT10M");
        }
        engine.clock.advance(by);
        simulations.runDue();
        json(ctx, 200, clockJson());
    }

    private void faults(Context ctx) {
        Map<String, Object> body = Json.parseObject(ctx.body());
        if (Boolean.TRUE.equals(body.get("clear"))) {
            engine.faults.clear();
        } else {
            engine.faults.configure(body);
        }
        json(ctx, 200, faultsJson());
    }

    private Map<String, Object> faultsJson() {
        List<Object> rules = new ArrayList<>();
        engine.faults.rules().values().forEach(r -> rules.add(r.toJson()));
        return Json.obj("faults", rules);
    }

    /** A recruit replies: an inbound message on their conversation, InboundMessage and ConversationUnreadUpdate. */
    private void inbound(Context ctx) {
        Map<String, Object> body = Json.parseObject(ctx.body());
        Doc message =
                behaviour.reply(Json.string(body, "contactId"), Json.string(body, "body"), Json.string(body, "type"));
        json(ctx, 201, Json.obj("conversationId", message.str("conversationId"), "messageId", message.id()));
    }

    /** A recruit books through the booking widget: the given slot, or the next free one. */
    private void book(Context ctx) {
        Map<String, Object> body = Json.parseObject(ctx.body());
        behaviour.contact(Json.string(body, "contactId"));
        String calendarId = Json.string(body, "calendarId");
        if (calendarId != null && !calendarId.equals(Store.CALENDAR_ID)) {
            throw ApiException.notFound("Calendar not found");
        }
        Instant start = Json.string(body, "startTime") == null
                ? null
                : CalendarRoutes.instant(Json.string(body, "startTime"), "startTime");
        Doc appointment = behaviour.book(Json.string(body, "contactId"), start);
        json(ctx, 201, Json.obj("appointment", appointment.mutableCopy()));
    }

    /** The appointment's outcome as the user marks it in GHL: showed, noshow (or confirmed, cancelled, ...). */
    private void appointmentStatus(Context ctx) {
        String status = Json.string(Json.parseObject(ctx.body()), "status");
        Doc after = behaviour.mark(ctx.pathParam("id"), status);
        json(ctx, 200, Json.obj("appointment", after.mutableCopy()));
    }

    /** The recruit moves the appointment: {@code {"startTime"?}}, else the next free slot a day or more later. */
    private void reschedule(Context ctx) {
        behaviour.appointment(ctx.pathParam("id"));
        String startTime = ctx.body().isBlank() ? null : Json.string(Json.parseObject(ctx.body()), "startTime");
        Instant start = startTime == null ? null : CalendarRoutes.instant(startTime, "startTime");
        Doc after = behaviour.reschedule(ctx.pathParam("id"), start);
        json(ctx, 200, Json.obj("appointment", after.mutableCopy()));
    }

    /**
     * Schedules a recruit's action on the sandbox's clock: {@code {"at": instant | "after": duration, "action":
     * "reply" | "book" | "reschedule" | "cancel" | "mark", "contactId"?, "appointmentId"?, "body"?, "type"?,
     * "startTime"?, "status"?}}.
     */
    private void scheduleSimulation(Context ctx) {
        Map<String, Object> body = Json.parseObject(ctx.body());
        Instant at;
        try {
            if (Json.string(body, "at") != null) {
                at = CalendarRoutes.instant(Json.string(body, "at"), "at");
            } else if (Json.string(body, "after") != null) {
                String after = Json.string(body, "after").strip();
                at = engine.clock
                        .instant()
                        .plus(
                                after.toUpperCase(java.util.Locale.ROOT).startsWith("P")
                                        ? Duration.parse(after)
                                        : GhlSandboxMain.duration(after));
            } else {
                at = engine.clock.instant();
            }
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw ApiException.unprocessable("at must be an instant, or after a duration (10m, 1d, PT2H)");
        }
        Instant start = Json.string(body, "startTime") == null
                ? null
                : CalendarRoutes.instant(Json.string(body, "startTime"), "startTime");
        Simulation simulation;
        try {
            simulation = new Simulation(
                    Json.string(body, "action"),
                    Json.string(body, "contactId"),
                    Json.string(body, "appointmentId"),
                    Json.string(body, "body"),
                    Json.string(body, "type") == null ? "SMS" : Json.string(body, "type"),
                    start,
                    Json.string(body, "status"));
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
        if (simulation.contactId() != null) {
            behaviour.contact(simulation.contactId());
        }
        ScheduledSimulation scheduled = simulations.schedule(at, simulation);
        simulations.runDue();
        json(ctx, 201, Json.obj("simulation", scheduled.toJson()));
    }

    private Map<String, Object> simulationsJson() {
        List<Object> items = new ArrayList<>();
        simulations.list().forEach(s -> items.add(s.toJson()));
        return Json.obj("now", engine.now(), "simulations", items);
    }

    /** A user drags the opportunity to another stage in GHL's UI. */
    private void moveStage(Context ctx) {
        Doc opportunity = engine.store.opportunities.get(ctx.pathParam("id"));
        if (opportunity == null) {
            throw ApiException.notFound("Opportunity not found");
        }
        String stageId = Json.string(Json.parseObject(ctx.body()), "stageId");
        Store.Pipeline pipeline = engine.store.pipeline(opportunity.str("pipelineId"));
        if (stageId == null || pipeline.stage(stageId) == null) {
            throw ApiException.notFound("Pipeline stage not found");
        }
        Doc after = opportunities.change(opportunity, Map.of("pipelineStageId", stageId));
        json(ctx, 200, Json.obj("opportunity", opportunities.view(after)));
    }

    /**
     * Every opportunity of a location ({@code ?location=ID}, or all), oldest first, with its {@code assignedTo} and
     * its contact's: what routing assigned, read back without a GHL call.
     */
    private void listOpportunities(Context ctx) {
        String location = ctx.queryParam("location");
        if (location != null && engine.store.location(location) == null) {
            throw ApiException.notFound("Location not found");
        }
        List<Object> list = new ArrayList<>();
        engine.store.opportunities.values().stream()
                .filter(o -> location == null || location.equals(o.locationId()))
                .sorted(java.util.Comparator.comparingLong(Doc::seq))
                .forEach(o -> {
                    Doc contact = engine.store.contacts.get(String.valueOf(o.str("contactId")));
                    list.add(Json.obj(
                            "id",
                            o.id(),
                            "locationId",
                            o.locationId(),
                            "contactId",
                            o.str("contactId"),
                            "pipelineStageId",
                            o.str("pipelineStageId"),
                            "status",
                            o.str("status"),
                            "assignedTo",
                            o.str("assignedTo"),
                            "contactAssignedTo",
                            contact == null ? null : contact.str("assignedTo")));
                });
        json(ctx, 200, Json.obj("opportunities", list));
    }

    /** The location uninstalls the marketplace app: its OAuth tokens die and UNINSTALL is sent. */
    private void uninstall(Context ctx) {
        String locationId = Json.string(Json.parseObject(ctx.body()), "locationId");
        if (locationId == null || engine.store.location(locationId) == null) {
            throw ApiException.notFound("Location not found");
        }
        engine.tokens.revokeOAuth(locationId);
        engine.emit(Json.obj(
                "type", "UNINSTALL", "appId", engine.appId, "locationId", locationId, "companyId", Store.COMPANY_ID));
        json(ctx, 200, Json.obj("uninstalled", locationId));
    }

    /**
     * An INSTALL as GHL sends it for installs other than a location's own consent (which
     * {@code /oauth/chooselocation} sends): {@code agency} — on the company, no {@code locationId}
     * (AppInstall.md, "Agency Level App Install"); {@code futureLocation} — a location the agency's "future
     * locations" install reached: {@code locationId} without {@code companyId} and {@code userId} (AppInstall.md's
     * note); {@code bulk} — {@code companyId} with every location in {@code locationIds} (GHL's official SDK,
     * webhook-manager.ts); {@code otherApp} — a location install of another marketplace app.
     */
    private void install(Context ctx) {
        Map<String, Object> body = Json.parseObject(ctx.body());
        String kind = Json.string(body, "kind");
        String locationId =
                Json.string(body, "locationId") == null ? Store.PRIMARY_LOCATION : Json.string(body, "locationId");
        if (engine.store.location(locationId) == null) {
            throw ApiException.notFound("Location not found");
        }
        Map<String, Object> event = Json.obj("type", "INSTALL", "appId", engine.appId, "planId", "sandbox_plan");
        event.put("trial", Json.obj("onTrial", false));
        switch (kind == null ? "" : kind) {
            case "agency" -> event.put("companyId", Store.COMPANY_ID);
            case "futureLocation" -> event.put("locationId", locationId);
            case "bulk" -> {
                List<Object> all = new ArrayList<>();
                engine.store.locations.forEach(l -> all.add(l.id()));
                event.put("companyId", Store.COMPANY_ID);
                event.put("locationIds", all);
            }
            case "otherApp" -> {
                event.put("appId", GhlIds.hex(24));
                event.put("locationId", locationId);
                event.put("companyId", Store.COMPANY_ID);
            }
            default -> throw ApiException.unprocessable("kind must be one of agency, futureLocation, bulk, otherApp");
        }
        engine.emit(event);
        json(ctx, 200, Json.obj("sent", kind));
    }

    private static void json(Context ctx, int status, Map<String, Object> body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
