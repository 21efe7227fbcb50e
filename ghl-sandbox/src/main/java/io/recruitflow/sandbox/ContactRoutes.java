package io.recruitflow.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Contacts: create, upsert with duplicate detection, search, get, update, delete, tags, workflows, notes, tasks. */
final class ContactRoutes {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final java.util.Set<Object> DND_STATUSES = java.util.Set.of("active", "inactive", "permanent");
    private static final List<String> STRING_FIELDS = List.of(
            "firstName",
            "lastName",
            "name",
            "email",
            "phone",
            "address1",
            "city",
            "state",
            "postalCode",
            "website",
            "timezone",
            "source",
            "country",
            "companyName",
            "assignedTo",
            "gender",
            "dateOfBirth");
    /** The fields of the contact webhook events (webhook-events/Contact*.md). */
    private static final List<String> EVENT_FIELDS = List.of(
            "locationId",
            "id",
            "address1",
            "city",
            "state",
            "companyName",
            "country",
            "source",
            "dateAdded",
            "dateOfBirth",
            "dnd",
            "email",
            "name",
            "firstName",
            "lastName",
            "phone",
            "postalCode",
            "tags",
            "website",
            "attachments",
            "assignedTo",
            "customFields");

    private final Engine engine;
    private final Store store;

    ContactRoutes(Engine engine) {
        this.engine = engine;
        this.store = engine.store;
    }

    void register(ApiServer.Routes routes) {
        routes.post("/contacts/search", this::search);
        routes.post("/contacts/upsert", this::upsert);
        routes.post("/contacts/", this::create);
        routes.get("/contacts/", this::list);
        routes.get(
                "/contacts/{contactId}",
                call -> call.json(
                        200, Json.obj("contact", view(call.owned(store.contacts, call.path("contactId"), "Contact")))));
        routes.put("/contacts/{contactId}", this::update);
        routes.delete("/contacts/{contactId}", this::delete);
        routes.post("/contacts/{contactId}/tags", call -> changeTags(call, true));
        routes.delete("/contacts/{contactId}/tags", call -> changeTags(call, false));
        routes.post("/contacts/{contactId}/workflow/{workflowId}", call -> enroll(call, true));
        routes.delete("/contacts/{contactId}/workflow/{workflowId}", call -> enroll(call, false));
        routes.post("/contacts/{contactId}/notes", this::createNote);
        routes.post("/contacts/{contactId}/tasks", this::createTask);
    }

    // --- create, upsert -------------------------------------------------------------------------

    private void create(ApiCall call) {
        Map<String, Object> body = call.body();
        validate(body, true);
        String locationId = call.locationOr(Json.string(body, "locationId"));
        Store.LocationIndex index = store.index(locationId);
        Doc contact;
        synchronized (index) {
            if (!engine.config.allowDuplicateContacts()) {
                Doc existing = findDuplicate(index, body);
                if (existing != null) {
                    // GHL with "Allow Duplicate Contact" off: 400 naming the contact that already exists.
                    throw ApiException.withExtra(
                            400,
                            "This location does not allow duplicated contacts.",
                            Map.of(
                                    "meta",
                                    Json.obj(
                                            "contactName",
                                            existing.str("name"),
                                            "contactId",
                                            existing.id(),
                                            "matchingField",
                                            matchingField(existing, body))));
                }
            }
            contact = insert(index, locationId, body);
        }
        triggerWorkflows(null, contact);
        emitContact("ContactCreate", contact);
        call.json(201, Json.obj("contact", view(contact)));
    }

    /**
     * GHL's upsert: matches the location's contacts by email, then phone; answers {new, contact, traceId}. When
     * the email matches one contact and the phone another, the email's contact is updated and the phone is
     * silently dropped (the spec's description; highlevel-api-docs #37).
     */
    private void upsert(ApiCall call) {
        Map<String, Object> body = call.body();
        validate(body, true);
        String locationId = call.locationOr(Json.string(body, "locationId"));
        Store.LocationIndex index = store.index(locationId);
        Doc before;
        Doc after;
        synchronized (index) {
            before = findDuplicate(index, body);
            after = before == null
                    ? insert(index, locationId, body)
                    : replace(index, before, withoutIdentifiersOfOthers(index, before, body), false);
        }
        triggerWorkflows(before, after);
        if (before == null) {
            emitContact("ContactCreate", after);
        } else {
            emitChanges(before, after);
        }
        call.json(200, Json.obj("new", before == null, "contact", view(after)));
    }

