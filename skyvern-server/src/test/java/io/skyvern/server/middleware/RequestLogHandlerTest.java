package io.skyvern.server.middleware;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogHandlerTest {

    @Test
    void milliseconds_print_as_string_format_did() {
        long[] edges = {0, 1, 49_999, 50_000, 50_001, 99_999, 100_000, 149_999, 150_000, 950_000, 999_999,
            1_000_000, 1_049_999, 1_050_000, 12_345_678, 780_949_999, 780_950_000, 60_000_000_000L};
        for (long nanos : edges) {
            assertSame(nanos);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 100_000; i++) {
            assertSame(random.nextLong(0, 10_000_000_000L));
        }
    }

    @Test
    void a_missing_start_time_prints_zero() {
        assertThat(RequestLogHandler.millisOneDecimal(0)).isEqualTo("0.0");
        assertThat(RequestLogHandler.millisOneDecimal(-5)).isEqualTo("0.0");
    }

    private static void assertSame(long nanos) {
        String expected = String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
        assertThat(RequestLogHandler.millisOneDecimal(nanos)).as(nanos + " ns").isEqualTo(expected);
    }
}
