package io.recruitflow.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.JobPayload;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.recruit.IntakePhase;
import io.recruitflow.domain.recruit.RecruitId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Jobs scheduled by a version before typed payloads (V7) get their payload from what their id meant: an
 * upgrade loses no scheduled intake, deferred text or inbox sweep, and drops only jobs that had nothing to do.
 */
class TypedJobMigrationTest {
    private static final String SCHEMA = "before_typed_jobs";
    private static final String RECRUIT = "5b0d1c2e-0000-4000-8000-00000000a001";

    @Test
    void every_job_scheduled_before_typed_payloads_gets_its_payload() {
        Flyway flyway = Flyway.configure()
                .dataSource(TestDatabase.get().dataSource())
                .schemas(SCHEMA)
                .locations("classpath:db/migration")
                .cleanDisabled(false)
                .load();
        flyway.clean();
        Flyway.configure()
                .configuration(flyway.getConfiguration())
                .target("6")
                .load()
                .migrate();
        TestDatabase.jdbi().useHandle(h -> h.execute("""
                INSERT INTO %1$s.scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                VALUES ('INTAKE', '%2$s', now(), false, 1),
                       ('INTAKE', '%2$s:follow-up', now(), false, 1),
                       ('DEFERRED_MESSAGE', 'intro/%2$s', now(), false, 1),
                       ('DEFERRED_MESSAGE', 'noshow/appt_gone', now(), false, 1),
                       ('INBOX_DISPATCH', 'inbox-sweep', now(), false, 1),
                       ('INBOX_DISPATCH', 'wh_123', now(), false, 1)
                """.formatted(SCHEMA, RECRUIT)));

        flyway.migrate();

        JobPayloadSerializer serializer = new JobPayloadSerializer();
        Map<String, JobPayload> payloads = TestDatabase.jdbi()
                .withHandle(h -> h.createQuery("SELECT task_instance, task_data FROM " + SCHEMA + ".scheduled_tasks")
                        .map((rs, ctx) ->
                                Map.entry(rs.getString(1), serializer.deserialize(JobPayload.class, rs.getBytes(2))))
                        .list())
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        RecruitId recruit = RecruitId.parse(RECRUIT);
        assertThat(payloads)
                .containsOnly(
                        Map.entry(RECRUIT, new JobPayload.Intake(recruit, IntakePhase.FIRST)),
                        Map.entry(RECRUIT + ":follow-up", new JobPayload.Intake(recruit, IntakePhase.FOLLOW_UP)),
                        Map.entry(
                                "intro/" + RECRUIT,
                                new JobPayload.DeliverMessage(new MessageKey("intro/" + RECRUIT), recruit)),
                        Map.entry("inbox-sweep", new JobPayload.SweepInbox()));
        assertThat(List.copyOf(payloads.values()))
                .allSatisfy(p -> assertThat(payloads).containsKey(p.key()));
        flyway.clean();
    }
}
