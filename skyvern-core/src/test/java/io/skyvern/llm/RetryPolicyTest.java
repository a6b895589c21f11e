package io.skyvern.llm;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(1000), Duration.ofMillis(5000),
            Duration.ofSeconds(30));

    @Test
    void backoff_doubles_per_attempt_within_jitter_bounds() {
        assertThat(policy.backoff(1, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(1, Optional.empty(), 0.999)).isBetween(Duration.ofMillis(990), Duration.ofMillis(1000));
        assertThat(policy.backoff(2, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.backoff(3, Optional.empty(), 0.5)).isEqualTo(Duration.ofMillis(3000));
    }

    @Test
    void backoff_is_capped_at_max_delay_even_for_huge_attempts() {
        assertThat(policy.backoff(4, Optional.empty(), 0.999)).isLessThanOrEqualTo(Duration.ofMillis(5000));
        assertThat(policy.backoff(200, Optional.empty(), 0.999)).isLessThanOrEqualTo(Duration.ofMillis(5000))
                .isGreaterThanOrEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void retry_after_is_honoured_and_capped() {
        assertThat(policy.backoff(1, Optional.of(Duration.ofSeconds(7)), 0.3)).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.backoff(1, Optional.of(Duration.ofSeconds(3600)), 0.3)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retry_after_header_parses_seconds_only() {
        assertThat(RetryPolicy.parseRetryAfter(Optional.of("2"))).contains(Duration.ofSeconds(2));
        assertThat(RetryPolicy.parseRetryAfter(Optional.of(" 1.5 "))).contains(Duration.ofMillis(1500));
        assertThat(RetryPolicy.parseRetryAfter(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"))).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter(Optional.of("-3"))).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter(Optional.empty())).isEmpty();
    }

    @Test
    void invalid_policies_are_rejected() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.backoff(0, Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