    /** The body without an email or phone that a contact other than {@code target} holds. */
    private static Map<String, Object> withoutIdentifiersOfOthers(
            Store.LocationIndex index, Doc target, Map<String, Object> body) {
        Map<String, Object> kept = new LinkedHashMap<>(body);
        String phone = normalizePhone(Json.string(body, "phone"));
        String phoneOwner = phone == null ? null : index.contactByPhone.get(phone);
        if (phoneOwner != null && !phoneOwner.equals(target.id())) {
            kept.remove("phone");
        }
        String email = lower(Json.string(body, "email"));
        String emailOwner = email == null ? null : index.contactByEmail.get(email);
        if (emailOwner != null && !emailOwner.equals(target.id())) {
            kept.remove("email");
        }
        return kept;
    }

    /**
     * With "Allow Duplicate Contact" off, the email or phone of a change may not be another contact's: 400 as
     * on create (GHL's duplicate check, which keeps an upsert from adding the phone in #37).
     */
    private void refuseDuplicateIdentifiers(Store.LocationIndex index, Doc target, Map<String, Object> body) {
        if (engine.config.allowDuplicateContacts()) {
            return;
        }
        Doc other = null;
        String phone = normalizePhone(Json.string(body, "phone"));
        String email = lower(Json.string(body, "email"));
        for (String id : java.util.Arrays.asList(
                phone == null ? null : index.contactByPhone.get(phone),
                email == null ? null : index.contactByEmail.get(email))) {
            if (id != null && !id.equals(target.id())) {
                other = store.contacts.get(id);
            }
        }
        if (other != null) {
            throw ApiException.withExtra(
                    400,
                    "This location does not allow duplicated contacts.",
                    Map.of(
                            "meta",
                            Json.obj(
                                    "contactName",
                                    other.str("name"),
                                    "contactId",
                                    other.id(),
                                    "matchingField",
                                    matchingField(other, body))));
        }
    }

    private Doc findDuplicate(Store.LocationIndex index, Map<String, Object> body) {
        String email = lower(Json.string(body, "email"));
        String phone = normalizePhone(Json.string(body, "phone"));
        String id = email == null ? null : index.contactByEmail.get(email);
        if (id == null && phone != null) {
            id = index.contactByPhone.get(phone);
        }
        return id == null ? null : store.contacts.get(id);
    }

    private static String matchingField(Doc existing, Map<String, Object> body) {
        String email = lower(Json.string(body, "email"));
        return email != null && email.equals(existing.str("emailLowerCase")) ? "email" : "phone";
    }

    /** Creates a contact; the caller holds the location's lock. */
    private Doc insert(Store.LocationIndex index, String locationId, Map<String, Object> body) {
        String now = engine.now();
        Map<String, Object> fields = new LinkedHashMap<>();
        String id = GhlIds.newId();
        fields.put("id", id);
        fields.put("locationId", locationId);
        fields.put("type", "lead");
        fields.put("dnd", false);
        fields.put("tags", List.of());
        fields.put("customFields", List.of());
        fields.put("dateAdded", now);
        apply(fields, body, false);
        fields.put("dateUpdated", now);
        Doc contact = new Doc(id, locationId, store.nextSeq(), fields);
        store.contacts.put(id, contact);
        indexContact(index, contact);
        return contact;
    }

    /** Applies a change to a contact; the caller holds the location's lock. */
    private Doc replace(Store.LocationIndex index, Doc before, Map<String, Object> body, boolean replaceTags) {
        Map<String, Object> fields = before.mutableCopy();
        apply(fields, body, replaceTags);
        fields.put("dateUpdated", engine.now());
        Doc after = before.with(fields);
        store.contacts.put(after.id(), after);
        for (String field : List.of("emailLowerCase", "phone")) {
            String oldValue = before.str(field);
            String newValue = after.str(field);
            if (!Objects.equals(oldValue, newValue)) {
                release(index, field, oldValue, before);
                if (newValue != null) {
                    keys(index, field).putIfAbsent(newValue, after.id());
                }
            }
        }
        return after;
    }

