package io.skyvern.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitIT {
    @Test
    void requests_beyond_the_limit_are_429_with_retry_after_and_health_is_exempt() {
        try (TestServer s = TestServer.start("development", c -> c.withRateLimitPerMinute(3))) {
            for (int i = 0; i < 3; i++) {
                assertThat(s.get("/api/v1/organizations/me").status()).isEqualTo(200);
            }
            TestServer.Response limited = s.get("/api/v1/organizations/me");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.errorCode()).isEqualTo("RATE_LIMIT_EXCEEDED");
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
            assertThat(limited.header("X-Rate-Limit-Remaining")).isEqualTo("0");
            for (int i = 0; i < 5; i++) {
                assertThat(s.get("/health", null).status()).isEqualTo(200);
            }
            // Another key has its own bucket.
            assertThat(s.get("/api/v1/organizations/me", "sk_other").status()).isEqualTo(401);
        }
    }
}
