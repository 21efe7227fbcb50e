package io.recruitflow.adapter.ghl;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.recruitflow.ghl.specs.GhlSpecs;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.Field;
import retrofit2.http.GET;
import retrofit2.http.HTTP;
import retrofit2.http.Headers;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Query;

/**
 * Checks every Retrofit method against GHL's official OpenAPI specs (vendored in ghl-specs): the path and HTTP
 * method exist, the Version header is in the operation's enum, the required query parameters are sent, and our
 * request DTO can carry every required field.
 */
class SpecConformanceTest {
    /** method + normalised path -> operation, across every spec file. */
    private static final Map<String, Operation> OPERATIONS = new LinkedHashMap<>();

    private record Operation(String file, Map<String, Object> op, Map<String, Object> schemas) {}

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readSpecs() throws IOException {
        JsonAdapter<Map<String, Object>> adapter =
                new Moshi.Builder().build().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
        for (String service : GhlSpecs.openApiServices()) {
            Map<String, Object> spec = adapter.fromJson(GhlSpecs.openApi(service));
            Map<String, Object> paths = (Map<String, Object>) spec.getOrDefault("paths", Map.of());
            Map<String, Object> components = (Map<String, Object>) spec.getOrDefault("components", Map.of());
            Map<String, Object> schemas = (Map<String, Object>) components.getOrDefault("schemas", Map.of());
            paths.forEach((path, ops) -> ((Map<String, Object>) ops).forEach((method, op) -> {
                if (op instanceof Map<?, ?> m) {
                    OPERATIONS.put(
                            key(method, path), new Operation(service + ".json", (Map<String, Object>) m, schemas));
                }
            }));
        }
        assertThat(OPERATIONS).hasSizeGreaterThan(100);
    }

    private static String key(String method, String path) {
        String p = (path.startsWith("/") ? path : "/" + path).replaceAll("\\{[^}]+}", "{}");
        return method.toUpperCase(Locale.ROOT) + " " + p;
    }

    private static List<Method> retrofitMethods() {
        List<Method> all = new ArrayList<>();
        for (GhlService s : GhlService.values()) {
            all.addAll(List.of(s.api.getDeclaredMethods()));
        }
        return all;
    }

    private static String endpoint(Method m) {
        for (Annotation a : m.getAnnotations()) {
            if (a instanceof GET g) {
                return key("GET", g.value());
            } else if (a instanceof POST p) {
                return key("POST", p.value());
            } else if (a instanceof PUT p) {
                return key("PUT", p.value());
            } else if (a instanceof DELETE d) {
                return key("DELETE", d.value());
            } else if (a instanceof HTTP h) {
                return key(h.method(), h.path());
            }
        }
        throw new AssertionError(m + " has no HTTP annotation");
    }

    @TestFactory
    Stream<DynamicTest> everyRetrofitMethodMatchesItsSpecOperation() {
        return retrofitMethods().stream()
                .map(m -> DynamicTest.dynamicTest(
                        m.getDeclaringClass().getSimpleName() + "." + m.getName() + " " + endpoint(m), () -> check(m)));
    }

