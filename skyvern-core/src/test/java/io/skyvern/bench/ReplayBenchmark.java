package io.skyvern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.Skyvern;
import io.skyvern.common.Json;
import io.skyvern.common.RunMode;
import io.skyvern.config.ConfigKey;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.config.SkyvernConfigLoader;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.StepDetails;
import io.skyvern.task.StepQuery;
import io.skyvern.task.Task;
import io.skyvern.testing.ReplayModel;
import io.skyvern.testing.ReplaySite;
import io.skyvern.testing.ScriptedLlmServer;
import io.skyvern.testing.ScriptedReply;
import io.skyvern.testing.TestDatabases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replay figures (not a test): a five-step task on {@link ReplaySite} with a model that answers
 * after one second — the first run (agent, records the script), three replays of it, and a healed run
 * (the sign-in control renamed): wall time, model calls (navigation, completion checks, extraction)
 * and tokens of each, after a warm-up task on another page (the browser's cold start is not charged
 * to the first run). Run: {@code mvn -q -pl skyvern-core -am test-compile exec:java@replay-bench}
 * ({@code -Dbench.delayMs=1000} sets the model's delay).
 */
public final class ReplayBenchmark {
    /** Replays measured: the median of three, since one run on a shared host moves by a few hundred ms. */
    private static final int REPLAYS = 3;

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long delay = Long.getLong("bench.delayMs", 1000);
        Path dataDir = Files.createTempDirectory("skyvern-replay-bench");
        try (ReplaySite site = ReplaySite.start(); ScriptedLlmServer llm = ScriptedLlmServer.start()) {
            llm.whenExhausted(ReplayModel.answering(delay));
            llm.verifyWith(r -> ScriptedReply.delayed(delay,
                    ScriptedReply.json(Map.of("goal_met", true, "reason", "scripted: confirmed"))));
            try (Skyvern skyvern = Skyvern.create(config(dataDir, llm))) {
                String org = skyvern.organizations().create("Replay bench").organization().organizationId();
                System.out.printf("Replay benchmark: 5-step task, model delay %d ms, real Chromium, H2%n", delay);
                System.out.printf("%-8s %8s %8s %8s %8s %8s %5s %6s %7s %6s %9s %10s  %s%n", "run", "wall_ms",
                        "run_ms", "llm_ms", "snap_ms", "act_ms", "nav", "checks", "extract", "calls", "tokens_in",
                        "tokens_out", "step modes");
                warmUp(skyvern, org, site);
                long first = measure("first", skyvern, org, site, llm);
                List<Long> replays = new java.util.ArrayList<>();
                for (int i = 1; i <= REPLAYS; i++) {
                    replays.add(measure("replay" + i, skyvern, org, site, llm));
                }
                site.variant(ReplaySite.Variant.RENAMED);
                long healed = measure("healed", skyvern, org, site, llm);
                long median = replays.stream().sorted().toList().get(REPLAYS / 2);
                System.out.printf("replay wall time / first run: %.2fx (median of %d replays, %d ms / %d ms);"
                        + " healed run / first run: %.2fx%n", (double) median / first, REPLAYS, median, first,
                        (double) healed / first);
            }
        }
        System.exit(0);
    }

    /**
     * One short task on another page (another cache key, so nothing is recorded for the measured
     * task) before the first measured run: it pays the browser's cold start and the JIT's warm-up,
     * which would otherwise be charged to the first run alone and flatter the replay's ratio.
     */
    private static void warmUp(Skyvern skyvern, String org, ReplaySite site) throws InterruptedException {
        long t0 = System.nanoTime();
        String id = skyvern.tasks().create(org, CreateTaskRequest.builder(site.url("/done?u=warm&country=up"),
                "Read the confirmation").runMode(RunMode.AGENT).build()).taskId();
        Task task = skyvern.tasks().get(org, id);
        while (!task.status().isFinal()) {
            Thread.sleep(20);
            task = skyvern.tasks().get(org, id);
        }
        System.out.printf("(warm-up task on another page: %d ms, %s; not counted)%n",
                Duration.ofNanos(System.nanoTime() - t0).toMillis(), task.status().wireName());
    }

    private static long measure(String name, Skyvern skyvern, String org, ReplaySite site, ScriptedLlmServer llm)
            throws Exception {
        int requestsBefore = llm.requestCount();
        long navBefore = llm.requests().stream().filter(ReplayModel::isNavigation).count();
        int checksBefore = llm.completionChecks().size();
        JsonNode payload = Json.mapper().readTree("{\"login\":{\"username\":\"alice\",\"password\":\""
                + ReplaySite.PASSWORD + "\"},\"country\":\"Japan\"}");
        long t0 = System.nanoTime();
        String id = skyvern.tasks().create(org, CreateTaskRequest.builder(site.url("/login"),
                        "Sign in, choose Japan, accept the terms and finish").dataExtractionGoal("The confirmation code")
                .navigationPayload(payload).runMode(RunMode.AUTO).build()).taskId();
        Task task = skyvern.tasks().get(org, id);
        while (!task.status().isFinal()) {
            Thread.sleep(20);
            task = skyvern.tasks().get(org, id);
        }
        long wall = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        long nav = llm.requests().stream().filter(ReplayModel::isNavigation).count() - navBefore;
        int checks = llm.completionChecks().size() - checksBefore;
        int others = llm.requestCount() - requestsBefore - (int) nav;
        List<StepDetails> steps = skyvern.tasks().steps(org, id, new StepQuery(false, false, Set.of()));
        long in = steps.stream().mapToLong(s -> s.step().inputTokens()).sum();
        long out = steps.stream().mapToLong(s -> s.step().outputTokens()).sum();
        Map<String, String> modes = skyvern.scripts().stepModes(id);
        List<String> stepModes = steps.stream().map(s -> modes.getOrDefault(s.step().stepId(), "agent")).toList();
        long llmMs = steps.stream().mapToLong(s -> s.step().llmMs()).sum();
        long snapMs = steps.stream().mapToLong(s -> s.step().snapshotMs()).sum();
        long actMs = steps.stream().mapToLong(s -> s.step().actionMs()).sum();
        long runMs = Duration.between(task.startedAt(), task.completedAt()).toMillis();
        System.out.printf("%-8s %8d %8d %8d %8d %8d %5d %6d %7d %6d %9d %10d  %s (%s)%n", name, wall, runMs, llmMs,
                snapMs, actMs, nav, checks, others, nav + checks + others, in, out, stepModes, task.status().wireName());
        return wall;
    }

    private static SkyvernConfig config(Path dataDir, ScriptedLlmServer llm) {
        Map<ConfigKey, String> s = new EnumMap<>(ConfigKey.class);
        s.put(ConfigKey.DATA_DIR, dataDir.toString());
        s.put(ConfigKey.WORKERS, "1");
        s.put(ConfigKey.LLM_PROVIDER, "openai");
        s.put(ConfigKey.LLM_BASE_URL, llm.baseUrl());
        s.put(ConfigKey.LLM_API_KEY, "sk-scripted");
        s.put(ConfigKey.LLM_MODEL, "scripted-model");
        s.put(ConfigKey.LLM_VISION, "false");
        s.put(ConfigKey.BROWSER_EXECUTABLE, "/usr/bin/chromium");
        s.put(ConfigKey.ALLOW_PRIVATE_NETWORK, "true");
        return new SkyvernConfigLoader(Map.of(), dataDir).load(s).withDatabase(TestDatabases.freshH2());
    }
}
