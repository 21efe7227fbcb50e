package io.recruitflow.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Opportunities: create, search (snake_case query), get, update (move stage), status, delete, pipelines. */
final class OpportunityRoutes {
    static final Set<String> STATUSES = Set.of("open", "won", "lost", "abandoned");
    private static final List<String> SEARCH_PARAMS = List.of(
            "q",
            "location_id",
            "pipeline_id",
            "pipeline_stage_id",
            "contact_id",
            "status",
            "assigned_to",
            "campaignId",
            "id",
            "order",
            "endDate",
            "startAfter",
            "startAfterId",
            "date",
            "country",
            "page",
            "limit",
            "getTasks",
            "getNotes",
            "getCalendarEvents");
    /** The fields of the opportunity webhook events (webhook-events/Opportunity*.md). */
    private static final List<String> EVENT_FIELDS = List.of(
            "locationId",
            "id",
            "assignedTo",
            "contactId",
            "monetaryValue",
            "name",
            "pipelineId",
            "pipelineStageId",
            "source",
            "status",
            "dateAdded");

    private final Engine engine;
    private final Store store;

    OpportunityRoutes(Engine engine) {
        this.engine = engine;
        this.store = engine.store;
    }

    void register(ApiServer.Routes routes) {
        routes.get("/opportunities/search", this::search);
        routes.get("/opportunities/pipelines", this::pipelines);
        routes.post("/opportunities/", this::create);
        routes.get(
                "/opportunities/{id}",
                call -> call.json(
                        200,
                        Json.obj(
                                "opportunity", view(call.owned(store.opportunities, call.path("id"), "Opportunity")))));
        routes.put("/opportunities/{id}/status", this::updateStatus);
        routes.put("/opportunities/{id}", this::update);
        routes.delete("/opportunities/{id}", this::delete);
    }

