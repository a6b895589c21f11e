package io.skyvern.server;

import io.skyvern.config.ConfigKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's execution_info.estimated_start_time: now while a worker is free, later when none is. */
class EstimatedStartIT {
    private static final String WAIT = "{\"title\":\"W\",\"workflow_definition\":{\"blocks\":[{\"id\":\"w\","
            + "\"type\":\"wait\",\"parameters\":{\"seconds\":0.1}}]}}";

    private static Instant estimate(TestServer s) {
        String id = s.post("/api/v1/workflows", WAIT).json().at("/data/workflow_id").asText();
        TestServer.Response started = s.post("/api/v1/workflows/" + id + "/runs", Map.of("parameters", Map.of()));
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        return Instant.parse(started.json().at("/execution_info/estimated_start_time").asText());
    }

    @Test
    void a_free_worker_means_now() {
        try (TestServer s = TestServer.start(Map.of(ConfigKey.WORKERS, "2"))) {
            Instant before = Instant.now();
            Instant estimated = estimate(s);
            assertThat(estimated).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        }
    }

    @Test
    void without_a_free_worker_it_is_later() {
        try (TestServer s = TestServer.start()) {   // no workers on this node
            Instant estimated = estimate(s);
            assertThat(Duration.between(Instant.now(), estimated)).isPositive();
        }
    }
}
