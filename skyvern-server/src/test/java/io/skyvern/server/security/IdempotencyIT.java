package io.skyvern.server.security;

import io.skyvern.server.fuzz.LiveServer;
import io.skyvern.testing.TestDatabases;
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

/** Issue 17, item 6: Idempotency-Key on the creates, on one node and across two. */
class IdempotencyIT {
    private static final Map<String, Object> TASK = Map.of("url", "https://shop.test/", "navigation_goal", "Buy one");

    private static Map<String, String> key(String k) {
        return Map.of("Idempotency-Key", k);
    }

    private static long count(LiveServer s, String table) {
        return s.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void a_repeated_task_create_returns_the_first_answer_and_creates_nothing() {
        try (LiveServer s = LiveServer.start("development", c -> c)) {
            LiveServer.Reply first = s.call("POST", "/api/v1/tasks", TASK, s.bootstrapKey, key("order-1"));
            LiveServer.Reply again = s.call("POST", "/api/v1/tasks", TASK, s.bootstrapKey, key("order-1"));

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.header("Idempotent-Replayed")).isNull();
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.json().at("/data")).isEqualTo(first.json().at("/data"));
            assertThat(again.json().at("/metadata/request_id").asText())
                    .isNotEqualTo(first.json().at("/metadata/request_id").asText());
            assertThat(count(s, "tasks")).isEqualTo(1);

            LiveServer.Reply other = s.call("POST", "/api/v1/tasks", Map.of("url", "https://shop.test/",
                    "navigation_goal", "Buy two"), s.bootstrapKey, key("order-1"));
            assertThat(other.status()).isEqualTo(422);
            assertThat(other.json().at("/error/code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(count(s, "tasks")).isEqualTo(1);

            assertThat(s.call("POST", "/api/v1/tasks", TASK, s.bootstrapKey, key("order-2")).status())
                    .as("another key is another task").isEqualTo(201);
            assertThat(count(s, "tasks")).isEqualTo(2);

            String otherOrg = s.call("POST", "/api/v1/organizations", Map.of("name", "other")).json()
                    .at("/data/api_key/api_key").asText();
            LiveServer.Reply theirs = s.call("POST", "/api/v1/tasks", TASK, otherOrg, key("order-1"));
            assertThat(theirs.status()).as("keys are per organisation").isEqualTo(201);
            assertThat(theirs.header("Idempotent-Replayed")).isNull();
        }
    }

    @Test
    void a_refused_create_leaves_no_key_behind_and_bad_keys_are_422() {
        try (LiveServer s = LiveServer.start("development", c -> c)) {
            LiveServer.Reply refused = s.call("POST", "/api/v1/tasks", Map.of("url", "not a url"), s.bootstrapKey,
                    key("retry-me"));
            assertThat(refused.status()).isBetween(400, 499);
            assertThat(count(s, "idempotency_keys")).isZero();
            assertThat(s.call("POST", "/api/v1/tasks", TASK, s.bootstrapKey, key("retry-me")).status()).isEqualTo(201);

            for (String bad : List.of("", "has space", "x".repeat(256))) {
                LiveServer.Reply r = s.call("POST", "/api/v1/tasks", TASK, s.bootstrapKey, key(bad));
                assertThat(r.status()).as("key '%s'", bad).isEqualTo(422);
            }
            assertThat(count(s, "tasks")).isEqualTo(1);
        }
    }

    @Test
    void workflow_creates_and_runs_are_idempotent_too() {
        try (LiveServer s = LiveServer.start("development", c -> c)) {
            Map<String, Object> workflow = Map.of("title", "W", "workflow_definition", Map.of("blocks", List.of(
                    Map.of("id", "nav", "type", "navigation", "parameters",
                            Map.of("url", "https://a.test", "navigation_goal", "go")))));
            LiveServer.Reply created = s.call("POST", "/api/v1/workflows", workflow, s.bootstrapKey, key("wf"));
            LiveServer.Reply again = s.call("POST", "/api/v1/workflows", workflow, s.bootstrapKey, key("wf"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.json().at("/validation")).isEqualTo(created.json().at("/validation"));
            String id = created.json().at("/data/workflow_id").asText();
            assertThat(again.json().at("/data/workflow_id").asText()).isEqualTo(id);

            String runs = "/api/v1/workflows/" + id + "/runs";
            LiveServer.Reply run = s.call("POST", runs, Map.of("parameters", Map.of()), s.bootstrapKey, key("run"));
            LiveServer.Reply runAgain = s.call("POST", runs, Map.of("parameters", Map.of()), s.bootstrapKey,
                    key("run"));
            assertThat(run.status()).as(run.text()).isEqualTo(201);
            assertThat(runAgain.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(runAgain.json().at("/data/workflow_run_id")).isEqualTo(run.json().at("/data/workflow_run_id"));
            assertThat(runAgain.json().at("/execution_info")).isEqualTo(run.json().at("/execution_info"));
            assertThat(count(s, "workflow_runs")).isEqualTo(1);
        }
    }

    @Test
    void a_hundred_concurrent_creates_with_one_key_on_two_nodes_create_exactly_one_task() throws Exception {
        try (LiveServer a = LiveServer.start("development", c -> c.withRateLimitPerMinute(10_000));
             LiveServer b = a.secondNode(c -> c.withRateLimitPerMinute(10_000))) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<LiveServer.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                LiveServer node = i % 2 == 0 ? a : b;
                replies.add(pool.submit(() -> {
                    go.await();
                    return node.call("POST", "/api/v1/tasks", TASK, node.bootstrapKey, key("checkout-42"));
                }));
            }
            go.countDown();
            List<String> taskIds = new ArrayList<>();
            int fresh = 0;
            int inUse = 0;
            for (Future<LiveServer.Reply> f : replies) {
                LiveServer.Reply r = f.get(60, TimeUnit.SECONDS);
                if (r.status() == 409) {
                    assertThat(r.json().at("/error/code").asText()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
                    inUse++;
                    continue;
                }
                assertThat(r.status()).as(r.text()).isEqualTo(201);
                taskIds.add(r.json().at("/data/task_id").asText());
                if (r.header("Idempotent-Replayed") == null) {
                    fresh++;
                }
            }
            pool.shutdown();
            System.out.printf("IdempotencyIT (%s): 100 creates on 2 nodes -> %d created, %d replayed, %d in use%n",
                    TestDatabases.backend(), fresh, taskIds.size() - fresh, inUse);
            assertThat(fresh).isEqualTo(1);
            assertThat(taskIds).containsOnly(taskIds.get(0));
            assertThat(count(a, "tasks")).isEqualTo(1);
            LiveServer.Reply late = b.call("POST", "/api/v1/tasks", TASK, b.bootstrapKey, key("checkout-42"));
            assertThat(late.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(late.json().at("/data/task_id").asText()).isEqualTo(taskIds.get(0));
        }
    }
}
