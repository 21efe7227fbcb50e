package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.intakerecruit.IntakeAcceptance;
import io.recruitflow.application.schedulepresentation.BookingResult;
import io.recruitflow.domain.recruit.RecruitId;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI 3.1 description of the admin API ({@code openapi.json}) is valid, is served, and matches the
 * routes both ways: every route the server registers (but the few that are not the admin API) is documented,
 * and every documented operation answers on a running server — neither "no such route" nor 405.
 */
class OpenApiDocumentTest {
    static final String TOKEN = "openapi-token-0123456789abcdef";
    static final String DOCUMENT_PATH =
            "adapter-webhook/src/main/resources/io/recruitflow/adapter/webhook/openapi.json";

    /** Routes that are not the admin API: GHL's webhooks, the OAuth install flow and the dashboard pages. */
    static final Set<String> NOT_THE_ADMIN_API = Set.of(
            "POST /webhooks/ghl",
            "GET /oauth/install",
            "GET /oauth/callback",
            "GET /",
            "GET /recruits/{id}",
            "GET /report");

    private WebhookServer server;
    private Http http;

    @BeforeEach
    void start() {
        AdminServices services = DashboardFixture.services(q -> DashboardFixture.funnel(), new FakeEventInbox());
        RecruitId id = RecruitId.parse("00000000-0000-0000-0000-00000000a001");
        when(services.intake().accept(any())).thenReturn(new IntakeAcceptance.Accepted(id));
        when(services.imports().importLeads(any()))
                .thenReturn(new ImportReport(0, List.of(), List.of(), List.of(), Optional.empty()));
        when(services.presentations().schedule(any())).thenReturn(new BookingResult.NotFound("no such recruit"));
        when(services.recruits().list(any(), any(), org.mockito.ArgumentMatchers.anyInt()))
                .thenReturn(new io.recruitflow.domain.shared.Page<>(List.of(), Optional.empty()));
        server = WebhookServer.builder(WebhookConfig.defaults().withAdminToken(TOKEN))
                .inbox(new FakeEventInbox())
                .admin(new AdminServices(
                        services.intake(),
                        services.imports(),
                        services.recruits(),
                        services.presentations(),
                        services.funnel(),
                        services.inbox(),
                        Optional.of(new io.recruitflow.domain.shared.LocationId("loc_1"))))
                .build();
        http = new Http(server.start(0));
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(1));
    }

    static OpenAPI parsed() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser()
                .readContents(new String(OpenApiDocument.bytes(), StandardCharsets.UTF_8), null, options);
        assertThat(result.getMessages())
                .as("the parser's messages about openapi.json")
                .isEmpty();
        return result.getOpenAPI();
    }

    @Test
    void the_document_is_valid_openapi_3_1_with_bearer_authentication() {
        OpenAPI api = parsed();

        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(api.getComponents().getSecuritySchemes().get("bearerAuth").getScheme())
                .isEqualTo("bearer");
        assertThat(api.getSecurity())
                .singleElement()
                .satisfies(r -> assertThat(r).containsKey("bearerAuth"));
        // Every $ref points somewhere.
        String text = new String(OpenApiDocument.bytes(), StandardCharsets.UTF_8);
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("#/components/(schemas|responses)/(\\w+)")
                .matcher(text);
        while (refs.find()) {
            Map<String, ?> section = refs.group(1).equals("schemas")
                    ? api.getComponents().getSchemas()
                    : api.getComponents().getResponses();
            assertThat(section).as("the target of %s", refs.group()).containsKey(refs.group(2));
        }
    }

    @Test
    void it_is_served_at_api_openapi_json_behind_the_token() {
        assertThat(http.get("/api/openapi.json").statusCode()).isEqualTo(401);
        HttpResponse<String> r = http.get("/api/openapi.json", "Authorization", "Bearer " + TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(r.body()).isEqualTo(new String(OpenApiDocument.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void every_route_the_server_registers_is_documented() {
        Set<String> documented = documentedOperations(parsed()).stream()
                .map(o -> o.method() + " " + o.path())
                .collect(java.util.stream.Collectors.toSet());
        List<String> routes = server.routes();
        assertThat(routes).as("the server's routes").contains("POST /api/recruits", "GET /api/recruits/{id}");

        List<String> undocumented = routes.stream()
                .filter(r -> !NOT_THE_ADMIN_API.contains(r))
                .filter(r -> !documented.contains(r))
                .toList();

        assertThat(undocumented)
                .as("routes the server registers that %s does not document (add each under \"paths\")", DOCUMENT_PATH)
                .isEmpty();
    }

    @Test
    void every_documented_operation_answers_on_a_running_server() {
        List<String> unanswered = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (DocumentedOperation o : documentedOperations(parsed())) {
            HttpResponse<String> withToken = http.send(request(o, true));
            boolean noSuchRoute =
                    withToken.statusCode() == 404 && withToken.body().contains("no such route");
            if (noSuchRoute || withToken.statusCode() == 405) {
                unanswered.add(o.method() + " " + o.path() + " → " + withToken.statusCode());
            }
            boolean needsToken = o.operation().getSecurity() == null; // the document's default: bearer
            if (needsToken && http.send(request(o, false)).statusCode() != 401) {
                open.add(o.method() + " " + o.path());
            }
        }
        assertThat(unanswered)
                .as("operations %s documents that the server does not answer", DOCUMENT_PATH)
                .isEmpty();
        assertThat(open)
                .as("operations documented as needing the bearer token that answer without it")
                .isEmpty();
    }

    record DocumentedOperation(String method, String path, Operation operation) {}

    static List<DocumentedOperation> documentedOperations(OpenAPI api) {
        List<DocumentedOperation> operations = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            path.getValue()
                    .readOperationsMap()
                    .forEach((method, operation) ->
                            operations.add(new DocumentedOperation(method.name(), path.getKey(), operation)));
        }
        return operations;
    }

    /** A request the operation takes: path parameters from their examples, the body of its first media type. */
    private HttpRequest request(DocumentedOperation o, boolean withToken) {
        String path = o.path();
        Set<Parameter> parameters = new LinkedHashSet<>();
        if (o.operation().getParameters() != null) {
            parameters.addAll(o.operation().getParameters());
        }
        for (Parameter p : parameters) {
            if ("path".equals(p.getIn())) {
                Object example = p.getSchema() == null ? null : p.getSchema().getExample();
                path = path.replace(
                        "{" + p.getName() + "}",
                        String.valueOf(example == null ? "00000000-0000-0000-0000-0000000000ff" : example));
            }
        }
        HttpRequest.Builder b = http.request(path);
        if (withToken) {
            b.header("Authorization", "Bearer " + TOKEN);
        }
        if (o.operation().getRequestBody() != null) {
            Map.Entry<String, MediaType> media = o.operation()
                    .getRequestBody()
                    .getContent()
                    .entrySet()
                    .iterator()
                    .next();
            Object example = media.getValue().getExample();
            String body = example instanceof String s
                    ? s
                    : example != null ? io.swagger.v3.core.util.Json.pretty(example) : "{}";
            b.header("Content-Type", media.getKey());
            b.method(o.method(), HttpRequest.BodyPublishers.ofString(body));
        } else {
            if (!o.method().equals("GET")) {
                // Every state-changing admin route takes application/json, even without a body (ApiRequestGuard).
                b.header("Content-Type", "application/json");
            }
            b.method(o.method(), HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }
}
