package io.skyvern.bench;

import io.skyvern.Skyvern;
import io.skyvern.browser.BrowserUsage;
import io.skyvern.testing.FixtureSite;
import io.skyvern.testing.ScriptedLlmServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Agent soak (not a test): {@code bench.concurrency} (8) agent runs at once, back to back, for
 * {@code bench.soakMinutes} (10) minutes, with a zero-latency scripted LLM against the fixture
 * site's /products page (hover, scroll, complete: 3 steps) in real Chromium. Every minute it prints
 * the runs that ended, the live heap after a full GC, metaspace, committed heap, this JVM's RSS, the PSS of the JVM with its
 * Node driver and Chromium processes, the number of those processes, the sessions and browser
 * contexts open, threads and file descriptors. Then it drains (no run left: no session and no
 * context may remain), closes everything (no Chromium process may remain) and gives a growth
 * verdict per series over the minutes after the first (warm-up).
 * Run: {@code mvn -q -pl skyvern-core -am test-compile exec:java@agent-soak [-Dbench.soakMinutes=2]}.
 */
public final class AgentSoakBenchmark {
    private AgentSoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = Integer.getInteger("bench.soakMinutes", 10);
        int concurrency = Integer.getInteger("bench.concurrency", 8);
        System.out.printf(Locale.ROOT, "AgentSoakBenchmark %s: %d concurrent runs for %d min, zero-latency scripted LLM, "
                        + "/products (3 steps), %d cores, max heap %d MB, load at start %.1f%n", Instant.now(),
                concurrency, minutes, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1048576, loadAverage());
        List<AgentSoakSample> samples = new ArrayList<>();
        Map<String, Long> afterWarmUp = Map.of();
        AgentSoakSample drained;
        int leftAfterClose;
        Path dataDir;
        try (FixtureSite site = FixtureSite.start(); ScriptedLlmServer llm = ScriptedLlmServer.start()) {
            llm.whenExhausted(AgentBenchmark::answer).keepLast(50);
            Skyvern skyvern = AgentBenchmark.skyvern(llm, concurrency);
            dataDir = skyvern.config().dataDir();
            try {
                String org = skyvern.organizations().create("soak").organization().organizationId();
                long start = System.nanoTime();
                System.out.println(AgentSoakSample.HEADER);
                System.out.println(AgentSoakSample.take(skyvern, 0, 0, 0).row());
                try (SoakDrivers drivers = new SoakDrivers(skyvern, org, site.url("/products"), concurrency,
                        start + Duration.ofMinutes(minutes).toNanos())) {
                    for (int m = 1; m <= minutes; m++) {
                        sleepUntil(start + Duration.ofMinutes(m).toNanos());
                        AgentSoakSample s = AgentSoakSample.take(skyvern, m, drivers.takeCompleted(), drivers.takeFailed());
                        samples.add(s);
                        System.out.println(s.row());
                        if (m == 1) {
                            afterWarmUp = LiveHeap.histogram();
                        }
                    }
                    boolean ended = drivers.awaitEnd(SoakDrivers.TASK_LIMIT.plusSeconds(30));
                    awaitNoRunInFlight(skyvern);
                    drained = AgentSoakSample.take(skyvern, -1, drivers.takeCompleted(), drivers.takeFailed());
                    System.out.println(drained.row() + (ended ? "" : "   (drivers still busy!)"));
                    drivers.failureReasons().forEach((reason, n) -> System.out.printf("  failed x%d: %s%n", n.get(), reason));
                    System.out.printf("== Live objects that grew most from minute 1 to the end (class histogram, KB)%n");
                    LiveHeap.printGrowth(afterWarmUp, LiveHeap.histogram(), 12);
                }
            } finally {
                skyvern.close();
            }
            leftAfterClose = awaitNoChromium();
        }
        verdict(samples, drained, leftAfterClose, concurrency);
        System.out.printf(Locale.ROOT, "data dir %s: %.0f MB (deleted); load at end %.1f%n", dataDir,
                deleteTree(dataDir) / 1048576.0, loadAverage());
        System.exit(0);
    }

    private static void verdict(List<AgentSoakSample> samples, AgentSoakSample drained, int leftAfterClose,
                                int concurrency) {
        // The first minute holds the browsers' launch, JIT and cache warm-up: trends start after it.
        List<AgentSoakSample> steady = samples.size() >= 4 ? samples.subList(1, samples.size()) : samples;
        System.out.printf("== Verdict (minutes %d..%d)%n", steady.get(0).minute(), steady.get(steady.size() - 1).minute());
        boolean grows = false;
        grows |= line(steady, "heap after GC", "MB", AgentSoakSample::heapMb, 1.0, 0.01);
        grows |= line(steady, "metaspace", "MB", AgentSoakSample::metaspaceMb, 0.5, 0.005);
        line(steady, "JVM RSS (info)", "MB", AgentSoakSample::jvmRssMb, 4.0, 0.01);
        grows |= line(steady, "JVM RSS - heap committed", "MB", s -> s.jvmRssMb() - s.committedMb(), 4.0, 0.01);
        line(steady, "JVM+driver+Chromium PSS (info)", "MB", AgentSoakSample::treeMb, 8.0, 0.01);
        grows |= line(steady, "driver+Chromium (PSS-RSS)", "MB", s -> s.treeMb() - s.jvmRssMb(), 8.0, 0.01);
        grows |= line(steady, "Chromium processes", "", s -> s.chromium(), 0.5, 0);
        grows |= line(steady, "threads", "", s -> s.threads(), 0.5, 0);
        grows |= line(steady, "file descriptors", "", s -> s.files(), 1.0, 0);
        int maxContexts = steady.stream().mapToInt(s -> s.usage().openContexts()).max().orElse(0);
        BrowserUsage end = drained.usage();
        boolean leak = end.openContexts() > 0 || end.openSessions() > 0 || maxContexts > concurrency
                || leftAfterClose > 0;
        System.out.printf("contexts open at a sample: at most %d (runs at once: %d); after the last run: %d contexts, "
                + "%d sessions; Chromium processes left after close: %d%n", maxContexts, concurrency,
                end.openContexts(), end.openSessions(), leftAfterClose);
        int done = samples.stream().mapToInt(AgentSoakSample::completed).sum() + drained.completed();
        int failed = samples.stream().mapToInt(AgentSoakSample::failed).sum() + drained.failed();
        System.out.printf("runs: %d completed, %d failed%n", done, failed);
        System.out.println("VERDICT: " + (leak ? "LEAK (browser contexts or processes left behind)"
                : grows ? "GROWTH in a series above (see GROWS)" : "no leak, no growth trend"));
    }

    private static boolean line(List<AgentSoakSample> samples, String name, String unit,
                                ToDoubleFunction<AgentSoakSample> f, double floor, double relative) {
        List<Double> values = samples.stream().map(s -> f.applyAsDouble(s)).toList();
        System.out.println("  " + Trend.verdict(name, unit, values, floor, relative));
        return Trend.grows(values, floor, relative);
    }

    private static void awaitNoRunInFlight(Skyvern skyvern) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (skyvern.runsInFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Chromium processes still alive 15 s after close (they should exit at once). */
    private static int awaitNoChromium() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int left = ProcessCensus.chromiumProcesses();
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            left = ProcessCensus.chromiumProcesses();
        }
        return left;
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, wait / 1_000_000));
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long deleteTree(Path dir) throws IOException {
        long bytes = 0;
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            if (Files.isRegularFile(p)) {
                bytes += Files.size(p);
            }
            Files.deleteIfExists(p);
        }
        return bytes;
    }
}
