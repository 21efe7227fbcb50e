package io.recruitflow.sandbox;

import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OAuth of the emulated marketplace app: {@code chooselocation} approves at once and redirects with a
 * code (an INSTALL webhook follows), {@code /oauth/token} exchanges codes and single-use refresh
 * tokens for the Location or Company user type, {@code /oauth/locationToken} turns an agency token
 * into a location token.
 */
final class OAuthServerRoutes {
    private final Engine engine;

    OAuthServerRoutes(Engine engine) {
        this.engine = engine;
    }

    void register(ApiServer.Routes routes) {
        routes.open(HandlerType.GET, "/oauth/chooselocation", false, this::chooseLocation);
        routes.open(HandlerType.GET, "/v2/oauth/chooselocation", false, this::chooseLocation);
        routes.open(HandlerType.POST, "/oauth/token", false, this::token);
        routes.post("/oauth/locationToken", this::locationToken);
    }

    /**
     * The consent page, approved at once (no page to click): for {@code locationId} (default: the first location),
     * or, with {@code user_type=Company}, for the agency. GHL shows a logged-in user its marketplace consent page
     * instead, where they pick the agency or a sub-account and approve the scopes; the sandbox skips that step so
     * that a plain HTTP client ({@code curl -L}) completes an install. The INSTALL webhook that follows is the
     * location's or, for the agency, GHL's agency-level one (no {@code locationId}).
     */
    private void chooseLocation(ApiCall call) {
        List<String> problems = new ArrayList<>();
        if (!"code".equals(call.query("response_type"))) {
            problems.add("response_type must be code");
        }
        String redirectUri = call.query("redirect_uri");
        if (redirectUri == null) {
            problems.add("redirect_uri should not be empty");
        }
        String userType = call.query("user_type");
        boolean agency = userType != null && userType.equalsIgnoreCase("Company");
        if (userType != null && !agency && !userType.equalsIgnoreCase("Location")) {
            problems.add("user_type must be one of the following values: Company, Location");
        }
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable(problems);
        }
        if (!engine.oauthClientId.equals(call.query("client_id"))) {
            throw ApiException.badRequest("Invalid client_id");
        }
        String locationId =
                call.query("locationId") == null ? engine.store.locations.get(0).id() : call.query("locationId");
        if (engine.store.location(locationId) == null) {
            throw ApiException.notFound("Location not found");
        }
        String scope = call.query("scope") == null ? Tokens.ALL_SCOPES : call.query("scope");
        String code = engine.tokens.issueCode(Store.COMPANY_ID, locationId, scope, redirectUri);
        String target = redirectUri + (URI.create(redirectUri).getRawQuery() == null ? "?" : "&") + "code=" + code
                + (call.query("state") == null ? "" : "&state=" + encode(call.query("state")));
        Map<String, Object> install = Json.obj("type", "INSTALL", "appId", engine.appId);
        if (!agency) {
            install.put("locationId", locationId);
        }
        install.putAll(Json.obj(
                "companyId",
                Store.COMPANY_ID,
                "userId",
                Store.USER_ID,
                "planId",
                "sandbox_plan",
                "trial",
                Json.obj("onTrial", false),
                "isWhitelabelCompany",
                false,
                "whitelabelDetails",
                Json.obj(),
                "companyName",
                "OOC Unlimited Agency"));
        engine.emit(install);
        call.ctx.status(302).header("Location", target);
    }

    private void token(ApiCall call) {
        Map<String, String> form = form(call);
        List<String> problems = new ArrayList<>();
        for (String field : List.of("client_id", "client_secret", "grant_type")) {
            if (form.get(field) == null) {
                problems.add(field + " should not be empty");
            }
        }
        String grantType = form.get("grant_type");
        if (grantType != null && !List.of("authorization_code", "refresh_token").contains(grantType)) {
            problems.add("grant_type must be one of the following values: authorization_code, refresh_token");
        }
        String userType = form.get("user_type");
        if (userType != null && !List.of("Company", "Location").contains(userType)) {
            problems.add("user_type must be one of the following values: Company, Location");
        }
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable(problems);
        }
        if (!engine.oauthClientId.equals(form.get("client_id"))
                || !engine.oauthClientSecret.equals(form.get("client_secret"))) {
            throw ApiException.unauthorized("Invalid client credentials");
        }
        Tokens.Issued issued;
        if (grantType.equals("authorization_code")) {
            Tokens.AuthorizationCode code = engine.tokens.redeemCode(form.get("code"));
            if (code == null) {
                throw invalidGrant("Invalid grant: authorization code is invalid");
            }
            if (form.get("redirect_uri") != null && !form.get("redirect_uri").equals(code.redirectUri())) {
                throw invalidGrant("Invalid grant: redirect_uri does not match");
            }
            issued = engine.tokens.issueOAuth(
                    userType == null ? "Location" : userType, code.companyId(), code.locationId(), code.scope(), true);
        } else {
            // Single use: the refresh token just redeemed is refused from now on.
            issued = engine.tokens.refresh(form.get("refresh_token"));
            if (issued == null) {
                throw invalidGrant("Invalid grant: refresh token is invalid");
            }
        }
        call.json(200, tokenJson(issued));
    }

    private static ApiException invalidGrant(String description) {
        return ApiException.withExtra(
                400, description, Map.of("error", "invalid_grant", "error_description", description));
    }

    private void locationToken(ApiCall call) {
        Map<String, String> form = form(call);
        List<String> problems = new ArrayList<>();
        for (String field : List.of("companyId", "locationId")) {
            if (form.get(field) == null) {
                problems.add(field + " should not be empty");
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable(problems);
        }
        if (!call.grant.isCompany() || call.grant.kind() != Tokens.Kind.OAUTH) {
            throw ApiException.unauthorized(
                    "This authClass type is not allowed to access this scope. " + "Please reach out to support.");
        }
        if (!call.grant.companyId().equals(form.get("companyId"))
                || engine.store.location(form.get("locationId")) == null) {
            throw ApiException.badRequest("Location not found or the app is not installed on it");
        }
        Tokens.Issued issued = engine.tokens.issueOAuth(
                "Location", call.grant.companyId(), form.get("locationId"), call.grant.scope(), false);
        Engine.LocationCounters minted = engine.countersOf(form.get("locationId"));
        if (minted != null) {
            minted.locationTokens.increment();
        }
        Map<String, Object> json = tokenJson(issued);
        json.put("appId", engine.appId);
        json.put("versionId", engine.appId);
        call.json(200, json);
    }

    private Map<String, Object> tokenJson(Tokens.Issued issued) {
        Tokens.Grant grant = issued.grant();
        Map<String, Object> json = Json.obj(
                "access_token",
                issued.accessToken(),
                "token_type",
                "Bearer",
                "expires_in",
                issued.expiresInSeconds(),
                "refresh_token",
                issued.refreshToken(),
                "scope",
                grant.scope(),
                "userType",
                grant.userType(),
                "companyId",
                grant.companyId(),
                "locationId",
                grant.locationId(),
                "userId",
                Store.USER_ID,
                "planId",
                "sandbox_plan",
                "isBulkInstallation",
                false);
        if (grant.isCompany()) {
            List<String> approved = new ArrayList<>();
            engine.store.locations.forEach(l -> approved.add(l.id()));
            json.put("approvedLocations", approved);
        }
        return json;
    }

    /** The urlencoded form GHL expects; a JSON body is accepted too. */
    private static Map<String, String> form(ApiCall call) {
        Map<String, String> form = new LinkedHashMap<>();
        String contentType = call.ctx.contentType();
        if (contentType != null && contentType.toLowerCase().contains("json")) {
            call.body().forEach((k, v) -> form.put(k, v == null ? null : String.valueOf(v)));
        } else {
            call.ctx
                    .formParamMap()
                    .forEach((k, v) -> form.put(k, v.isEmpty() || v.get(0).isEmpty() ? null : v.get(0)));
        }
        return form;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
