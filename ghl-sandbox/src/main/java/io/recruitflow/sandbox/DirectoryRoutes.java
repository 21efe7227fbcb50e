package io.recruitflow.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The read-only seed: workflows, locations (search, get) and users (by location, search, get). */
final class DirectoryRoutes {
    private final Engine engine;
    private final Store store;

    DirectoryRoutes(Engine engine) {
        this.engine = engine;
        this.store = engine.store;
    }

    void register(ApiServer.Routes routes) {
        routes.get("/workflows/", this::workflows);
        routes.get("/locations/search", this::searchLocations);
        routes.get("/locations/{locationId}", this::location);
        routes.get("/locations/{locationId}/customFields", this::customFields);
        routes.get("/users/search", this::searchUsers);
        routes.get("/users/", this::usersOfLocation);
        routes.get("/users/{userId}", this::user);
    }

    private void workflows(ApiCall call) {
        String locationId = required(call, "locationId");
        call.authorizeLocation(locationId);
        List<Object> workflows = new ArrayList<>();
        for (Store.Workflow workflow : store.workflows) {
            workflows.add(Json.obj(
                    "id",
                    workflow.id(),
                    "name",
                    workflow.name(),
                    "status",
                    "published",
                    "version",
                    1,
                    "createdAt",
                    "2026-01-05T15:00:00.000Z",
                    "updatedAt",
                    "2026-01-05T15:00:00.000Z",
                    "locationId",
                    locationId));
        }
        call.json(200, Json.obj("workflows", workflows));
    }

    /** An agency token sees the company's locations; a location token only its own. */
    private void searchLocations(ApiCall call) {
        String companyId = call.query("companyId");
        if (companyId != null && !companyId.equals(call.grant.companyId())) {
            throw ApiException.forbidden("The token does not have access to this company.");
        }
        int skip = ContactRoutes.intParam(call.query("skip"), 0, 0, Integer.MAX_VALUE, "skip");
        int limit = ContactRoutes.intParam(call.query("limit"), 10, 1, 1000, "limit");
        String email = ContactRoutes.lower(call.query("email"));
        List<Object> locations = new ArrayList<>();
        for (Store.Location location : store.locations) {
            if ((call.grant.isCompany() || location.id().equals(call.grant.locationId()))
                    && (email == null || location.email().equals(email))) {
                locations.add(locationJson(location, false));
            }
        }
        if ("desc".equalsIgnoreCase(call.query("order"))) {
            java.util.Collections.reverse(locations);
        }
        call.json(
                200,
                Json.obj(
                        "locations",
                        locations.subList(Math.min(skip, locations.size()), Math.min(skip + limit, locations.size()))));
    }

    private void location(ApiCall call) {
        Store.Location location = pathLocation(call);
        call.json(200, Json.obj("location", locationJson(location, true)));
    }

    /** The path's location, which the token may read (an agency token any of the company's): else 404 or 403. */
    private Store.Location pathLocation(ApiCall call) {
        Store.Location location = store.location(call.path("locationId"));
        if (location == null) {
            throw ApiException.notFound("Location not found");
        }
        if (!call.grant.isCompany()) {
            call.authorizeLocation(location.id());
        }
        return location;
    }

    /** get-custom-fields: the contact fields with their dataType (and picklistOptions), locations spec. */
    private void customFields(ApiCall call) {
        Store.Location location = pathLocation(call);
        String model = call.query("model");
        if (model != null && !List.of("contact", "opportunity", "all").contains(model)) {
            throw ApiException.unprocessable("model must be one of the following values: contact, opportunity, all");
        }
        List<Object> fields = new ArrayList<>();
        if (!"opportunity".equals(model)) {
            int position = 0;
            for (Store.CustomField field : store.customFields) {
                fields.add(Json.obj(
                        "id",
                        field.id(),
                        "name",
                        field.name(),
                        "fieldKey",
                        field.key(),
                        "placeholder",
                        "",
                        "dataType",
                        field.dataType(),
                        "position",
                        position++,
                        "picklistOptions",
                        field.options(),
                        "locationId",
                        location.id(),
                        "model",
                        "contact"));
            }
        }
        call.json(200, Json.obj("customFields", fields));
    }

