package io.recruitflow.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A minimal GHL client for tests: real HTTP on loopback, JSON in and out. */
final class Ghl {
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response with its parsed JSON body (a map, or null when not JSON). */
    record Response(int status, Map<String, List<String>> headers, String raw, Map<String, Object> json) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String key) {
            return (Map<String, Object>) json.get(key);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list(String key) {
            return (List<Map<String, Object>>) json.get(key);
        }

        String str(String key) {
            return (String) json.get(key);
        }
    }

    private final String baseUrl;
    private final String token;
    private String version = "2021-07-28";

    Ghl(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    static Ghl forLocation(GhlSandbox sandbox, String locationId) {
        return new Ghl(
                sandbox.baseUrl(), sandbox.credentials().location(locationId).privateIntegrationToken());
    }

    Ghl version(String version) {
        this.version = version;
        return this;
    }

    Ghl token(String token) {
        return new Ghl(baseUrl, token).version(version);
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, Object body) {
        return send("POST", path, body);
    }

    Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    Response delete(String path, Object body) {
        return send("DELETE", path, body);
    }

    Response send(String method, String path, Object body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (version != null) {
            request.header("Version", version);
        }
        request.header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(Json.writeString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return execute(request.build());
    }

    Response postForm(String path, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (version != null) {
            request.header("Version", version);
        }
        return execute(request.build());
    }

    static Response execute(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, Object> json = null;
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (contentType.startsWith("application/json") && !response.body().isEmpty()) {
                Object parsed = Json.parse(response.body());
                @SuppressWarnings("unchecked")
                Map<String, Object> map = parsed instanceof Map ? (Map<String, Object>) parsed : null;
                json = map;
            }
            return new Response(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A contact to create or upsert in a location. */
    static Map<String, Object> contact(String locationId, String first, String email, String phone) {
        return Json.obj(
                "locationId",
                locationId,
                "firstName",
                first,
                "lastName",
                "Recruit",
                "email",
                email,
                "phone",
                phone,
                "source",
                "test");
    }
}
