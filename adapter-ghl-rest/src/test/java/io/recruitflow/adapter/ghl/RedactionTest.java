package io.recruitflow.adapter.ghl;

import static io.recruitflow.adapter.ghl.MockGhl.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The debug log names method, path, status and duration, and never a token, secret, email or phone number. */
class RedactionTest {

    @Test
    void theHttpLogIsRedacted() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("io.recruitflow.adapter.ghl.http");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(json(201, "{\"contact\":" + MockGhl.contactJson("cont_1") + "}"));
            try (GhlClient ghl = MockGhl.client(server)) {
                ghl.contacts()
                        .create(new ContactDraft(
                                new LocationId(MockGhl.LOC),
                                "John",
                                "Smith",
                                Optional.of(new EmailAddress("john.smith@example.com")),
                                Optional.of(new PhoneNumber("+14075551234")),
                                Set.of(),
                                List.of(),
                                Optional.empty()));
            }
        } finally {
            logger.setLevel(before);
            logger.detachAppender(appender);
        }
        String log =
                appender.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));

        assertThat(log).contains("POST /contacts/ -> 201 in ").contains(" ms");
        assertThat(log)
                .doesNotContain(MockGhl.TOKEN)
                .doesNotContain("john.smith@")
                .doesNotContain("4075551234")
                .contains("j***@example.com")
                .contains("***1234");
    }

    @Test
    void secretsInBodiesAndFormsAreMasked() {
        assertThat(Redactor.redact(
                        "client_id=c&client_secret=s3cr3t&grant_type=refresh_token&refresh_token=r3fr3sh&code=c0de"))
                .isEqualTo("client_id=c&client_secret=***&grant_type=refresh_token&refresh_token=***&code=***");
        assertThat(Redactor.redact(
                        "{\"access_token\":\"eyJhbGciOi\",\"refresh_token\":\"def502\",\"expires_in\":86400}"))
                .isEqualTo("{\"access_token\":\"***\",\"refresh_token\":\"***\",\"expires_in\":86400}");
        assertThat(Redactor.redact("Authorization: Bearer eyJhbGciOi.abc")).isEqualTo("Authorization: Bearer ***");
        assertThat(Redactor.redact("/contacts/?query=%2B14075551234&startAfter=1603870249758"))
                .isEqualTo("/contacts/?query=+***1234&startAfter=1603870249758");
    }
}
