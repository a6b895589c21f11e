package io.skyvern.bench;

import io.skyvern.Skyvern;
import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.PageSnapshot;
import io.skyvern.browser.SessionOptions;
import io.skyvern.browser.playwright.PlaywrightBrowserManager;
import io.skyvern.config.BrowserConfig;
import io.skyvern.config.ConfigKey;
import io.skyvern.config.SkyvernConfigLoader;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Step;
import io.skyvern.task.StepQuery;
import io.skyvern.task.Task;
import io.skyvern.task.TaskStatus;
import io.skyvern.testing.FixtureSite;
import io.skyvern.testing.RecordedRequest;
import io.skyvern.testing.ScriptedLlmServer;
import io.skyvern.testing.ScriptedReply;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Agent figures (not a test): per fixture page, the agent's overhead per step without the LLM's
 * time (snapshot, screenshots, actions, recording), prompt size, element tree against HTML size;
 * then, with a zero-latency scripted LLM, tasks per minute at 1, 4 and 8 concurrent runs and the
 * memory each extra concurrent run costs (this JVM + its browser processes, PSS from /proc).
 * Run: {@code mvn -q -pl skyvern-core -am test-compile exec:java@agent-bench}; {@code -Dbench.parts=overhead,tree}
 * picks parts (default {@code overhead,tree,throughput}).
 */
public final class AgentBenchmark {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final List<String> PAGES = List.of("/login", "/form/step1", "/products", "/list", "/dynamic",
            "/download", "/iframe", "/widgets", "/realistic");
    private static final int TASKS_PER_PAGE = 5;

