package io.recruitflow.application.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.port.RecruitEvent;
import io.recruitflow.application.port.RecruitEventType;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecruitEventTest {
    static final RecruitId ANN = new RecruitId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    static final Instant T0 = Instant.parse("2026-12-01T14:00:00Z");

    static RecruitEvent event(RecruitEventType type, String source, Instant at) {
        return new RecruitEvent(
                type, ANN, new LocationId("loc_a"), Optional.empty(), at, source, Optional.empty(), Map.of());
    }

    @Test
    void theIdDependsOnTypeRecruitAndSourceOnly() {
        String id = event(RecruitEventType.NO_SHOW, "appt_1", T0).id();
        assertThat(id).matches("evt_[0-9a-f]{32}");
        assertThat(event(RecruitEventType.NO_SHOW, "appt_1", T0.plusSeconds(60)).id())
                .as("published again later: the same event")
                .isEqualTo(id);
        assertThat(event(RecruitEventType.NO_SHOW, "appt_2", T0).id()).isNotEqualTo(id);
        assertThat(event(RecruitEventType.BOOKED, "appt_1", T0).id()).isNotEqualTo(id);
    }

    @Test
    void everyTypeHasItsWireNameIncludingStalledAndNoShow() {
        assertThat(Arrays.stream(RecruitEventType.values()).map(RecruitEventType::wire))
                .containsExactly(
                        "recruit.accepted",
                        "recruit.texted",
                        "recruit.replied",
                        "recruit.booked",
                        "recruit.no_show",
                        "recruit.contracted",
                        "recruit.opted_out",
                        "recruit.stalled",
                        "recruit.intake_failed");
        assertThat(RecruitEventType.ofWire("recruit.stalled")).contains(RecruitEventType.STALLED);
        assertThat(RecruitEventType.ofWire("recruit.unknown")).isEmpty();
    }

    @Test
    void detailsAreShortCamelCaseValues() {
        assertThatThrownBy(() -> withDetails(Map.of("Phone Number", "x"))).hasMessageContaining("camelCase");
        assertThatThrownBy(() -> withDetails(Map.of("channel", "x".repeat(201))))
                .hasMessageContaining("200");
        assertThat(withDetails(Map.of("startsAt", "2026-12-02T15:00:00Z")).details())
                .containsKey("startsAt");
    }

    static RecruitEvent withDetails(Map<String, String> details) {
        return new RecruitEvent(
                RecruitEventType.REPLIED,
                ANN,
                new LocationId("loc_a"),
                Optional.empty(),
                T0,
                "evt_1",
                Optional.empty(),
                details);
    }
}
