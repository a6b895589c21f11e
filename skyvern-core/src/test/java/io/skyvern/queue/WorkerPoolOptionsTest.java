package io.skyvern.queue;

import io.skyvern.config.RunSettings;
import io.skyvern.config.SkyvernConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerPoolOptionsTest {
    @Test
    void idle_poll_doubles_from_50ms_up_to_1s() {
        WorkerPoolOptions o = WorkerPoolOptions.of(2);
        assertThat(o.pollDelay(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(o.pollDelay(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(o.pollDelay(5)).isEqualTo(Duration.ofMillis(800));
        assertThat(o.pollDelay(6)).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.pollDelay(1000)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void heartbeat_every_third_of_the_lease() {
        assertThat(WorkerPoolOptions.of(1).withLease(Duration.ofSeconds(30)).heartbeatEvery())
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void negative_workers_are_rejected() {
        assertThatThrownBy(() -> WorkerPoolOptions.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void node_id_fits_the_claimed_by_column() {
        assertThat(WorkerPoolOptions.of(1).nodeId()).hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void expired_leases_are_looked_for_every_quarter_of_the_lease() {
        assertThat(WorkerPoolOptions.of(2).recoverEvery()).isEqualTo(Duration.ofMillis(7500));
        WorkerPoolOptions shortLease = WorkerPoolOptions.of(2, Duration.ofSeconds(4));
        assertThat(shortLease.lease()).isEqualTo(Duration.ofSeconds(4));
        assertThat(shortLease.recoverEvery()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void the_lease_comes_from_the_configuration() {
        SkyvernConfig config = SkyvernConfig.defaults().withRuns(
                new RunSettings(Duration.ofMinutes(30), Duration.ofSeconds(30), false, Duration.ofSeconds(5), ""));
        assertThat(WorkerPoolOptions.from(config).lease()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void a_configured_node_name_gets_a_new_random_suffix_at_each_start() {
        SkyvernConfig config = SkyvernConfig.defaults().withRuns(
                new RunSettings(Duration.ofMinutes(30), Duration.ofSeconds(30), false, Duration.ofSeconds(30), "node-a"));
        String first = WorkerPoolOptions.from(config).nodeId();
        String second = WorkerPoolOptions.from(config).nodeId();
        assertThat(first).matches("node-a-[0-9a-f]{8}");
        assertThat(second).matches("node-a-[0-9a-f]{8}").isNotEqualTo(first);
    }

    @Test
    void without_a_configured_name_the_node_is_named_after_pid_and_host() {
        assertThat(WorkerPoolOptions.from(SkyvernConfig.defaults()).nodeId())
                .startsWith(java.lang.management.ManagementFactory.getRuntimeMXBean().getName() + "-");
    }
}