    private Map<String, Object> locationJson(Store.Location location, boolean detailed) {
        Map<String, Object> json = Json.obj(
                "id",
                location.id(),
                "name",
                location.name(),
                "phone",
                location.phone(),
                "email",
                location.email(),
                "address",
                location.address(),
                "city",
                location.city(),
                "state",
                location.state(),
                "country",
                "US",
                "postalCode",
                location.postalCode(),
                "website",
                location.website(),
                "timezone",
                location.zone().getId(),
                "settings",
                Json.obj(
                        "allowDuplicateContact",
                        engine.config.allowDuplicateContacts(),
                        "allowDuplicateOpportunity",
                        false,
                        "allowFacebookNameMerge",
                        false,
                        "disableContactTimezone",
                        false),
                "social",
                Json.obj());
        if (detailed) {
            json.put("companyId", Store.COMPANY_ID);
            json.put("domain", "");
            json.put("firstName", "Gary");
            json.put("lastName", "Owens");
            json.put(
                    "business",
                    Json.obj(
                            "name",
                            location.name(),
                            "address",
                            location.address(),
                            "city",
                            location.city(),
                            "state",
                            location.state(),
                            "country",
                            "US",
                            "postalCode",
                            location.postalCode(),
                            "website",
                            location.website(),
                            "timezone",
                            location.zone().getId(),
                            "email",
                            location.email()));
        }
        return json;
    }

    private void usersOfLocation(ApiCall call) {
        String locationId = required(call, "locationId");
        call.authorizeLocation(locationId);
        List<Object> users = new ArrayList<>();
        store.users.forEach(u -> users.add(userJson(u)));
        call.json(200, Json.obj("users", users));
    }

    private void searchUsers(ApiCall call) {
        String companyId = required(call, "companyId");
        if (!companyId.equals(call.grant.companyId())) {
            throw ApiException.forbidden("The token does not have access to this company.");
        }
        String locationId = call.query("locationId");
        if (locationId != null && !call.grant.isCompany()) {
            call.authorizeLocation(locationId);
        }
        String query = ContactRoutes.lower(call.query("query"));
        int skip = ContactRoutes.intParam(call.query("skip"), 0, 0, Integer.MAX_VALUE, "skip");
        int limit = ContactRoutes.intParam(call.query("limit"), 25, 1, 1000, "limit");
        List<Object> users = new ArrayList<>();
        for (Store.User user : store.users) {
            if (query == null
                    || user.name().toLowerCase(Locale.ROOT).contains(query)
                    || user.email().contains(query)) {
                users.add(userJson(user));
            }
        }
        call.json(
                200,
                Json.obj(
                        "users",
                        users.subList(Math.min(skip, users.size()), Math.min(skip + limit, users.size())),
                        "count",
                        users.size()));
    }

    private void user(ApiCall call) {
        Store.User user = store.user(call.path("userId"));
        if (user == null) {
            throw ApiException.notFound("User not found");
        }
        call.json(200, userJson(user));
    }

    private Map<String, Object> userJson(Store.User user) {
        List<String> locationIds = new ArrayList<>();
        store.locations.forEach(l -> locationIds.add(l.id()));
        return Json.obj(
                "id",
                user.id(),
                "name",
                user.name(),
                "firstName",
                user.firstName(),
                "lastName",
                user.lastName(),
                "email",
                user.email(),
                "phone",
                user.phone(),
                "extension",
                "",
                "deleted",
                false,
                "permissions",
                Json.obj(
                        "contactsEnabled",
                        true,
                        "opportunitiesEnabled",
                        true,
                        "appointmentsEnabled",
                        true,
                        "conversationsEnabled",
                        true,
                        "workflowsEnabled",
                        true),
                "roles",
                Json.obj("type", "account", "role", user.role(), "locationIds", locationIds));
    }

    private static String required(ApiCall call, String name) {
        String value = call.query(name);
        if (value == null) {
            throw ApiException.unprocessable(name + " should not be empty");
        }
        return value;
    }
}
