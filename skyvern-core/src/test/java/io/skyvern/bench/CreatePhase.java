package io.skyvern.bench;

import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.TaskService;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The create phase of {@link TaskStoreBenchmark}: {@code threads} callers of
 * {@link TaskService#create} over random organisations. Prints throughput and CPU time per create:
 * the process's (every thread: callers, the store's background writer, GC, JIT) and the callers'
 * only. On a shared machine wall-clock throughput follows the load; CPU per create does much less.
 */
final class CreatePhase {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final TaskService service;
    private final List<String> orgs;
    private final int threads;

    CreatePhase(TaskService service, List<String> orgs, int threads) {
        this.service = service;
        this.orgs = orgs;
        this.threads = threads;
    }

    void run(int creates, boolean report) throws Exception {
        if (creates <= 0) {
            return;
        }
        AtomicLong callerCpu = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double loadBefore = OS.getSystemLoadAverage();
        long processCpu0 = OS.getProcessCpuTime();
        long start = System.nanoTime();
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = creates / threads + (t < creates % threads ? 1 : 0);
            jobs.add(pool.submit(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < share; i++) {
                    service.create(orgs.get(r.nextInt(orgs.size())), CreateTaskRequest.builder(
                            TaskStoreBenchmark.url(r), TaskStoreBenchmark.goal(r)).title("bench").maxSteps(10).build());
                }
                callerCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        long processCpu = OS.getProcessCpuTime() - processCpu0;
        pool.shutdown();
        if (!report) {
            System.out.printf(Locale.ROOT, "warm-up: %,d creates in %.1f s%n", creates, secs);
            return;
        }
        System.out.printf(Locale.ROOT, "%nTaskService.create: %,d tasks, %d threads, %.1f s -> %,.0f tasks/s "
                + "(target >= 3,000)%n", creates, threads, secs, creates / secs);
        System.out.printf(Locale.ROOT, "  process CPU per create %.3f ms (%,.0f creates per process CPU-second); "
                        + "caller CPU per create %.3f ms%n", processCpu / 1e6 / creates, creates / (processCpu / 1e9),
                callerCpu.get() / 1e6 / creates);
        System.out.printf(Locale.ROOT, "  load average (1 min) before %.2f, after %.2f on %d cores%n", loadBefore,
                OS.getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }
}
