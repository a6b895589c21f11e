package io.skyvern.server.middleware;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessTimeHandlerTest {
    @Test
    void process_time_is_plain_seconds_never_scientific_notation() {
        assertThat(ProcessTimeHandler.seconds(42_000)).isEqualTo("0.000042");
        assertThat(ProcessTimeHandler.seconds(400)).isEqualTo("0.000000");
        assertThat(ProcessTimeHandler.seconds(1_234_567_890)).isEqualTo("1.234568");
        assertThat(ProcessTimeHandler.seconds(-5)).isEqualTo("0.000000");
    }
}