    private AgentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (FixtureSite site = FixtureSite.start(); ScriptedLlmServer llm = ScriptedLlmServer.start()) {
            llm.whenExhausted(AgentBenchmark::answer);
            String parts = System.getProperty("bench.parts", "overhead,tree,throughput");
            if (parts.contains("overhead")) {
                overhead(site, llm);
            }
            if (parts.contains("settle")) {
                settleCost(site, llm);
            }
            if (parts.contains("tree")) {
                treeSizes(site);
            }
            if (parts.contains("throughput")) {
                throughput(site, llm);
            }
        }
        System.exit(0);
    }

    /** Step 1 hovers the first element (or scrolls), step 2 scrolls, step 3 completes. */
    static ScriptedReply answer(RecordedRequest r) {
        String prompt = r.lastUserText();
        Map<String, Object> action;
        if (prompt.contains("Step 1 of")) {
            action = r.find("<\\w+ id=\"(\\w+)\"").<Map<String, Object>>map(id -> Map.of("action_type", "hover",
                    "element_id", id)).orElse(Map.of("action_type", "scroll", "direction", "down"));
        } else if (prompt.contains("Step 2 of")) {
            action = Map.of("action_type", "scroll", "direction", "down");
        } else {
            action = Map.of("action_type", "complete");
        }
        return ScriptedReply.json(Map.of("actions", List.of(action)));
    }

    static Skyvern skyvern(ScriptedLlmServer llm, int workers) throws Exception {
        return skyvern(llm, workers, Map.of());
    }

    static Skyvern skyvern(ScriptedLlmServer llm, int workers, Map<ConfigKey, String> extra) throws Exception {
        Path dir = Files.createTempDirectory("agent-bench");
        Map<ConfigKey, String> s = new EnumMap<>(ConfigKey.class);
        s.put(ConfigKey.DATA_DIR, dir.toString());
        s.put(ConfigKey.WORKERS, String.valueOf(workers));
        s.put(ConfigKey.LLM_BASE_URL, llm.baseUrl());
        s.put(ConfigKey.LLM_API_KEY, "sk-bench");
        s.put(ConfigKey.LLM_MODEL, "scripted-model");
        s.put(ConfigKey.LLM_VISION, "false");
        s.put(ConfigKey.BROWSER_EXECUTABLE, CHROMIUM);
        s.put(ConfigKey.SHUTDOWN_GRACE_SECONDS, "5");
        s.putAll(extra);
        return Skyvern.create(new SkyvernConfigLoader(Map.of(), dir).load(s));
    }

    private static void overhead(FixtureSite site, ScriptedLlmServer llm) throws Exception {
        System.out.println("== Agent overhead per step (LLM time excluded), " + TASKS_PER_PAGE + " tasks x 3 steps per page");
        System.out.printf("%-14s %8s %8s %8s %8s %9s %9s%n", "page", "med ms", "p95 ms", "snap ms", "act ms",
                "prompt ch", "~tokens");
        List<Double> all = new ArrayList<>();
        try (Skyvern skyvern = skyvern(llm, 1)) {
            String org = skyvern.organizations().create("bench").organization().organizationId();
            runAll(skyvern, org, site.url("/products"), 1);  // warm-up: browser launch, JIT
            for (String page : PAGES) {
                int before = llm.requestCount();
                List<Double> overhead = new ArrayList<>();
                List<Double> snap = new ArrayList<>();
                List<Double> act = new ArrayList<>();
                for (Task t : runAll(skyvern, org, site.url(page), TASKS_PER_PAGE)) {
                    for (var d : skyvern.tasks().steps(org, t.taskId(), new StepQuery(false, false, Set.of()))) {
                        Step st = d.step();
                        overhead.add((double) Duration.between(st.startedAt(), st.completedAt()).toMillis() - st.llmMs());
                        snap.add((double) st.snapshotMs());
                        act.add((double) st.actionMs());
                    }
                }
                List<RecordedRequest> reqs = llm.requests().subList(before, llm.requestCount());
                double chars = reqs.stream().mapToInt(r -> r.promptText().length()).average().orElse(0);
                all.addAll(overhead);
                System.out.printf("%-14s %8.0f %8.0f %8.0f %8.0f %9.0f %9.0f%n", page, pct(overhead, 50),
                        pct(overhead, 95), pct(snap, 50), pct(act, 50), chars, chars / 4);
            }
        }
        System.out.printf("%-14s %8.0f %8.0f   (target: median <= 300 ms)%n%n", "ALL", pct(all, 50), pct(all, 95));
    }

    /**
     * What settling adds per step on static pages, measured against the same build with settling
     * off, the two alternating task by task so that the host's noise falls on both alike.
     */
    private static void settleCost(FixtureSite site, ScriptedLlmServer llm) throws Exception {
        int rounds = Integer.getInteger("bench.settleRounds", 6);
        System.out.println("== Settling's cost per step on static pages (same build, settle 3000 ms vs 0, alternating, "
                + rounds + " rounds)");
        List<String> pages = List.of("/login", "/products", "/dynamic", "/widgets", "/iframe");
        try (Skyvern on = skyvern(llm, 1); Skyvern off = skyvern(llm, 1, Map.of(ConfigKey.SNAPSHOT_SETTLE_MS, "0"))) {
            String orgOn = on.organizations().create("bench").organization().organizationId();
            String orgOff = off.organizations().create("bench").organization().organizationId();
            runAll(on, orgOn, site.url("/products"), 1);
            runAll(off, orgOff, site.url("/products"), 1);
            List<Double> withSettle = new ArrayList<>();
            List<Double> without = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                for (String page : pages) {  // each goes first in every other round: order effects cancel
                    if (r % 2 == 0) {
                        without.addAll(overheads(off, orgOff, runAll(off, orgOff, site.url(page), 1)));
                    }
                    withSettle.addAll(overheads(on, orgOn, runAll(on, orgOn, site.url(page), 1)));
                    if (r % 2 == 1) {
                        without.addAll(overheads(off, orgOff, runAll(off, orgOff, site.url(page), 1)));
                    }
                }
            }
            System.out.printf("%-12s %8s %8s %6s%n", "settle", "med ms", "p95 ms", "steps");
            System.out.printf("%-12s %8.0f %8.0f %6d%n", "0 (off)", pct(without, 50), pct(without, 95), without.size());
            System.out.printf("%-12s %8.0f %8.0f %6d%n", "3000 (on)", pct(withSettle, 50), pct(withSettle, 95),
                    withSettle.size());
            System.out.printf("added by settling: median %+.0f ms (target <= 100 ms)%n%n",
                    pct(withSettle, 50) - pct(without, 50));
        }
    }

    private static List<Double> overheads(Skyvern skyvern, String org, List<Task> tasks) {
        List<Double> out = new ArrayList<>();
        for (Task t : tasks) {
            for (var d : skyvern.tasks().steps(org, t.taskId(), new StepQuery(false, false, Set.of()))) {
                Step st = d.step();
                out.add((double) Duration.between(st.startedAt(), st.completedAt()).toMillis() - st.llmMs());
            }
        }
        return out;
    }

    private static List<Task> runAll(Skyvern skyvern, String org, String url, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(skyvern.tasks().create(org, CreateTaskRequest.builder(url, "Look around the page").build()).taskId());
        }
        List<Task> done = new ArrayList<>();
        for (String id : ids) {
            done.add(await(skyvern, org, id));
        }
        return done;
    }

    private static Task await(Skyvern skyvern, String org, String id) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            Task t = skyvern.tasks().get(org, id);
            if (t.status().isFinal()) {
                return t;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("task " + id + " did not finish");
    }

    private static void treeSizes(FixtureSite site) {
        System.out.println("== Element tree (what the prompt carries) against the page's HTML");
        System.out.printf("%-14s %9s %9s %7s %9s %9s %9s%n", "page", "tree ch", "html ch", "ratio", "settle ms",
                "snap ms", "state ms");
        BrowserConfig config = new BrowserConfig(CHROMIUM, "", true, 1280, 800, false);
        try (PlaywrightBrowserManager manager = new PlaywrightBrowserManager(config, 1);
             BrowserSession session = manager.openSession(SessionOptions.fresh())) {
            for (String page : PAGES) {
                session.navigate(site.url(page));
                session.snapshot();
                List<Double> settle = new ArrayList<>();
                List<Double> took = new ArrayList<>();
                List<Double> state = new ArrayList<>();
                PageSnapshot s = null;
                for (int i = 0; i < 10; i++) {  // the page is static now: what does settling cost?
                    s = session.snapshot();
                    settle.add((double) s.settle().waitedMs());
                    took.add((double) s.took().toMillis());
                    long t0 = System.nanoTime();
                    session.pageState();
                    state.add((System.nanoTime() - t0) / 1e6);
                }
                int tree = s.renderedTree().length();
                System.out.printf("%-14s %9d %9d %6.0f%% %9.0f %9.0f %9.1f%n", page, tree, s.htmlSize(),
                        100.0 * tree / Math.max(1, s.htmlSize()), pct(settle, 50), pct(took, 50), pct(state, 50));
            }
        }
        System.out.println("(target: tree <= 25% of HTML; settle, snap, state (pageState): medians of 10 on the loaded page)\n");
    }

    private static void throughput(FixtureSite site, ScriptedLlmServer llm) throws Exception {
        System.out.println("== Throughput with a zero-latency LLM (/products: hover, scroll, complete = 3 steps)");
        System.out.printf("%-11s %7s %9s %10s %8s %12s%n", "concurrent", "tasks", "failed", "tasks/min", "wall s",
                "peak MB");
        Map<Integer, Long> peaks = new java.util.TreeMap<>();
        for (int n : List.of(1, 4, 8)) {
            try (Skyvern skyvern = skyvern(llm, n)) {
                String org = skyvern.organizations().create("bench").organization().organizationId();
                runAll(skyvern, org, site.url("/products"), n);  // warm-up: every lane's browser
                int count = Math.max(8, 4 * n);
                long t0 = System.nanoTime();
                List<Task> done;
                try (ProcessMemory.PeakSampler sampler = new ProcessMemory.PeakSampler()) {
                    done = runAll(skyvern, org, site.url("/products"), count);
                    peaks.put(n, sampler.peakKb());
                }
                double wall = (System.nanoTime() - t0) / 1e9;
                long failed = done.stream().filter(t -> t.status() != TaskStatus.COMPLETED).count();
                System.out.printf("%-11d %7d %9d %10.1f %8.1f %12.0f%n", n, count, failed, count / wall * 60, wall,
                        peaks.get(n) / 1024.0);
            }
        }
        System.out.printf("memory per extra concurrent run: %.0f MB (1->4), %.0f MB (1->8)%n",
                (peaks.get(4) - peaks.get(1)) / 1024.0 / 3, (peaks.get(8) - peaks.get(1)) / 1024.0 / 7);
    }

    static double pct(List<Double> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }
}