    private static void indexContact(Store.LocationIndex index, Doc contact) {
        String email = contact.str("emailLowerCase");
        if (email != null) {
            index.contactByEmail.putIfAbsent(email, contact.id());
        }
        String phone = contact.str("phone");
        if (phone != null) {
            index.contactByPhone.putIfAbsent(phone, contact.id());
        }
    }

    private static Map<String, String> keys(Store.LocationIndex index, String field) {
        return field.equals("phone") ? index.contactByPhone : index.contactByEmail;
    }

    /**
     * A contact no longer holds an email or phone: when it was the indexed one, another contact of the
     * location with the same value (a duplicate) takes its place. Rare, so a scan is fine.
     */
    private void release(Store.LocationIndex index, String field, String value, Doc contact) {
        Map<String, String> byValue = keys(index, field);
        if (value == null || !contact.id().equals(byValue.get(value))) {
            return;
        }
        byValue.remove(value);
        for (Doc other : store.contacts.values()) {
            if (other.locationId().equals(contact.locationId())
                    && !other.id().equals(contact.id())
                    && value.equals(other.str(field))) {
                byValue.put(value, other.id());
                return;
            }
        }
    }

    /** Maps GHL's input shape onto the stored (output) shape. */
    private void apply(Map<String, Object> fields, Map<String, Object> body, boolean replaceTags) {
        for (String key : STRING_FIELDS) {
            if (body.containsKey(key)) {
                Object value = body.get(key);
                fields.put(key, value == null ? null : String.valueOf(value));
            }
        }
        if (body.get("phone") != null) {
            fields.put("phone", normalizePhone(Json.string(body, "phone")));
        }
        if (body.get("dnd") instanceof Boolean dnd) {
            fields.put("dnd", dnd);
        }
        if (body.get("dndSettings") instanceof Map) {
            fields.put("dndSettings", body.get("dndSettings"));
        }
        if (body.containsKey("tags")) {
            List<String> tags = Json.strings(body.get("tags"));
            if (!replaceTags) {
                LinkedHashSet<String> merged = new LinkedHashSet<>(Json.strings(fields.get("tags")));
                merged.addAll(tags);
                tags = new ArrayList<>(merged);
            }
            fields.put("tags", List.copyOf(new LinkedHashSet<>(tags)));
        }
        if (body.containsKey("customFields")) {
            fields.put(
                    "customFields",
                    mergeCustomFields(
                            Json.objects(fields.get("customFields")), Json.objects(body.get("customFields"))));
        }
        String first = Json.string(fields, "firstName");
        String last = Json.string(fields, "lastName");
        if (!body.containsKey("name") && (first != null || last != null)) {
            fields.put("name", String.join(" ", nonNull(first, last)).trim());
        }
        fields.put("firstNameLowerCase", lower(first));
        fields.put("lastNameLowerCase", lower(last));
        fields.put("fullNameLowerCase", lower(Json.string(fields, "name")));
        fields.put("emailLowerCase", lower(Json.string(fields, "email")));
        fields.values().removeIf(Objects::isNull);
    }

