package io.skyvern.auth;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTest {
    private final ApiKeys keys = new ApiKeys(new SecureRandom());

    @Test
    void hash_is_lowercase_hex_sha256() {
        // FIPS 180-2 test vector for "abc".
        assertThat(ApiKeys.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void keys_are_prefixed_url_safe_and_carry_32_random_bytes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String key = keys.newApiKey();
            assertThat(key).startsWith("sk_").matches("sk_[A-Za-z0-9_-]{43}");
            assertThat(seen.add(key)).isTrue();
        }
        assertThat(keys.newWebhookSigningKey()).matches("whsec_[A-Za-z0-9_-]{43}");
        assertThat(ApiKeys.shownPrefix("sk_abcdefghij")).isEqualTo("sk_abcde");
    }

    @Test
    void same_hash_compares_whole_values() {
        String h = ApiKeys.hash("one");
        assertThat(ApiKeys.sameHash(h, ApiKeys.hash("one"))).isTrue();
        assertThat(ApiKeys.sameHash(h, ApiKeys.hash("two"))).isFalse();
        assertThat(ApiKeys.sameHash(h, h.substring(0, 63))).isFalse();
    }

    @Test
    void auth_cache_entries_expire_after_the_ttl_and_can_be_invalidated_by_key() {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        AuthCache cache = new AuthCache(clock, Duration.ofSeconds(30), 3);
        cache.put("h1", "ak_1", null, null);
        cache.put("h2", "ak_2", null, null);
        assertThat(cache.get("h1")).isPresent();

        cache.invalidateKey("ak_1");
        assertThat(cache.get("h1")).isEmpty();
        assertThat(cache.get("h2")).isPresent();

        now[0] = now[0].plusSeconds(30);
        assertThat(cache.get("h2")).isEmpty();
    }

    @Test
    void auth_cache_stays_bounded() {
        AuthCache cache = new AuthCache(Clock.systemUTC(), Duration.ofSeconds(30), 3);
        for (int i = 0; i < 10; i++) {
            cache.put("h" + i, "ak_" + i, null, null);
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(cache.get("h9")).isPresent();
    }
}
