package io.skyvern.server.security;

import io.skyvern.server.fuzz.LiveServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, items 1, 2 and 4: failed authentication limited per client address, an organisation
 * that cannot revoke its last key (and the bootstrap organisation that can mend any organisation's
 * keys), and /metrics closed to anonymous scrapes in production.
 */
class KeysAndLimitsIT {

    private static String randomKey() {
        return "sk_guess_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void varying_invalid_keys_from_one_address_get_429_with_retry_after() {
        try (LiveServer s = LiveServer.start("development", c -> c.withRateLimitPerMinute(5))) {
            int unauthorized = 0;
            int limited = 0;
            for (int i = 0; i < 12; i++) {
                LiveServer.Reply r = s.call("GET", "/api/v1/tasks", null, randomKey(),
                        Map.of("X-Forwarded-For", "198.51.100." + i));  // ignored: the peer is not a trusted proxy
                if (r.status() == 401) {
                    unauthorized++;
                } else {
                    assertThat(r.status()).isEqualTo(429);
                    assertThat(r.json().at("/error/code").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
                    assertThat(Integer.parseInt(r.header("Retry-After"))).isBetween(1, 60);
                    limited++;
                }
            }
            assertThat(unauthorized).isEqualTo(5);
            assertThat(limited).isEqualTo(7);
            assertThat(s.call("GET", "/health", null, null, Map.of()).status()).isEqualTo(200);
        }
    }

    @Test
    void behind_a_trusted_proxy_each_forwarded_client_has_its_own_failure_budget() {
        try (LiveServer s = LiveServer.start("development",
                c -> c.withRateLimitPerMinute(3).withTrustedProxies(List.of("127.0.0.0/8", "::1")))) {
            for (int i = 0; i < 3; i++) {
                assertThat(s.call("GET", "/api/v1/tasks", null, randomKey(),
                        Map.of("X-Forwarded-For", "203.0.113.9, 127.0.0.1")).status()).isEqualTo(401);
            }
            assertThat(s.call("GET", "/api/v1/tasks", null, randomKey(),
                    Map.of("X-Forwarded-For", "203.0.113.9")).status()).as("the same client, spent").isEqualTo(429);
            assertThat(s.call("GET", "/api/v1/tasks", null, randomKey(),
                    Map.of("X-Forwarded-For", "203.0.113.10")).status()).as("another client").isEqualTo(401);
        }
    }

    @Test
    void the_last_active_key_cannot_be_revoked_and_the_bootstrap_organisation_can_mend_any_organisation() {
        try (LiveServer s = LiveServer.start("development", c -> c)) {
            LiveServer.Reply org = s.call("POST", "/api/v1/organizations", Map.of("name", "lonely"));
            String orgId = org.json().at("/data/organization/organization_id").asText();
            String key = org.json().at("/data/api_key/api_key").asText();
            String keyId = org.json().at("/data/api_key/api_key_id").asText();

            LiveServer.Reply refused = s.call("DELETE", "/api/v1/api_keys/" + keyId, null, key, Map.of());
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().at("/error/code").asText()).isEqualTo("LAST_API_KEY");
            assertThat(s.call("GET", "/api/v1/organizations/me", null, key, Map.of()).status()).isEqualTo(200);
            assertThat(s.call("DELETE", "/api/v1/organizations/" + orgId + "/api_keys/" + keyId, null).status())
                    .as("not even the bootstrap organisation locks it out").isEqualTo(409);

            LiveServer.Reply mended = s.call("POST", "/api/v1/organizations/" + orgId + "/api_keys",
                    Map.of("name", "from bootstrap"));
            assertThat(mended.status()).isEqualTo(201);
            String newKey = mended.json().at("/data/api_key").asText();
            assertThat(s.call("DELETE", "/api/v1/organizations/" + orgId + "/api_keys/" + keyId, null).status())
                    .isEqualTo(200);
            assertThat(s.call("GET", "/api/v1/organizations/me", null, key, Map.of()).status()).isEqualTo(401);
            assertThat(s.call("GET", "/api/v1/organizations/me", null, newKey, Map.of()).json()
                    .at("/data/organization_id").asText()).isEqualTo(orgId);
            assertThat(s.call("GET", "/api/v1/organizations/" + orgId + "/api_keys", null).json()
                    .at("/data").size()).isEqualTo(2);

            String bootstrapOrg = s.call("GET", "/api/v1/organizations/me", null).json()
                    .at("/data/organization_id").asText();
            assertThat(s.call("GET", "/api/v1/organizations/" + bootstrapOrg + "/api_keys", null, newKey, Map.of())
                    .status()).as("others manage only themselves").isEqualTo(403);
            assertThat(s.call("GET", "/api/v1/organizations/" + orgId + "/api_keys", null, newKey, Map.of())
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void metrics_refuse_an_anonymous_scrape_in_production() {
        try (LiveServer s = LiveServer.start("production", c -> c)) {
            assertThat(s.call("GET", "/metrics", null, null, Map.of()).status()).isEqualTo(401);
            assertThat(s.call("GET", "/metrics", null, randomKey(), Map.of()).status()).isEqualTo(401);
            String other = s.call("POST", "/api/v1/organizations", Map.of("name", "tenant")).json()
                    .at("/data/api_key/api_key").asText();
            assertThat(s.call("GET", "/metrics", null, other, Map.of()).status()).isEqualTo(403);
            LiveServer.Reply scrape = s.call("GET", "/metrics", null);
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.text()).contains("skyvern_queue_depth");
        }
        try (LiveServer s = LiveServer.start("development", c -> c)) {
            assertThat(s.call("GET", "/metrics", null, null, Map.of()).status()).as("open in development")
                    .isEqualTo(200);
        }
    }
}
