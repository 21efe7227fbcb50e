package io.recruitflow.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.JobPayload;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.recruit.IntakePhase;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of job payload survives db-scheduler's {@code task_data}, as readable JSON. */
class JobPayloadSerializerTest {
    private final JobPayloadSerializer serializer = new JobPayloadSerializer();

    @Test
    void everyKindOfPayloadRoundTrips() {
        RecruitId recruit = RecruitId.random();
        List<JobPayload> payloads = List.of(
                new JobPayload.Intake(recruit, IntakePhase.FIRST),
                new JobPayload.Intake(recruit, IntakePhase.FOLLOW_UP),
                new JobPayload.EnrollLocation(new LocationId("loc_abc123")),
                new JobPayload.SweepEnrollments(),
                new JobPayload.DeliverMessage(new MessageKey("intro/" + recruit), recruit),
                new JobPayload.AnswerReply("evt_1", recruit),
                new JobPayload.NurtureStep("nurture/" + recruit + "/1", recruit),
                new JobPayload.SweepInbox(),
                new JobPayload.DeliverEvents(),
                new JobPayload.SweepStalls());
        assertThat(payloads.stream().<Class<?>>map(JobPayload::getClass).distinct())
                .containsExactlyInAnyOrder(JobPayload.class.getPermittedSubclasses());

        for (JobPayload payload : payloads) {
            assertThat(serializer.deserialize(JobPayload.class, serializer.serialize(payload)))
                    .isEqualTo(payload);
        }
    }

    @Test
    void aLocationsEnrollmentBatchIsStoredAsItsLocationId() {
        byte[] json = serializer.serialize(new JobPayload.EnrollLocation(new LocationId("loc_abc123")));

        assertThat(new String(json, StandardCharsets.UTF_8))
                .isEqualTo("{\"kind\":\"EnrollLocation\",\"location\":\"loc_abc123\"}");
    }
}
