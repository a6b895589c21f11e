package io.skyvern.server.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded mutation fuzzing of every registered endpoint. For each case: never a 5xx, always the
 * JSON envelope with metadata.request_id, refusals where they are due; a rejected request leaves
 * the database as it was (row counts and modified_at stamps of every table); every 500 cases the
 * server still answers /health. Replay with {@code -Dfuzz.seed=N}; size with {@code -Dfuzz.cases=N}
 * (default 10,000 on H2, 2,000 on PostgreSQL).
 */
class ApiFuzzIT {
    private static final int HEALTH_EVERY = 500;
    private static final int MAX_REPORTED = 25;

    @Test
    void no_input_breaks_the_api_or_the_database() {
        // CI replays a fixed, known-clean seed so that a red build always means a change broke
        // something; -Dfuzz.random=true explores new seeds (print, then replay with -Dfuzz.seed).
        long seed = Long.getLong("fuzz.seed", Boolean.getBoolean("fuzz.random") ? System.nanoTime() : 9048014490421L);
        int cases = Integer.getInteger("fuzz.cases", TestDatabases.isPostgres() ? 2_000 : 10_000);
        System.out.printf("ApiFuzzIT: backend=%s seed=%d cases=%d (replay: -Dfuzz.seed=%d)%n",
                TestDatabases.backend(), seed, cases, seed);
        Logger access = (Logger) LoggerFactory.getLogger("io.skyvern.server.access");
        Level accessLevel = access.getLevel();
        access.setLevel(Level.WARN); // 10,000 access lines would drown the report
        try (LiveServer s = LiveServer.start("development", c -> c.withRateLimitPerMinute(10_000_000))) {
            JsonNode openApi = s.call("GET", "/openapi.json", null).json();
            List<FuzzRoute> routes = FuzzRoute.fromServer(s.server.routes(), openApi);
            Fixtures fixtures = new Fixtures(s);
            Result result = run(s, routes, new CaseGenerator(new Random(seed), fixtures), fixtures, seed, cases);
            result.print(seed);
            assertThat(result.failures).as("seed %d: failing cases", seed).isEmpty();
            for (FuzzRoute route : routes) {
                assertThat(result.perRoute.getOrDefault(route.key(), 0)).as("cases on " + route.key())
                        .isGreaterThanOrEqualTo(Math.min(5, cases / routes.size()));
            }
        } finally {
            access.setLevel(accessLevel);
        }
    }

    private static Result run(LiveServer s, List<FuzzRoute> routes, CaseGenerator generator, Fixtures fixtures,
                              long seed, int cases) {
        Result result = new Result();
        DbSnapshot snapshot = new DbSnapshot(s.database);
        List<String> before = snapshot.take();
        Random routePicker = new Random(seed ^ 0x5DEECE66DL);
        long start = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            // every route first in turn, then at random
            FuzzRoute route = i < routes.size() * 3 ? routes.get(i % routes.size())
                    : routes.get(routePicker.nextInt(routes.size()));
            FuzzCase c = generator.next(i, route);
            LiveServer.Reply reply;
            try {
                reply = send(s, c);
            } catch (java.io.UncheckedIOException stale) {
                // The JDK client may reuse a keep-alive connection the server has just closed (after a
                // refused request), and its pool may hold several such connections; a request that
                // got no answer is sent once more over a new connection, as clients do.
                result.retries++;
                s.resetConnections();
                try {
                    reply = send(s, c);
                } catch (RuntimeException e) {
                    result.fail(c, "no answer, twice: " + stale + " / " + e);
                    continue;
                }
            }
            result.count(c, reply);
            java.util.Optional<String> problem = Invariants.check(c, reply);
            if (problem.isPresent()) {
                result.fail(c, problem.get() + "\n    answer " + reply.status() + ": "
                        + LiveServer.abbreviate(reply.text()));
            }
            List<String> after = snapshot.take();
            boolean wrote = c.mayWrite() && reply.status() < 300;
            if (!wrote && !after.equals(before)) {
                result.fail(c, "database changed by a " + reply.status() + " answer to " + c.method()
                        + ": " + before + " -> " + after);
            }
            before = after;
            if ((i + 1) % HEALTH_EVERY == 0) {
                LiveServer.Reply health = s.call("GET", "/health", null, null, Map.of());
                if (health.status() != 200) {
                    result.fail(c, "health probe after case " + i + " answered " + health.status());
                }
                fixtures.refresh();
                before = snapshot.take();
            }
            if (result.failures.size() >= MAX_REPORTED) {
                break;
            }
        }
        result.millis = (System.nanoTime() - start) / 1_000_000;
        result.tables = snapshot.counts();
        return result;
    }

    private static LiveServer.Reply send(LiveServer s, FuzzCase c) {
        if (c.rawHead() != null) {
            return s.sendRaw(c.rawHead(), c.body());
        }
        try {
            return s.send(c.method(), c.target(), c.headers(), c.body());
        } catch (IllegalArgumentException refusedByClient) {
            // a header the JDK client will not send (control or non-ASCII characters): send it raw
            return s.sendRaw(RawRequests.plain(c.method(), c.target(), c.headers()), c.body());
        }
    }

    /** Counts and failures of one run. */
    static final class Result {
        final List<String> failures = new ArrayList<>();
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final Map<String, Integer> kinds = new TreeMap<>();
        final Map<String, Integer> perRoute = new TreeMap<>();
        int total;
        int retries;
        long millis;
        Map<String, Long> tables = Map.of();

        void count(FuzzCase c, LiveServer.Reply reply) {
            total++;
            statuses.merge(reply.status(), 1, Integer::sum);
            kinds.merge(c.kind().split("\\+")[0], 1, Integer::sum);
            perRoute.merge(c.route().key(), 1, Integer::sum);
        }

        void fail(FuzzCase c, String problem) {
            failures.add(problem + "\n  " + c.describe());
        }

        void print(long seed) {
            System.out.printf("ApiFuzzIT: %d cases in %.1f s (seed %d), %d failures, %d resent after a dropped"
                    + " connection%n", total, millis / 1000.0, seed, failures.size(), retries);
            System.out.println("  statuses: " + statuses);
            System.out.println("  mutations: " + kinds);
            System.out.println("  routes: " + perRoute);
            System.out.println("  rows after: " + tables);
            failures.forEach(f -> System.out.println("  FAILURE " + f));
        }
    }
}
