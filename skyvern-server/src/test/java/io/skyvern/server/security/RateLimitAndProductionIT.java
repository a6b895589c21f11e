package io.skyvern.server.security;

import io.skyvern.server.fuzz.LiveServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-key rate limit under concurrent load, and what production mode turns off or refuses. */
class RateLimitAndProductionIT {
    private static final int LIMIT = 20;
    private static final int THREADS = 8;
    private static final int PER_THREAD = 12;

    @Test
    void concurrent_hammering_gets_about_the_limit_and_429s_with_retry_after_while_another_key_is_unaffected()
            throws Exception {
        try (LiveServer s = LiveServer.start("development", c -> c.withRateLimitPerMinute(LIMIT))) {
            String hammered = s.call("POST", "/api/v1/api_keys", Map.of("name", "hammered")).json()
                    .at("/data/api_key").asText();
            String other = s.call("POST", "/api/v1/organizations", Map.of("name", "calm")).json()
                    .at("/data/api_key/api_key").asText();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<LiveServer.Reply>>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    List<LiveServer.Reply> replies = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        replies.add(s.call("GET", "/api/v1/organizations/me", null, hammered, Map.of()));
                    }
                    return replies;
                }));
            }
            go.countDown();
            List<LiveServer.Reply> all = new ArrayList<>();
            for (Future<List<LiveServer.Reply>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            long allowed = all.stream().filter(r -> r.status() == 200).count();
            List<LiveServer.Reply> limited = all.stream().filter(r -> r.status() == 429).toList();
            // greedy refill adds LIMIT tokens per minute while the burst runs
            long refill = (long) Math.ceil(seconds * LIMIT / 60.0);
            assertThat(allowed).as("allowed within %.1f s", seconds).isBetween((long) LIMIT, LIMIT + refill);
            assertThat(allowed + limited.size()).as("every answer is 200 or 429").isEqualTo(THREADS * PER_THREAD);
            for (LiveServer.Reply r : limited) {
                assertThat(Integer.parseInt(r.header("Retry-After"))).isBetween(1, 60);
                assertThat(r.json().at("/error/code").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
                assertThat(r.json().at("/metadata/request_id").asText()).isNotBlank();
            }
            assertThat(s.call("GET", "/api/v1/organizations/me", null, other, Map.of()).status())
                    .as("another key has its own bucket").isEqualTo(200);
            assertThat(s.call("GET", "/health", null, null, Map.of()).status()).as("health is exempt").isEqualTo(200);
        }
    }

    @Test
    void production_refuses_unlisted_origins_and_serves_no_docs() {
        try (LiveServer s = LiveServer.start("production", c -> c.withAllowedOrigins(List.of("https://app.example")))) {
            for (String doc : List.of("/openapi.json", "/docs", "/redoc")) {
                LiveServer.Reply r = s.call("GET", doc, null, null, Map.of());
                assertThat(r.status()).as(doc).isEqualTo(404);
                assertThat(r.json().at("/success").asBoolean()).isFalse();
                assertThat(s.call("GET", doc, null).status()).as(doc + " with a key").isEqualTo(404);
            }
            LiveServer.Reply listed = s.call("GET", "/api/v1/organizations/me", null, s.bootstrapKey,
                    Map.of("Origin", "https://app.example"));
            assertThat(listed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
            for (String origin : List.of("https://evil.example", "https://app.example.evil.example",
                    "http://app.example", "https://APP.example", "null", "https://app.example:444")) {
                LiveServer.Reply simple = s.call("GET", "/api/v1/organizations/me", null, s.bootstrapKey,
                        Map.of("Origin", origin));
                assertThat(simple.header("Access-Control-Allow-Origin")).as(origin).isNull();
                assertThat(simple.header("Access-Control-Allow-Credentials")).as(origin).isNull();
                LiveServer.Reply preflight = s.call("OPTIONS", "/api/v1/tasks", null, null, Map.of("Origin", origin,
                        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "x-api-key"));
                assertThat(preflight.status()).as("preflight from " + origin).isEqualTo(403);
                assertThat(preflight.json().at("/metadata/request_id").asText())
                        .as("a refused preflight has a request id").isNotBlank().isEqualTo(preflight.header("X-Request-ID"));
                assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
                assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
            }
        }
    }
}