    /**
     * A multi-select ({@code MULTIPLE_OPTIONS}) or checkbox ({@code CHECKBOX}) field takes an array of strings
     * ({@code customFieldsInputArraySchema} of the contacts spec); GHL refuses a plain string for it
     * (docs/sandbox.md). Other fields take a string.
     */
    private List<String> customFieldShapeProblems(List<?> fields) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (!(fields.get(i) instanceof Map<?, ?> change)) {
                continue;
            }
            Object idOrKey = change.get("id") != null ? change.get("id") : change.get("key");
            Store.CustomField field = idOrKey instanceof String name ? store.customField(name) : null;
            if (field == null || !field.takesArray()) {
                continue;
            }
            Object value = change.containsKey("field_value") ? change.get("field_value") : change.get("value");
            if (!(value instanceof List<?>)) {
                problems.add("customFields." + i + ".field_value must be an array of strings for a " + field.dataType()
                        + " field");
            }
        }
        return problems;
    }

    /** Input {id or key, field_value (or value)}; output {id, value} (README: custom fields). */
    private List<Map<String, Object>> mergeCustomFields(
            List<Map<String, Object>> current, List<Map<String, Object>> changes) {
        Map<String, Object> byId = new LinkedHashMap<>();
        current.forEach(f -> byId.put(Json.string(f, "id"), f.get("value")));
        for (Map<String, Object> change : changes) {
            String idOrKey = Json.string(change, "id") != null ? Json.string(change, "id") : Json.string(change, "key");
            Store.CustomField field = idOrKey == null ? null : store.customField(idOrKey);
            if (field == null) {
                continue; // GHL ignores unknown custom fields.
            }
            Object value = change.containsKey("field_value") ? change.get("field_value") : change.get("value");
            byId.put(
                    field.id(),
                    value == null || value instanceof String
                            ? value
                            : field.takesArray() && value instanceof List<?> options
                                    ? List.copyOf(options)
                                    : String.valueOf(value));
        }
        List<Map<String, Object>> result = new ArrayList<>();
        byId.forEach((id, value) -> {
            if (value != null) {
                result.add(Json.obj("id", id, "value", value));
            }
        });
        return List.copyOf(result);
    }

    private void validate(Map<String, Object> body, boolean requireLocation) {
        List<String> problems = new ArrayList<>();
        if (requireLocation
                && (Json.string(body, "locationId") == null
                        || Json.string(body, "locationId").isBlank())) {
            problems.add("locationId should not be empty");
            problems.add("locationId must be a string");
        }
        String email = Json.string(body, "email");
        if (email != null && !email.isEmpty() && !EMAIL.matcher(email).matches()) {
            problems.add("email must be an email");
        }
        if (body.containsKey("tags") && !(body.get("tags") instanceof List)) {
            problems.add("tags must be an array");
        }
        if (body.containsKey("customFields") && !(body.get("customFields") instanceof List)) {
            problems.add("customFields must be an array");
        } else if (body.get("customFields") instanceof List<?> fields) {
            problems.addAll(customFieldShapeProblems(fields));
        }
        if (body.get("dndSettings") instanceof Map<?, ?> channels) {
            // DndSettingSchema: status is active, inactive or permanent (contacts spec).
            channels.forEach((channel, setting) -> {
                Object status = setting instanceof Map<?, ?> m ? m.get("status") : null;
                if (status == null || !DND_STATUSES.contains(status)) {
                    problems.add("dndSettings." + channel
                            + ".status must be one of the following values: active, inactive, permanent");
                }
            });
        } else if (body.containsKey("dndSettings")) {
            problems.add("dndSettings must be an object");
        }
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable(problems);
        }
    }

    // --- read, update, delete -------------------------------------------------------------------

    private void update(ApiCall call) {
        Doc before = call.owned(store.contacts, call.path("contactId"), "Contact");
        Map<String, Object> body = call.body();
        validate(body, false);
        if (body.containsKey("locationId")) {
            throw ApiException.unprocessable("property locationId should not exist");
        }
        Store.LocationIndex index = store.index(before.locationId());
        Doc after;
        synchronized (index) {
            refuseDuplicateIdentifiers(index, before, body);
            // GHL: tags sent to PUT replace the contact's tags.
            after = replace(index, current(before), body, true);
        }
        triggerWorkflows(before, after);
        emitChanges(before, after);
        call.json(200, Json.obj("succeded", true, "contact", view(after)));
    }

    private Doc current(Doc doc) {
        Doc latest = store.contacts.get(doc.id());
        if (latest == null) {
            throw ApiException.notFound("Contact not found");
        }
        return latest;
    }

    private void delete(ApiCall call) {
        Doc contact = call.owned(store.contacts, call.path("contactId"), "Contact");
        Store.LocationIndex index = store.index(contact.locationId());
        synchronized (index) {
            if (store.contacts.remove(contact.id()) == null) {
                throw ApiException.notFound("Contact not found");
            }
            release(index, "emailLowerCase", contact.str("emailLowerCase"), contact);
            release(index, "phone", contact.str("phone"), contact);
        }
        store.enrollments.removeIf(e -> e.startsWith(contact.id() + "/"));
        emitContact("ContactDelete", contact);
        call.json(200, Json.obj("succeded", true));
    }

    private void changeTags(ApiCall call, boolean add) {
        Doc contact = call.owned(store.contacts, call.path("contactId"), "Contact");
        Object tagsValue = call.body().get("tags");
        if (!(tagsValue instanceof List)) {
            throw ApiException.unprocessable(List.of("tags must be an array", "tags should not be empty"));
        }
        List<String> tags = Json.strings(tagsValue);
        Store.LocationIndex index = store.index(contact.locationId());
        Doc before;
        Doc after;
        synchronized (index) {
            before = current(contact);
            LinkedHashSet<String> result = new LinkedHashSet<>(Json.strings(before.get("tags")));
            if (add) {
                result.addAll(tags);
            } else {
                result.removeAll(tags);
            }
            Map<String, Object> fields = before.mutableCopy();
            fields.put("tags", List.copyOf(result));
            fields.put("dateUpdated", engine.now());
            after = before.with(fields);
            store.contacts.put(after.id(), after);
        }
        triggerWorkflows(before, after);
        if (!before.get("tags").equals(after.get("tags"))) {
            emitContact("ContactTagUpdate", after);
        }
        call.json(add ? 201 : 200, Json.obj("tags", after.get("tags")));
    }

    /**
     * GHL's workflow engine: each tag the contact gained (by create, upsert, update or the tags route) enrolls
     * it in the workflows with the trigger "Contact Tag added" for that tag. A tag the contact already had
     * triggers nothing, as in GHL. The enrollment shows in {@code workflowEnrollments}; GHL sends no webhook for
     * it, only the contact's own ContactCreate / ContactTagUpdate carrying the tag.
     */
    private void triggerWorkflows(Doc before, Doc after) {
        List<String> had = before == null ? List.of() : Json.strings(before.get("tags"));
        for (String tag : Json.strings(after.get("tags"))) {
            if (!had.contains(tag)) {
                for (String workflowId : store.workflowsTriggeredBy(tag)) {
                    store.enrollments.add(after.id() + "/" + workflowId);
                }
            }
        }
    }

    private void enroll(ApiCall call, boolean add) {
        Doc contact = call.owned(store.contacts, call.path("contactId"), "Contact");
        String workflowId = call.path("workflowId");
        if (store.workflow(workflowId) == null) {
            throw ApiException.notFound("Workflow not found");
        }
        String key = contact.id() + "/" + workflowId;
        if (add) {
            store.enrollments.add(key);
        } else {
            store.enrollments.remove(key);
        }
        call.json(200, Json.obj("succeded", true));
    }

    private void createNote(ApiCall call) {
        Doc contact = call.owned(store.contacts, call.path("contactId"), "Contact");
        String text = Json.string(call.body(), "body");
        if (text == null || text.isBlank()) {
            throw ApiException.unprocessable(List.of("body should not be empty", "body must be a string"));
        }
        String id = GhlIds.newId();
        Map<String, Object> note = Json.obj(
                "id",
                id,
                "body",
                text,
                "userId",
                Json.string(call.body(), "userId"),
                "dateAdded",
                engine.now(),
                "contactId",
                contact.id());
        store.notes.put(id, new Doc(id, contact.locationId(), store.nextSeq(), note));
        Map<String, Object> event = Json.obj("type", "NoteCreate", "locationId", contact.locationId());
        event.putAll(Json.obj("id", id, "body", text, "contactId", contact.id(), "dateAdded", note.get("dateAdded")));
        engine.emit(event);
        call.json(201, Json.obj("note", note));
    }

    private void createTask(ApiCall call) {
        Doc contact = call.owned(store.contacts, call.path("contactId"), "Contact");
        Map<String, Object> body = call.body();
        List<String> problems = new ArrayList<>();
        if (Json.string(body, "title") == null) {
            problems.add("title should not be empty");
        }
        if (Json.string(body, "dueDate") == null) {
            problems.add("dueDate should not be empty");
        }
        if (!(body.get("completed") instanceof Boolean)) {
            problems.add("completed must be a boolean value");
        }
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable(problems);
        }
        String id = GhlIds.newId();
        Map<String, Object> task = Json.obj(
                "id",
                id,
                "title",
                Json.string(body, "title"),
                "body",
                Json.string(body, "body"),
                "assignedTo",
                Json.string(body, "assignedTo"),
                "dueDate",
                Json.string(body, "dueDate"),
                "completed",
                body.get("completed"),
                "contactId",
                contact.id());
        store.tasks.put(id, new Doc(id, contact.locationId(), store.nextSeq(), task));
        Map<String, Object> event = Json.obj("type", "TaskCreate", "locationId", contact.locationId());
        event.putAll(task);
        event.remove("completed");
        event.put("dateAdded", engine.now());
        engine.emit(event);
        call.json(201, Json.obj("task", task));
    }

    // --- search ---------------------------------------------------------------------------------

    /** The deprecated {@code GET /contacts/}: query, limit, startAfterId/startAfter cursor, {@code meta}. */
    private void list(ApiCall call) {
        String locationId = call.query("locationId");
        if (locationId == null) {
            throw ApiException.unprocessable("locationId should not be empty");
        }
        call.authorizeLocation(locationId);
        int limit = intParam(call.query("limit"), 20, 1, 100, "limit");
        String query = lower(call.query("query"));
        String startAfterId = call.query("startAfterId");
        List<Doc> matching = new ArrayList<>();
        for (Doc contact : Store.inLocation(store.contacts, locationId)) {
            if (query == null || matchesQuery(contact, query)) {
                matching.add(contact);
            }
        }
        int from = 0;
        if (startAfterId != null) {
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).id().equals(startAfterId)) {
                    from = i + 1;
                }
            }
        }
        List<Doc> page = matching.subList(Math.min(from, matching.size()), Math.min(from + limit, matching.size()));
        List<Object> contacts = new ArrayList<>();
        page.forEach(c -> contacts.add(view(c)));
        Map<String, Object> meta = Json.obj("total", matching.size(), "currentPage", from / limit + 1);
        if (from + limit < matching.size() && !page.isEmpty()) {
            Doc last = page.get(page.size() - 1);
            long startAfter = java.time.Instant.parse(last.str("dateAdded")).toEpochMilli();
            meta.put("startAfterId", last.id());
            meta.put("startAfter", startAfter);
            meta.put("nextPage", from / limit + 2);
            meta.put(
                    "nextPageUrl",
                    baseUrl(call) + "/contacts/?locationId=" + locationId + "&limit=" + limit
                            + "&startAfterId=" + last.id() + "&startAfter=" + startAfter
                            + (query == null
                                    ? ""
                                    : "&query="
                                            + java.net.URLEncoder.encode(
                                                    query, java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (from > 0) {
            meta.put("prevPage", Math.max(1, from / limit));
        }
        call.json(200, Json.obj("contacts", contacts, "count", matching.size(), "meta", meta));
    }

    /** {@code POST /contacts/search}: page/pageLimit or searchAfter, query, filters [{field, operator, value}]. */
    private void search(ApiCall call) {
        Map<String, Object> body = call.body();
        List<String> problems = new ArrayList<>();
        if (Json.string(body, "locationId") == null) {
            problems.add("locationId should not be empty");
        }
        if (!(body.get("pageLimit") instanceof Number)) {
            problems.add("pageLimit must be a number conforming to the specified constraints");
        }
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable(problems);
        }
        String locationId = Json.string(body, "locationId");
        call.authorizeLocation(locationId);
        int pageLimit = ((Number) body.get("pageLimit")).intValue();
        if (pageLimit < 1 || pageLimit > 500) {
            throw ApiException.unprocessable("pageLimit must not be greater than 500");
        }
        int page = body.get("page") instanceof Number n ? Math.max(1, n.intValue()) : 1;
        String query = lower(Json.string(body, "query"));
        List<Map<String, Object>> filters = Json.objects(body.get("filters"));
        List<Doc> matching = new ArrayList<>();
        for (Doc contact : Store.inLocation(store.contacts, locationId)) {
            if ((query == null || matchesQuery(contact, query)) && matchesAll(contact, filters)) {
                matching.add(contact);
            }
        }
        int from = (page - 1) * pageLimit;
        List<String> searchAfter = Json.strings(body.get("searchAfter"));
        if (searchAfter.size() == 2) {
            from = 0;
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).id().equals(searchAfter.get(1))) {
                    from = i + 1;
                }
            }
        }
        List<Object> contacts = new ArrayList<>();
        for (Doc contact :
                matching.subList(Math.min(from, matching.size()), Math.min(from + pageLimit, matching.size()))) {
            Map<String, Object> item = contact.mutableCopy();
            item.put(
                    "searchAfter",
                    List.of(java.time.Instant.parse(contact.str("dateAdded")).toEpochMilli(), contact.id()));
            contacts.add(item);
        }
        call.json(200, Json.obj("contacts", contacts, "total", matching.size()));
    }

    private static boolean matchesQuery(Doc contact, String query) {
        for (String key : List.of("fullNameLowerCase", "emailLowerCase", "phone", "companyName")) {
            String value = contact.str(key);
            if (value != null && value.toLowerCase(Locale.ROOT).contains(query)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesAll(Doc contact, List<Map<String, Object>> filters) {
        for (Map<String, Object> filter : filters) {
            if (!matches(contact, filter)) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(Doc contact, Map<String, Object> filter) {
        if (filter.get("filters") != null) {
            List<Map<String, Object>> group = Json.objects(filter.get("filters"));
            if ("OR".equalsIgnoreCase(Json.string(filter, "group"))) {
                return group.stream().anyMatch(f -> matches(contact, f));
            }
            return group.stream().allMatch(f -> matches(contact, f));
        }
        String field = Json.string(filter, "field");
        String operator = Json.string(filter, "operator");
        if (field == null || operator == null) {
            throw ApiException.unprocessable("filters must have field and operator");
        }
        Object raw = field.startsWith("customFields.")
                ? customFieldValue(contact, field.substring("customFields.".length()))
                : contact.get(
                        field.equals("firstName") || field.equals("lastName") || field.equals("email")
                                ? field + "LowerCase"
                                : field);
        List<String> actual = raw instanceof List<?>
                ? Json.strings(raw)
                : raw == null ? List.of() : List.of(String.valueOf(raw).toLowerCase(Locale.ROOT));
        List<String> expected = new ArrayList<>();
        for (String value : Json.strings(filter.get("value"))) {
            expected.add(
                    field.equals("phone")
                            ? normalizePhone(value)
                            : field.equals("tags") ? value : value.toLowerCase(Locale.ROOT));
        }
        return switch (operator) {
            case "eq" -> expected.stream().anyMatch(actual::contains);
            case "not_eq" -> expected.stream().noneMatch(actual::contains);
            case "contains" -> expected.stream().anyMatch(e -> actual.stream().anyMatch(a -> a.contains(e)));
            case "not_contains" ->
                expected.stream().noneMatch(e -> actual.stream().anyMatch(a -> a.contains(e)));
            case "exists" -> !actual.isEmpty();
            case "not_exists" -> actual.isEmpty();
            default -> throw ApiException.unprocessable("operator " + operator + " is not supported");
        };
    }

    private Object customFieldValue(Doc contact, String idOrKey) {
        Store.CustomField field = store.customField(idOrKey);
        for (Map<String, Object> value : Json.objects(contact.get("customFields"))) {
            if (field != null && field.id().equals(value.get("id"))) {
                return value.get("value");
            }
        }
        return null;
    }

    // --- shapes and events ----------------------------------------------------------------------

    /** The contact as GHL shows it (immutable: nest it, copy it to change it). */
    static Map<String, Object> view(Doc contact) {
        return contact.fields();
    }

    private void emitChanges(Doc before, Doc after) {
        emitContact("ContactUpdate", after);
        if (!Objects.equals(before.get("tags"), after.get("tags"))) {
            emitContact("ContactTagUpdate", after);
        }
        if (!Objects.equals(before.get("dnd"), after.get("dnd"))
                || !Objects.equals(before.get("dndSettings"), after.get("dndSettings"))) {
            emitContact("ContactDndUpdate", after);
        }
    }

    void emitContact(String type, Doc contact) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        for (String key : EVENT_FIELDS) {
            Object value = key.equals("attachments") ? List.of() : contact.get(key);
            if (value != null) {
                event.put(key, value);
            }
        }
        if (type.equals("ContactDndUpdate")) {
            event.put("dndSettings", contact.get("dndSettings") == null ? Map.of() : contact.get("dndSettings"));
        }
        engine.emit(event);
    }

    static String normalizePhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            }
        }
        if (digits.length() == 0) {
            return phone.trim();
        }
        if (!phone.trim().startsWith("+") && digits.length() == 10) {
            return "+1" + digits; // GHL stores E.164; bare 10-digit numbers are North American.
        }
        return "+" + digits;
    }

    static String lower(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private static List<String> nonNull(String... values) {
        List<String> result = new ArrayList<>();
        for (String value : values) {
            if (value != null) {
                result.add(value);
            }
        }
        return result;
    }

    static int intParam(String value, int fallback, int min, int max, String name) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw ApiException.unprocessable(name + " must not be greater than " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.unprocessable(name + " must be a number conforming to the specified constraints");
        }
    }

    static String baseUrl(ApiCall call) {
        return call.ctx.scheme() + "://" + call.ctx.host();
    }
}
