package io.recruitflow.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The connection pool follows {@code RECRUITFLOW_JOB_THREADS}: two connections a worker (its unit of work's, held
 * across a GHL call, and the one the call's own stores take) and 8 for the rest, never fewer than the default 10. With
 * a fixed pool of 10, 10 or more workers ran the pool dry and every import failed (found by the agency benchmark).
 */
class ConnectionPoolSizeTest {
    private static RecruitflowConfig config(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("RECRUITFLOW_GHL_TOKEN", "pit-for-the-pool-test");
        return RecruitflowConfig.from(Settings.load(Optional.empty(), all));
    }

    @Test
    void theDefaultFourWorkersGetSixteenConnections() {
        assertThat(config(Map.of()).database().maximumPoolSize()).isEqualTo(16);
    }

    @Test
    void moreWorkersGetTwoConnectionsEachAndEightMore() {
        assertThat(config(Map.of("RECRUITFLOW_JOB_THREADS", "16")).database().maximumPoolSize())
                .isEqualTo(40);
        assertThat(config(Map.of("RECRUITFLOW_JOB_THREADS", "96")).database().maximumPoolSize())
                .isEqualTo(200);
    }

    @Test
    void moreWorkersThanThePoolCanServeAreRefusedAtStart() {
        assertThatThrownBy(() -> config(Map.of("RECRUITFLOW_JOB_THREADS", "97")))
                .isInstanceOf(Settings.ConfigException.class)
                .hasMessageContaining("RECRUITFLOW_JOB_THREADS must be at most 96");
    }
}
