package io.skyvern.server.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.server.process.ClusterDatabase.StepRow;
import io.skyvern.server.process.ClusterDatabase.TaskRow;
import io.skyvern.testing.FixtureSite;
import io.skyvern.testing.ScriptedLlmServer;
import io.skyvern.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Three server processes on one PostgreSQL schema share the run queue. 200 tasks created over
 * HTTP on all three (scripted LLM, fixture page) each complete and execute once, on one node;
 * then a node holding runs is SIGKILLed and the others take its runs over within twice the lease,
 * losing none. Prints the figures (throughput, distribution, takeover times).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeIT {
    private static final int NODES = 3;
    private static final int WORKERS_PER_NODE = 2;
    private static final Duration LEASE = Duration.ofSeconds(4);
    private static final int TASKS = 200;
    /** At most the free workers of the survivors: every run of the killed node can be claimed at once. */
    private static final int SLOW_TASKS = (NODES - 1) * WORKERS_PER_NODE;
    private static final String API_KEY = "sk-multinode-test-key-0123456789";
    /** A hang guard, not a speed target: the wall time depends on what else the machine runs. */
    private static final Duration ALL_TASKS_LIMIT = Duration.ofMinutes(8);

    private static FixtureSite site;
    private static ScriptedLlmServer llm;
    private static ServerCluster cluster;
    private static ClusterDatabase db;
    private static Path dataDir;
    private static final RunScript script = new RunScript();

    @BeforeAll
    static void startCluster() throws Exception {
        assumeTrue(TestDatabases.isPostgres(), "MultiNodeIT needs a database several processes share: PostgreSQL pass only");
        String url = TestDatabases.freshPostgres().url();   // skips when SKYVERN_TEST_POSTGRES_URL is unset
        db = new ClusterDatabase(url);
        site = FixtureSite.start();
        llm = ScriptedLlmServer.start();
        llm.whenExhausted(script::answer);
        String chromium = Optional.ofNullable(System.getenv("SKYVERN_BROWSER_EXECUTABLE"))
                .orElse(Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "");
        // One data dir on "shared storage": any node serves the artifacts of any other.
        dataDir = Files.createTempDirectory("skyvern-multinode");
        cluster = new ServerCluster(API_KEY);
        cluster.start(NODES, i -> ServerProcess.named("node" + (i + 1)).dataDir(dataDir).databaseUrl(url)
                .workers(WORKERS_PER_NODE).jvmArg("-Xmx384m")
                .env("SKYVERN_API_KEY", API_KEY).env("SKYVERN_QUEUE_LEASE_SECONDS", String.valueOf(LEASE.toSeconds()))
                .env("SKYVERN_LLM_PROVIDER", "openai").env("SKYVERN_LLM_BASE_URL", llm.baseUrl())
                .env("SKYVERN_LLM_API_KEY", "sk-scripted").env("SKYVERN_LLM_MODEL", "scripted-model")
                .env("SKYVERN_LLM_VISION", "false").env("SKYVERN_BROWSER_EXECUTABLE", chromium)
                .env("SKYVERN_BROWSER_VIEWPORT", "800x600")
                .env("SKYVERN_ALLOW_PRIVATE_NETWORK", "true").env("SKYVERN_SHUTDOWN_GRACE_SECONDS", "2")
                // exactly-once across nodes is the point here; the completion check's extra call only adds time
                .env("SKYVERN_VERIFY_COMPLETION", "false")
                .env("SKYVERN_RATE_LIMIT_PER_MINUTE", "100000"), Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopCluster() {
        try {
            if (cluster != null) {
                cluster.close();
                ChildCpu.print("[MultiNodeIT]");
            }
        } finally {
            if (llm != null) {
                llm.close();
            }
            if (site != null) {
                site.close();
            }
            deleteQuietly(dataDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.out.println("[MultiNodeIT] could not delete " + dir + ": " + e);
        }
    }

    /** Creates {@code count} tasks "mnP-i", spread over the live nodes in parallel (one client per node). */
    private static List<String> submit(String phase, int count, int maxSteps, List<ServerProcess> nodes) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<Map<String, String>>> parts = new ArrayList<>();
            for (int n = 0; n < nodes.size(); n++) {
                ServerProcess node = nodes.get(n);
                int first = n;
                parts.add(clients.submit(() -> {
                    Map<String, String> created = new LinkedHashMap<>();
                    for (int i = first; i < count; i += nodes.size()) {
                        String key = RunScript.key(phase, i);
                        created.put(key, cluster.createTask(node, Map.of("url", site.url("/products"),
                                "navigation_goal", RunScript.goal(key), "max_steps", maxSteps)));
                    }
                    return created;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Map<String, String>> part : parts) {
                part.get().forEach((key, id) -> script.register(id, key));
                ids.addAll(part.get().values());
            }
            return ids;
        } finally {
            clients.shutdownNow();
        }
    }

    private static void awaitFinal(List<String> ids, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        while ((left = db.unfinished(ids)) > 0) {
            assertThat(System.nanoTime()).as("%d of %d tasks still not final after %s", left, ids.size(), timeout)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    @Order(1)
    void every_task_completes_once_on_exactly_one_node() throws Exception {
        long t0 = System.nanoTime();
        List<String> ids = submit("mn1", TASKS, 3, cluster.nodes());
        awaitFinal(ids, ALL_TASKS_LIMIT);
        double seconds = (System.nanoTime() - t0) / 1e9;

        Map<String, TaskRow> tasks = db.tasks(ids);
        assertThat(tasks.values()).as("tasks not completed").filteredOn(t -> !t.status().equals("completed")).isEmpty();
        Map<String, List<StepRow>> steps = stepsByTask(ids);
        Map<String, List<String>> claims = claimsByTask(ids);
        Map<String, Integer> perNode = new HashMap<>();
        for (String id : ids) {
            TaskRow task = tasks.get(id);
            assertThat(claims.get(id)).as("claims of %s", id).containsExactly(task.claimedBy());
            assertThat(task.attempts()).as("attempts of %s", id).isEqualTo(1);
            ServerProcess node = cluster.nodeOfWorker(task.claimedBy()).orElseThrow(
                    () -> new AssertionError(id + " claimed by unknown worker " + task.claimedBy()));
            perNode.merge(node.name(), 1, Integer::sum);
            assertThat(steps.get(id)).as("steps of %s", id).extracting(StepRow::order)
                    .containsExactlyElementsOf(oneTo(RunScript.expectedSteps(script.keyOf(id))));
            assertThat(steps.get(id)).extracting(StepRow::status).containsOnly("completed");
        }
        assertNoLlmCallTwiceForOneStep(ids, steps, true);
        assertThat(perNode).as("tasks executed per node").hasSize(NODES);
        System.out.printf("[MultiNodeIT] %d tasks, %d nodes x %d workers: all completed in %.1f s (%.1f tasks/s); "
                + "per node %s; %d LLM calls%n", TASKS, NODES, WORKERS_PER_NODE, seconds, TASKS / seconds,
                perNode, llm.requestCount());

        // Shared data dir: a screenshot recorded by one node is served by another.
        String someTask = ids.get(0);
        ServerProcess executor = cluster.nodeOfWorker(tasks.get(someTask).claimedBy()).orElseThrow();
        ServerProcess other = cluster.nodes().stream().filter(n -> n != executor).findFirst().orElseThrow();
        JsonNode shot = cluster.getJson(other, "/api/v1/tasks/" + someTask + "/steps?include_screenshots=true")
                .at("/data/0/screenshots/0");
        HttpResponse<byte[]> content = cluster.get(other, "/api/v1/artifacts/" + shot.path("artifact_id").asText()
                + "/content");
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).isNotEmpty();
    }

    @Test
    @Order(2)
    void runs_of_a_killed_node_are_taken_over_within_twice_the_lease_and_none_is_lost() throws Exception {
        List<String> ids = submit("mn2", SLOW_TASKS, 5, cluster.nodes());
        Map<String, String> running = awaitAllRunning(ids, Duration.ofSeconds(60));
        Map<String, List<String>> byWorkerNode = running.entrySet().stream().collect(Collectors.groupingBy(
                e -> cluster.nodeOfWorker(e.getValue()).orElseThrow().name(),
                Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        String victimName = byWorkerNode.entrySet().stream().max(Map.Entry.comparingByValue(
                Comparator.comparingInt(List::size))).orElseThrow().getKey();
        ServerProcess victim = cluster.nodes().stream().filter(n -> n.name().equals(victimName)).findFirst().orElseThrow();
        // Mid-run for sure: each run it holds is waiting for the (slow) model.
        awaitLlmCalls(byWorkerNode.get(victimName), Duration.ofSeconds(30));

        long killedAt = System.nanoTime();
        victim.kill();
        List<String> held = db.runningClaims().entrySet().stream()
                .filter(e -> e.getValue().startsWith(victim.pid() + "@")).map(Map.Entry::getKey).toList();
        assertThat(held).as("runs the killed node held").isNotEmpty();
        Map<String, Double> takeover = awaitTakenOver(held, victim, killedAt, LEASE.multipliedBy(3));
        awaitFinal(ids, Duration.ofSeconds(90));

        System.out.printf("[MultiNodeIT] SIGKILLed %s holding %d run(s); lease %d s; takeover after %s s%n",
                victimName, held.size(), LEASE.toSeconds(), takeover.values().stream()
                        .map(s -> String.format("%.2f", s)).toList());
        assertThat(takeover.keySet()).as("runs taken over").containsExactlyInAnyOrderElementsOf(held);
        assertThat(takeover.values()).as("takeover seconds").allMatch(s -> s <= 2.0 * LEASE.toSeconds());
        Map<String, TaskRow> tasks = db.tasks(ids);
        assertThat(tasks.values()).as("tasks not completed").filteredOn(t -> !t.status().equals("completed")).isEmpty();
        Map<String, List<StepRow>> steps = stepsByTask(ids);
        Map<String, List<String>> claims = claimsByTask(ids);
        for (String id : ids) {
            List<StepRow> own = steps.get(id);
            assertThat(own).as("steps of %s", id).extracting(StepRow::order).containsExactlyElementsOf(oneTo(own.size()));
            assertThat(own).filteredOn(s -> !s.status().equals("completed")).as("unfinished steps of %s", id)
                    .allMatch(s -> s.status().equals("failed") && s.failureReason().contains("taken over"));
            if (held.contains(id)) {
                assertThat(claims.get(id)).as("claims of %s", id).hasSize(2);
                assertThat(claims.get(id).get(0)).startsWith(victim.pid() + "@");
                assertThat(claims.get(id).get(1)).doesNotStartWith(victim.pid() + "@")
                        .isEqualTo(tasks.get(id).claimedBy());
            } else {
                assertThat(claims.get(id)).as("claims of %s", id).containsExactly(tasks.get(id).claimedBy());
            }
        }
        assertNoLlmCallTwiceForOneStep(ids, steps, false);
    }

    private static Map<String, String> awaitAllRunning(List<String> ids, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, String> running = new HashMap<>(db.runningClaims());
            running.keySet().retainAll(ids);
            if (running.size() == ids.size()) {
                return running;
            }
            assertThat(System.nanoTime()).as("only %d of %d slow runs running", running.size(), ids.size())
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void awaitLlmCalls(List<String> taskIds, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!script.callsByKey(llm.requests()).keySet().containsAll(taskIds.stream().map(script::keyOf).toList())) {
            assertThat(System.nanoTime()).as("LLM calls of %s", taskIds).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Seconds from the kill until each held run is claimed by a live node (polled every 50 ms). */
    private static Map<String, Double> awaitTakenOver(List<String> held, ServerProcess victim, long killedAt,
                                                      Duration timeout) throws Exception {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long deadline = killedAt + timeout.toNanos();
        while (seconds.size() < held.size() && System.nanoTime() < deadline) {
            Map<String, TaskRow> now = db.tasks(held);
            double elapsed = (System.nanoTime() - killedAt) / 1e9;
            for (TaskRow t : now.values()) {
                if (!seconds.containsKey(t.taskId()) && t.claimedBy() != null
                        && !t.claimedBy().startsWith(victim.pid() + "@")) {
                    seconds.put(t.taskId(), elapsed);
                }
            }
            Thread.sleep(50);
        }
        return seconds;
    }

    /** Each (run, step number) reached the model once; in phase 1, each step exactly once. */
    private static void assertNoLlmCallTwiceForOneStep(List<String> ids, Map<String, List<StepRow>> steps,
                                                       boolean everyStepCalled) {
        Map<String, List<Integer>> calls = script.callsByKey(llm.requests());
        for (String id : ids) {
            List<Integer> stepNumbers = calls.getOrDefault(script.keyOf(id), List.of());
            assertThat(stepNumbers).as("LLM calls by step of %s", id).doesNotHaveDuplicates();
            List<Integer> recorded = steps.get(id).stream().map(StepRow::order).toList();
            if (everyStepCalled) {
                assertThat(stepNumbers).as("LLM calls by step of %s", id).containsExactlyInAnyOrderElementsOf(recorded);
            } else {
                assertThat(recorded).as("steps of %s", id).containsAll(stepNumbers);
            }
        }
    }

    private static Map<String, List<StepRow>> stepsByTask(List<String> ids) throws Exception {
        Map<String, List<StepRow>> byTask = new HashMap<>();
        ids.forEach(id -> byTask.put(id, new ArrayList<>()));
        db.steps().stream().filter(s -> byTask.containsKey(s.taskId())).forEach(s -> byTask.get(s.taskId()).add(s));
        return byTask;
    }

    /** The worker ids of the "Claimed by worker …" log lines, oldest first, by task. */
    private static Map<String, List<String>> claimsByTask(List<String> ids) throws Exception {
        Map<String, List<String>> byTask = new HashMap<>();
        ids.forEach(id -> byTask.put(id, new ArrayList<>()));
        db.claimLogs().stream().filter(c -> byTask.containsKey(c.taskId())).forEach(c -> byTask.get(c.taskId())
                .add(c.message().replaceFirst("^Claimed by worker (\\S+) .*$", "$1")));
        return byTask;
    }

    private static List<Integer> oneTo(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(i);
        }
        return list;
    }
}