    private void create(ApiCall call) {
        Map<String, Object> body = call.body();
        List<String> problems = new ArrayList<>();
        for (String field : List.of("pipelineId", "locationId", "name", "status", "contactId")) {
            if (Json.string(body, field) == null || Json.string(body, field).isBlank()) {
                problems.add(field + " should not be empty");
            }
        }
        if (Json.string(body, "status") != null && !STATUSES.contains(Json.string(body, "status"))) {
            problems.add("status must be one of the following values: open, won, lost, abandoned, all");
        }
        if (body.get("monetaryValue") != null && !(body.get("monetaryValue") instanceof Number)) {
            problems.add("monetaryValue must be a number conforming to the specified constraints");
        }
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable(problems);
        }
        String locationId = Json.string(body, "locationId");
        call.authorizeLocation(locationId);
        Store.Pipeline pipeline = store.pipeline(Json.string(body, "pipelineId"));
        if (pipeline == null) {
            throw ApiException.notFound("Pipeline not found");
        }
        String stageId = Json.string(body, "pipelineStageId") != null
                ? Json.string(body, "pipelineStageId")
                : pipeline.stages().get(0).id();
        if (pipeline.stage(stageId) == null) {
            throw ApiException.notFound("Pipeline stage not found");
        }
        Doc contact = call.owned(store.contacts, Json.string(body, "contactId"), "Contact");
        Doc opportunity;
        Store.LocationIndex index = store.index(locationId);
        synchronized (index) {
            Set<String> ofContact = index.opportunitiesByContact.computeIfAbsent(contact.id(), k -> new HashSet<>());
            for (String existingId : ofContact) {
                Doc existing = store.opportunities.get(existingId);
                if (existing != null && existing.str("pipelineId").equals(pipeline.id())) {
                    // GHL's default "allow duplicate opportunities" setting is off.
                    throw ApiException.badRequest("Can not create duplicate opportunity for the contact.");
                }
            }
            String now = engine.now();
            String id = GhlIds.newId();
            Map<String, Object> fields = Json.obj(
                    "id",
                    id,
                    "name",
                    Json.string(body, "name"),
                    "monetaryValue",
                    body.get("monetaryValue") == null ? 0L : body.get("monetaryValue"),
                    "pipelineId",
                    pipeline.id(),
                    "pipelineStageId",
                    stageId,
                    "assignedTo",
                    Json.string(body, "assignedTo"),
                    "status",
                    Json.string(body, "status"),
                    "source",
                    Json.string(body, "source"),
                    "lastStatusChangeAt",
                    now,
                    "lastStageChangeAt",
                    now,
                    "lastActionDate",
                    now,
                    "createdAt",
                    now,
                    "updatedAt",
                    now,
                    "contactId",
                    contact.id(),
                    "locationId",
                    locationId,
                    "customFields",
                    customFields(body.get("customFields")),
                    "followers",
                    List.of());
            opportunity = new Doc(id, locationId, store.nextSeq(), fields);
            store.opportunities.put(id, opportunity);
            ofContact.add(id);
        }
        // GHL follows every specific opportunity event with an OpportunityUpdate (highlevel-api-docs #27).
        emit("OpportunityCreate", opportunity);
        emit("OpportunityUpdate", opportunity);
        call.json(201, Json.obj("opportunity", view(opportunity)));
    }

    private static List<Object> customFields(Object input) {
        List<Object> result = new ArrayList<>();
        for (Map<String, Object> field : Json.objects(input)) {
            Object value = field.containsKey("field_value") ? field.get("field_value") : field.get("value");
            if (Json.string(field, "id") != null && value != null) {
                result.add(Json.obj("id", Json.string(field, "id"), "fieldValue", value));
            }
        }
        return result;
    }

    private void update(ApiCall call) {
        Doc before = call.owned(store.opportunities, call.path("id"), "Opportunity");
        Map<String, Object> body = call.body();
        String status = Json.string(body, "status");
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.unprocessable(
                    "status must be one of the following values: open, won, lost, abandoned, all");
        }
        String pipelineId =
                Json.string(body, "pipelineId") != null ? Json.string(body, "pipelineId") : before.str("pipelineId");
        Store.Pipeline pipeline = store.pipeline(pipelineId);
        if (pipeline == null) {
            throw ApiException.notFound("Pipeline not found");
        }
        String stageId = Json.string(body, "pipelineStageId");
        if (stageId != null && pipeline.stage(stageId) == null) {
            throw ApiException.notFound("Pipeline stage not found");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String key : List.of("name", "pipelineId", "pipelineStageId", "status", "assignedTo")) {
            if (Json.string(body, key) != null) {
                changes.put(key, Json.string(body, key));
            }
        }
        if (body.get("monetaryValue") instanceof Number value) {
            changes.put("monetaryValue", value);
        }
        if (body.containsKey("customFields")) {
            changes.put("customFields", customFields(body.get("customFields")));
        }
        Doc after = change(before, changes);
        call.json(200, Json.obj("opportunity", view(after)));
    }

    private void updateStatus(ApiCall call) {
        Doc before = call.owned(store.opportunities, call.path("id"), "Opportunity");
        String status = Json.string(call.body(), "status");
        if (status == null || !STATUSES.contains(status)) {
            throw ApiException.unprocessable(List.of(
                    "status must be one of the following values: open, won, lost, abandoned, all",
                    "status should not be empty"));
        }
        Map<String, Object> changes =
                Json.obj("status", status, "lostReasonId", Json.string(call.body(), "lostReasonId"));
        change(before, changes);
        // Sic: GHL spells it "succeded" on the wire.
        call.json(200, Json.obj("succeded", true));
    }

    /**
     * Applies changes and emits OpportunityUpdate plus the specific events GHL sends for them (the update
     * comes with every one of them, highlevel-api-docs #27).
     */
    Doc change(Doc opportunity, Map<String, Object> changes) {
        Doc before;
        Doc after;
        synchronized (store.index(opportunity.locationId())) {
            before = store.opportunities.get(opportunity.id());
            if (before == null) {
                throw ApiException.notFound("Opportunity not found");
            }
            Map<String, Object> fields = before.mutableCopy();
            fields.putAll(changes);
            String now = engine.now();
            fields.put("updatedAt", now);
            fields.put("lastActionDate", now);
            if (!Objects.equals(before.get("pipelineStageId"), fields.get("pipelineStageId"))) {
                fields.put("lastStageChangeAt", now);
            }
            if (!Objects.equals(before.get("status"), fields.get("status"))) {
                fields.put("lastStatusChangeAt", now);
            }
            after = before.with(fields);
            store.opportunities.put(after.id(), after);
        }
        emit("OpportunityUpdate", after);
        if (!Objects.equals(before.get("pipelineStageId"), after.get("pipelineStageId"))) {
            emit("OpportunityStageUpdate", after);
        }
        if (!Objects.equals(before.get("status"), after.get("status"))) {
            emit("OpportunityStatusUpdate", after);
        }
        if (!Objects.equals(before.get("monetaryValue"), after.get("monetaryValue"))) {
            emit("OpportunityMonetaryValueUpdate", after);
        }
        if (!Objects.equals(before.get("assignedTo"), after.get("assignedTo"))) {
            emit("OpportunityAssignedToUpdate", after);
        }
        return after;
    }

    private void delete(ApiCall call) {
        Doc opportunity = call.owned(store.opportunities, call.path("id"), "Opportunity");
        Store.LocationIndex index = store.index(opportunity.locationId());
        synchronized (index) {
            if (store.opportunities.remove(opportunity.id()) == null) {
                throw ApiException.notFound("Opportunity not found");
            }
            Set<String> ofContact = index.opportunitiesByContact.get(opportunity.str("contactId"));
            if (ofContact != null) {
                ofContact.remove(opportunity.id());
            }
        }
        // Even a delete: [OpportunityDelete, OpportunityUpdate] (highlevel-api-docs #27), the update carrying
        // the opportunity as it was.
        emit("OpportunityDelete", opportunity);
        emit("OpportunityUpdate", opportunity);
        call.json(200, Json.obj("succeded", true));
    }

    /** GHL's search takes snake_case names and refuses camelCase ones it does not know. */
    private void search(ApiCall call) {
        call.onlyQueryParams(SEARCH_PARAMS);
        String locationId = call.query("location_id");
        if (locationId == null) {
            throw ApiException.unprocessable("location_id should not be empty");
        }
        call.authorizeLocation(locationId);
        String status = call.query("status");
        if (status != null && !STATUSES.contains(status) && !status.equals("all")) {
            throw ApiException.unprocessable(
                    "status must be one of the following values: open, won, lost, abandoned, all");
        }
        int limit = ContactRoutes.intParam(call.query("limit"), 20, 1, 100, "limit");
        String q = ContactRoutes.lower(call.query("q"));
        List<Doc> matching = new ArrayList<>();
        for (Doc opportunity : Store.inLocation(store.opportunities, locationId)) {
            if (eq(opportunity, "pipelineId", call.query("pipeline_id"))
                    && eq(opportunity, "pipelineStageId", call.query("pipeline_stage_id"))
                    && eq(opportunity, "contactId", call.query("contact_id"))
                    && eq(opportunity, "assignedTo", call.query("assigned_to"))
                    && eq(opportunity, "id", call.query("id"))
                    && (status == null || status.equals("all") || status.equals(opportunity.str("status")))
                    && (q == null
                            || opportunity.str("name").toLowerCase(Locale.ROOT).contains(q))) {
                matching.add(opportunity);
            }
        }
        int from = 0;
        String startAfterId = call.query("startAfterId");
        if (startAfterId != null) {
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).id().equals(startAfterId)) {
                    from = i + 1;
                }
            }
        } else if (call.query("page") != null) {
            from = (ContactRoutes.intParam(call.query("page"), 1, 1, Integer.MAX_VALUE, "page") - 1) * limit;
        }
        List<Doc> page = matching.subList(Math.min(from, matching.size()), Math.min(from + limit, matching.size()));
        List<Object> opportunities = new ArrayList<>();
        page.forEach(o -> opportunities.add(view(o)));
        int currentPage = from / limit + 1;
        Map<String, Object> meta = Json.obj("total", matching.size(), "currentPage", currentPage);
        if (from + limit < matching.size() && !page.isEmpty()) {
            Doc last = page.get(page.size() - 1);
            long startAfter = java.time.Instant.parse(last.str("createdAt")).toEpochMilli();
            meta.put("startAfterId", last.id());
            meta.put("startAfter", startAfter);
            meta.put("nextPage", currentPage + 1);
            meta.put(
                    "nextPageUrl",
                    ContactRoutes.baseUrl(call) + "/opportunities/search?location_id=" + locationId + "&limit=" + limit
                            + "&startAfterId=" + last.id() + "&startAfter=" + startAfter);
        }
        if (currentPage > 1) {
            meta.put("prevPage", currentPage - 1);
        }
        call.json(200, Json.obj("opportunities", opportunities, "meta", meta, "aggregations", Map.of()));
    }

    private static boolean eq(Doc doc, String field, String expected) {
        return expected == null || expected.equals(doc.str(field));
    }

    private void pipelines(ApiCall call) {
        String locationId = call.query("locationId");
        if (locationId == null) {
            throw ApiException.unprocessable("locationId should not be empty");
        }
        call.authorizeLocation(locationId);
        List<Object> pipelines = new ArrayList<>();
        for (Store.Pipeline pipeline : store.pipelines) {
            List<Object> stages = new ArrayList<>();
            for (Store.Stage stage : pipeline.stages()) {
                stages.add(Json.obj(
                        "id",
                        stage.id(),
                        "name",
                        stage.name(),
                        "position",
                        stage.position(),
                        "showInFunnel",
                        true,
                        "showInPieChart",
                        true));
            }
            pipelines.add(Json.obj(
                    "id",
                    pipeline.id(),
                    "name",
                    pipeline.name(),
                    "stages",
                    stages,
                    "showInFunnel",
                    true,
                    "showInPieChart",
                    true,
                    "locationId",
                    locationId));
        }
        call.json(200, Json.obj("pipelines", pipelines));
    }

    Map<String, Object> view(Doc opportunity) {
        Map<String, Object> view = opportunity.mutableCopy();
        Doc contact = store.contacts.get(opportunity.str("contactId"));
        if (contact != null) {
            view.put(
                    "contact",
                    Json.obj(
                            "id",
                            contact.id(),
                            "name",
                            contact.str("name"),
                            "companyName",
                            contact.str("companyName"),
                            "email",
                            contact.str("email"),
                            "phone",
                            contact.str("phone"),
                            "tags",
                            contact.get("tags")));
        }
        return view;
    }

    void emit(String type, Doc opportunity) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        for (String key : EVENT_FIELDS) {
            Object value = key.equals("dateAdded") ? opportunity.get("createdAt") : opportunity.get(key);
            if (value != null) {
                event.put(key, value);
            }
        }
        engine.emit(event);
    }
}
