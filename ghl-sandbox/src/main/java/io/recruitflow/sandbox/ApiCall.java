package io.recruitflow.sandbox;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** One GHL API request: its context, token grant, parsed body and helpers to answer in GHL's shape. */
final class ApiCall {
    final Context ctx;
    final String traceId = GhlIds.traceId();
    Tokens.Grant grant;
    private Map<String, Object> body;

    ApiCall(Context ctx) {
        this.ctx = ctx;
    }

    Map<String, Object> body() {
        if (body == null) {
            body = Json.parseObject(ctx.body());
        }
        return body;
    }

    String path(String name) {
        return ctx.pathParam(name);
    }

    String query(String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** GHL checks query names strictly on some routes (NestJS whitelist): an unknown one is a 422. */
    void onlyQueryParams(List<String> allowed) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.unprocessable("property " + name + " should not exist");
            }
        }
    }

    /**
     * The location a request acts on must be the token's: a location token elsewhere is a 403; a
     * company (agency) token must first be exchanged at {@code /oauth/locationToken}, as in GHL.
     */
    void authorizeLocation(String locationId) {
        if (grant.isCompany()) {
            throw ApiException.unauthorized(
                    "This authClass type is not allowed to access this scope. " + "Please reach out to support.");
        }
        if (!grant.locationId().equals(locationId)) {
            throw ApiException.forbidden("The token does not have access to this location.");
        }
    }

    /** The location named by the request or, if none, the token's. */
    String locationOr(String locationId) {
        String location = locationId != null ? locationId : grant.locationId();
        if (location == null) {
            throw ApiException.unprocessable("locationId should not be empty");
        }
        authorizeLocation(location);
        return location;
    }

    /** A stored object of the token's location; 404 when unknown, 403 when in another location. */
    Doc owned(Map<String, Doc> docs, String id, String what) {
        Doc doc = id == null ? null : docs.get(id);
        if (doc == null) {
            throw ApiException.notFound(what + " not found");
        }
        authorizeLocation(doc.locationId());
        return doc;
    }

    /** Answers a JSON object; every GHL answer carries a traceId. */
    void json(int status, Map<String, Object> map) {
        map.putIfAbsent("traceId", traceId);
        ctx.status(status).contentType("application/json").result(Json.write(map));
    }
}
