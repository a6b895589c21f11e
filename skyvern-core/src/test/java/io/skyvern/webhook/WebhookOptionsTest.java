package io.skyvern.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookOptionsTest {
    @Test
    void backoff_doubles_from_the_base_before_each_retry() {
        WebhookOptions o = WebhookOptions.DEFAULTS;
        assertThat(o.backoffBefore(1)).isEqualTo(Duration.ZERO);
        assertThat(o.backoffBefore(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.backoffBefore(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.backoffBefore(4)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void only_429_and_5xx_are_retried() {
        assertThat(WebhookOptions.isRetryable(429)).isTrue();
        assertThat(WebhookOptions.isRetryable(500)).isTrue();
        assertThat(WebhookOptions.isRetryable(503)).isTrue();
        assertThat(WebhookOptions.isRetryable(400)).isFalse();
        assertThat(WebhookOptions.isRetryable(404)).isFalse();
        assertThat(WebhookOptions.isRetryable(200)).isFalse();
        assertThat(WebhookOptions.isRetryable(301)).isFalse();
    }

    @Test
    void defaults_are_three_attempts_one_second_base_and_no_private_networks() {
        assertThat(WebhookOptions.DEFAULTS.maxAttempts()).isEqualTo(3);
        assertThat(WebhookOptions.DEFAULTS.allowPrivateNetwork()).isFalse();
    }
}
