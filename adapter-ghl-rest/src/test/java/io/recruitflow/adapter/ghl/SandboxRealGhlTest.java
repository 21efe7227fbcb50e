package io.recruitflow.adapter.ghl;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.recruit.ContactDirectory;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GHL adapter against the sandbox where GHL behaves other than our first assumptions did: do-not-disturb
 * per channel in the contact, an upsert that drops the second identifier, the location's duplicate setting,
 * a contact's existing opportunity.
 */
class SandboxRealGhlTest {
    private static final LocationId LOC = new LocationId("loc_abc123");
    private static final MediaType JSON = MediaType.get("application/json");
    private static GhlSandbox sandbox;
    private static final OkHttpClient http = new OkHttpClient();
    private GhlClient ghl;

    @BeforeAll
    static void startSandbox() {
        sandbox = GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("100/1s"));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @BeforeEach
    void client() {
        sandbox.reset();
        ghl = GhlClient.create(
                GhlClientConfig.builder()
                        .baseUrl(sandbox.baseUrl())
                        .privateIntegrationToken(
                                sandbox.credentials().location(LOC.value()).privateIntegrationToken())
                        .defaultLocation(LOC.value())
                        .rateLimit("100/1s")
                        .backoff(Duration.ofMillis(5), Duration.ofMillis(50))
                        .attemptTimeout(Duration.ofSeconds(3))
                        .build(),
                null,
                Clock.system());
    }

    @AfterEach
    void closeClient() {
        ghl.close();
    }

    private static ContactDraft draft(String email, String phone) {
        return new ContactDraft(
                LOC,
                "John",
                "Smith",
                Optional.ofNullable(email).map(EmailAddress::new),
                Optional.ofNullable(phone).map(PhoneNumber::new),
                Set.of("Licensed"),
                List.of(),
                Optional.of("PropHog"));
    }

    /** A call to GHL's API as another GHL client (a user's form, GHL's UI) would make it. */
    private static String ghlCall(String method, String path, String body) throws IOException {
        Request request = new Request.Builder()
                .url(sandbox.baseUrl() + path)
                .header(
                        "Authorization",
                        "Bearer " + sandbox.credentials().location(LOC.value()).privateIntegrationToken())
                .header("Version", "2021-07-28")
                .method(method, body == null ? null : RequestBody.create(body, JSON))
                .build();
        try (Response r = http.newCall(request).execute()) {
            String answer = r.body() == null ? "" : r.body().string();
            assertThat(r.code()).as("%s %s", method, path).isLessThan(300);
            return answer;
        }
    }

    private static String createContact(String email, String phone) throws IOException {
        String answer = ghlCall(
                "POST",
                "/contacts/",
                "{\"locationId\":\"" + LOC.value() + "\",\"firstName\":\"Old\""
                        + (email == null ? "" : ",\"email\":\"" + email + "\"")
                        + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + "}");
        int at = answer.indexOf("\"id\":\"") + 6;
        return answer.substring(at, answer.indexOf('"', at));
    }

    @Test
    void theUpsertAnswersDoNotDisturbPerChannelPermanentIncluded() throws IOException {
        String id = createContact(null, "+14075551234");
        ghlCall("PUT", "/contacts/" + id, "{\"dndSettings\":{\"SMS\":{\"status\":\"permanent\",\"code\":\"103\"}}}");

        ContactDirectory.Upserted upserted = ghl.contacts().upsert(draft(null, "+14075551234"));

        assertThat(upserted.contact().id()).isEqualTo(new ContactId(id));
        assertThat(upserted.contact().dnd().blocksTexts()).isTrue();
        assertThat(upserted.contact().dnd().everyChannel()).isFalse();
    }

    @Test
    void inactiveChannelsAreNoDnd() throws IOException {
        String id = createContact(null, "+14075551234");
        ghlCall(
                "PUT",
                "/contacts/" + id,
                "{\"dndSettings\":{\"SMS\":{\"status\":\"inactive\"},\"Email\":{\"status\":\"active\"}}}");

        ContactDirectory.Upserted upserted = ghl.contacts().upsert(draft(null, "+14075551234"));

        assertThat(upserted.contact().dnd().blocksTexts()).isFalse();
        assertThat(upserted.contact().dnd().blocksEmail()).isTrue();
    }
}
