package io.recruitflow.bootstrap.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference's {@code processNewRecruit} (the "Node.js SDK Example" of the API reference Recruitflow was
 * specified from) done the way it is written, in Java, as the baseline: one lead after another, no client-side
 * throttling, no retries, no dedupe — {@code POST /contacts/} (create, not upsert), {@code POST /opportunities/},
 * {@code POST /conversations/messages}, {@code POST /contacts/{id}/workflow/wf_speed_to_lead}, with
 * {@code Version: 2021-07-28} on every call. Like axios under {@code await}, the first non-2xx answer
 * aborts that lead's flow; the loop goes on with the next lead.
 */
final class NaiveReferenceFlow {
    private static final String VERSION = "2021-07-28";
    private static final String[] STEPS = {"create contact", "create opportunity", "send SMS", "trigger workflow"};

    /** What one pass over a lead file did. */
    record Pass(
            int leads,
            int succeeded,
            int failed,
            Map<String, Integer> failedAtStep,
            Map<Integer, Integer> statuses,
            int calls,
            Duration elapsed) {}

    private final String baseUrl;
    private final String token;
    private final String location;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final JsonAdapter<Map<String, Object>> json =
            new Moshi.Builder().build().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

    NaiveReferenceFlow(String baseUrl, String token, String location) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.location = location;
    }

    Pass run(List<BenchLeads.Lead> leads) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int succeeded = 0;
        int calls = 0;
        Map<String, Integer> failedAt = new LinkedHashMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (BenchLeads.Lead lead : leads) {
            int step = 0;
            Answer answer = null;
            // 1. Create contact
            answer = post("/contacts/", contactBody(lead));
            calls++;
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.ok()) {
                @SuppressWarnings("unchecked")
                String contactId = (String) ((Map<String, Object>) answer.body().get("contact")).get("id");
                // 2. Create opportunity in recruiting pipeline
                step = 1;
                answer = post(
                        "/opportunities/",
                        Map.of(
                                "pipelineId",
                                "pipe_recruiting",
                                "locationId",
                                location,
                                "name",
                                lead.first() + " " + lead.last() + " - Agent Recruit",
                                "pipelineStageId",
                                "stage_lead",
                                "contactId",
                                contactId,
                                "status",
                                "open"));
                calls++;
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.ok()) {
                    // 3. Send initial SMS
                    step = 2;
                    answer = post(
                            "/conversations/messages",
                            Map.of(
                                    "type",
                                    "SMS",
                                    "contactId",
                                    contactId,
                                    "message",
                                    "Hi " + lead.first()
                                            + ", this is Gary from OOC Unlimited. I noticed you're a licensed agent in "
                                            + lead.state()
                                            + ". I'd love to share an opportunity with you. When's a good time to chat?"
                                            + " Reply STOP to opt out."));
                    calls++;
                    statuses.merge(answer.status(), 1, Integer::sum);
                    if (answer.ok()) {
                        // 4. Add to speed-to-lead workflow
                        step = 3;
                        answer = post("/contacts/" + contactId + "/workflow/wf_speed_to_lead", Map.of());
                        calls++;
                        statuses.merge(answer.status(), 1, Integer::sum);
                    }
                }
            }
            if (answer.ok()) {
                succeeded++;
            } else {
                failedAt.merge(STEPS[step], 1, Integer::sum);
            }
        }
        return new Pass(
                leads.size(),
                succeeded,
                leads.size() - succeeded,
                failedAt,
                statuses,
                calls,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private Map<String, Object> contactBody(BenchLeads.Lead lead) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", lead.first());
        body.put("lastName", lead.last());
        body.put("email", lead.email());
        body.put("phone", lead.phone());
        body.put("locationId", location);
        body.put("tags", List.of("PropHog-Lead", "Licensed"));
        body.put("source", "PropHog");
        body.put(
                "customFields",
                List.of(
                        Map.of("id", "cf_license_state", "value", lead.state()),
                        Map.of("id", "cf_license_type", "value", lead.types())));
        return body;
    }

    private record Answer(int status, Map<String, Object> body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private Answer post(String path, Map<String, Object> body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Version", VERSION)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json.toJson(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Map<String, Object> parsed =
                response.statusCode() / 100 == 2 && !response.body().isBlank()
                        ? json.fromJson(response.body())
                        : Map.of();
        return new Answer(response.statusCode(), parsed);
    }
}