    @SuppressWarnings("unchecked")
    private void check(Method m) {
        String endpoint = endpoint(m);
        Operation operation = OPERATIONS.get(endpoint);
        assertThat(operation).as("%s exists in the specs", endpoint).isNotNull();
        List<Map<String, Object>> params =
                (List<Map<String, Object>>) operation.op().getOrDefault("parameters", List.of());

        // Version: ours must be in the operation's enum; none where the spec declares none.
        String ours = null;
        Headers headers = m.getAnnotation(Headers.class);
        if (headers != null) {
            for (String h : headers.value()) {
                if (h.startsWith("Version:")) {
                    ours = h.substring("Version:".length()).strip();
                }
            }
        }
        Map<String, Object> version = params.stream()
                .filter(p -> "Version".equals(p.get("name")))
                .findFirst()
                .orElse(null);
        if (version == null) {
            assertThat(ours).as("%s declares no Version", endpoint).isNull();
        } else {
            List<Object> allowed = (List<Object>) ((Map<String, Object>) version.get("schema")).get("enum");
            assertThat(allowed).as("Version of %s", endpoint).contains(ours);
            assertThat(ours).isEqualTo(GhlService.of(m.getDeclaringClass()).defaultVersion);
        }

        // Required query parameters are sent.
        Set<String> ourQueries = new HashSet<>();
        Set<String> ourFields = new HashSet<>();
        Class<?> bodyType = null;
        for (Parameter p : m.getParameters()) {
            if (p.getAnnotation(Query.class) != null) {
                ourQueries.add(p.getAnnotation(Query.class).value());
            }
            if (p.getAnnotation(Field.class) != null) {
                ourFields.add(p.getAnnotation(Field.class).value());
            }
            if (p.getAnnotation(Body.class) != null) {
                bodyType = p.getType();
            }
        }
        for (Map<String, Object> p : params) {
            if ("query".equals(p.get("in")) && Boolean.TRUE.equals(p.get("required"))) {
                assertThat(ourQueries)
                        .as("required query parameters of %s", endpoint)
                        .contains((String) p.get("name"));
            }
        }

        // The request body can carry every required field.
        Map<String, Object> requestBody = (Map<String, Object>) operation.op().get("requestBody");
        if (requestBody == null) {
            assertThat(bodyType).as("%s takes no body", endpoint).isNull();
            assertThat(ourFields).isEmpty();
            return;
        }
        Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
        Map.Entry<String, Object> media = content.entrySet().iterator().next();
        Map<String, Object> schema = resolve(
                (Map<String, Object>) ((Map<String, Object>) media.getValue()).get("schema"), operation.schemas());
        List<String> required = (List<String>) schema.getOrDefault("required", List.of());
        Set<String> properties = ((Map<String, Object>) schema.getOrDefault("properties", Map.of())).keySet();
        Set<String> carried = media.getKey().contains("form") ? ourFields : jsonNames(bodyType);
        if (media.getKey().contains("form")) {
            assertThat(bodyType).isNull();
        } else {
            assertThat(bodyType).as("%s sends a JSON body", endpoint).isNotNull();
        }
        assertThat(carried).as("%s can carry the required fields", endpoint).containsAll(required);
        if (!properties.isEmpty()) {
            // Everything we send is a field the spec knows (the search body's schema is empty in the spec).
            assertThat(properties).as("%s knows every field we send", endpoint).containsAll(carried);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas) {
        Object ref = schema.get("$ref");
        return ref == null
                ? schema
                : (Map<String, Object>) schemas.get(((String) ref).substring(((String) ref).lastIndexOf('/') + 1));
    }

    private static Set<String> jsonNames(Class<?> type) {
        Set<String> names = new HashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Json json = c.getAnnotation(Json.class);
            names.add(json != null ? json.name() : c.getName());
        }
        return names;
    }

    /** Every endpoint of the reference (in its real v2 form) has a Retrofit method. */
    @Test
    void theReferenceEndpointsAreAllCovered() {
        Set<String> ours = new HashSet<>();
        retrofitMethods().forEach(m -> ours.add(endpoint(m)));
        assertThat(ours)
                .contains(
                        "POST /contacts/",
                        "POST /contacts/upsert",
                        "POST /contacts/search",
                        "GET /contacts/",
                        "GET /contacts/{}",
                        "PUT /contacts/{}",
                        "DELETE /contacts/{}",
                        "POST /contacts/{}/tags",
                        "DELETE /contacts/{}/tags",
                        "POST /contacts/{}/workflow/{}",
                        "DELETE /contacts/{}/workflow/{}",
                        "POST /opportunities/",
                        "GET /opportunities/search",
                        "GET /opportunities/{}",
                        "PUT /opportunities/{}",
                        "PUT /opportunities/{}/status",
                        "DELETE /opportunities/{}",
                        "GET /opportunities/pipelines",
                        "POST /conversations/messages",
                        "GET /conversations/search",
                        "GET /conversations/{}/messages",
                        "GET /calendars/",
                        "GET /calendars/{}/free-slots",
                        "POST /calendars/events/appointments",
                        "PUT /calendars/events/appointments/{}",
                        "DELETE /calendars/events/{}",
                        "GET /workflows/",
                        "GET /locations/search",
                        "GET /locations/{}",
                        "GET /users/",
                        "GET /users/search",
                        "GET /users/{}",
                        "POST /oauth/token",
                        "POST /oauth/locationToken");
    }
}
