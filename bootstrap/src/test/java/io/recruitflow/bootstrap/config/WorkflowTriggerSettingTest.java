package io.recruitflow.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.setup.WorkflowTrigger;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code RECRUITFLOW_WORKFLOW_TRIGGER}: {@code api} by default, {@code tag:NAME}, anything else refused at start. */
class WorkflowTriggerSettingTest {
    @Test
    void theDefaultKeepsTheEnrollmentCall() {
        assertThat(RecruitflowConfig.recruiting(Settings.load(Optional.empty(), Map.of()))
                        .workflowTrigger())
                .isEqualTo(new WorkflowTrigger.Api());
    }

    @Test
    void aTagTriggerIsRead() {
        Settings settings = Settings.load(Optional.empty(), Map.of("RECRUITFLOW_WORKFLOW_TRIGGER", "tag:new-lead"));

        assertThat(RecruitflowConfig.recruiting(settings).workflowTrigger())
                .isEqualTo(new WorkflowTrigger.Tag("new-lead"));
    }

    @Test
    void anythingElseIsRefusedNamingTheVariable() {
        Settings settings = Settings.load(Optional.empty(), Map.of("RECRUITFLOW_WORKFLOW_TRIGGER", "tag:"));

        assertThatThrownBy(() -> RecruitflowConfig.recruiting(settings))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("RECRUITFLOW_WORKFLOW_TRIGGER");
    }
}
