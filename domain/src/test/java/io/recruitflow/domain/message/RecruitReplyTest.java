package io.recruitflow.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecruitReplyTest {
    static final Instant AT = Instant.parse("2026-02-12T15:00:00Z");

    static RecruitReply reply(RecruitReply.Kind kind) {
        return RecruitReply.received(
                "evt_1",
                new RecruitId(UUID.randomUUID()),
                new LocationId("loc_abc123"),
                new ContactId("c_1"),
                kind,
                "why",
                Optional.of("Not interested"),
                AT);
    }

    @Test
    void theTextIsKeptOnlyForAReplyUnderReview() {
        assertThat(reply(RecruitReply.Kind.REVIEW).body()).contains("Not interested");
        assertThat(reply(RecruitReply.Kind.OPT_OUT).body()).isEmpty();
        assertThat(reply(RecruitReply.Kind.HELP).body()).isEmpty();
    }

    @Test
    void aReviewHoldsUntilDecided() {
        RecruitReply open = reply(RecruitReply.Kind.REVIEW);
        assertThat(open.open()).isTrue();
        assertThat(open.decided(new RecruitReply.Decision(false, "admin", AT)).open())
                .isFalse();
        assertThat(reply(RecruitReply.Kind.OPT_OUT).open()).isFalse();
    }

    @Test
    void onlyAReviewIsDecidedAndADecisionNamesWhoDecided() {
        assertThatThrownBy(() -> reply(RecruitReply.Kind.HELP).decided(new RecruitReply.Decision(true, "admin", AT)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecruitReply.Decision(true, " ", AT)).isInstanceOf(IllegalArgumentException.class);
    }
}
