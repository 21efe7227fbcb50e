package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.shared.ExternalFailure;
import org.junit.jupiter.api.Test;

/** What an admin is told when a GHL call their request needed failed: the kind, never GHL's own text. */
class CrmFailureDescriptionTest {
    @Test
    void eachKindOfFailureSaysWhatToDoAndNothingOfGhlsMessage() {
        String secretish = "phone +14075551234 rejected [traceId abc]";

        assertThat(WebhookServer.describe(new ExternalFailure.Rejected(secretish)))
                .isEqualTo("GHL refused the request");
        assertThat(WebhookServer.describe(new ExternalFailure.Unavailable(secretish)))
                .isEqualTo("GHL did not answer; try again later");
        assertThat(WebhookServer.describe(new ExternalFailure.OutcomeUnknown(secretish)))
                .contains("check GHL before trying again");
        assertThat(WebhookServer.describe(new ExternalFailure.AccessDenied(secretish)))
                .contains("installed again");
    }
}
