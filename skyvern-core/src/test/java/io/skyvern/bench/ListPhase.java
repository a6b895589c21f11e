package io.skyvern.bench;

import io.skyvern.common.PageRequest;
import io.skyvern.common.SortOrder;
import io.skyvern.task.TaskQuery;
import io.skyvern.task.TaskService;
import io.skyvern.task.TaskSortField;
import io.skyvern.task.TaskStatus;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The list phase of {@link TaskStoreBenchmark}: the first page (20, with the total count) for
 * every sort and order, per status filter of {@code -Dbench.listStatuses} (default
 * {@code completed,running,all}: the common status at 70%, a rare one at 2%, and no filter).
 * Prints wall-clock median and p99 and the median CPU time of the querying thread, which a busy
 * machine inflates much less than wall-clock time.
 */
final class ListPhase {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ListPhase() {
    }

    static void run(TaskService service, List<String> orgs, int queries) {
        List<String> names = new ArrayList<>();
        for (String wire : System.getProperty("bench.listStatuses", "completed,running,all").split(",")) {
            names.add(wire.strip());
        }
        warmUp(service, orgs, names);
        double worstP99 = 0;
        for (String name : names) {
            worstP99 = Math.max(worstP99, run(service, orgs, queries, statuses(name), name));
        }
        System.out.printf(Locale.ROOT, "worst p99: %.2f ms (load average %.2f)%n", worstP99,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static List<TaskStatus> statuses(String name) {
        return name.equals("all") ? List.of() : List.of(TaskStatus.parse(name));
    }

    /**
     * Every query shape a few rounds before any is measured. Without it the first rows measured the
     * JIT compiling the list path on a 2-core machine, not the store: right after the create phase,
     * created_at asc had p99 37-100 ms of wall time at a median CPU time of 3-6 ms.
     */
    private static void warmUp(TaskService service, List<String> orgs, List<String> names) {
        long start = System.nanoTime();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int rounds = Integer.getInteger("bench.listWarmupRounds", 20);
        for (int round = 0; round < rounds; round++) {
            for (String name : names) {
                for (TaskSortField field : TaskSortField.values()) {
                    for (SortOrder order : SortOrder.values()) {
                        service.list(orgs.get(r.nextInt(orgs.size())), TaskQuery.defaults()
                                .withStatuses(statuses(name)).withSort(field, order).withPage(new PageRequest(1, 20)));
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nlist warm-up: %d rounds of every status and sort in %.1f s%n", rounds,
                (System.nanoTime() - start) / 1e9);
    }

    private static double run(TaskService service, List<String> orgs, int queries, List<TaskStatus> statuses,
                              String name) {
        System.out.printf(Locale.ROOT, "%nFirst page (20) of status=%s, %d queries per row over random "
                + "organisations, incl. total count (target p99 <= 20 ms)%n", name, queries);
        System.out.printf(Locale.ROOT, "%-16s %-5s %10s %10s %10s %12s%n", "sort_by", "order", "median ms", "p99 ms",
                "max ms", "cpu med ms");
        double worstP99 = 0;
        for (TaskSortField field : TaskSortField.values()) {
            for (SortOrder order : SortOrder.values()) {
                TaskQuery query = TaskQuery.defaults().withStatuses(statuses).withSort(field, order)
                        .withPage(new PageRequest(1, 20));
                ThreadLocalRandom r = ThreadLocalRandom.current();
                for (int i = 0; i < 30; i++) {
                    service.list(orgs.get(r.nextInt(orgs.size())), query);
                }
                double[] ms = new double[queries];
                double[] cpu = new double[queries];
                for (int i = 0; i < queries; i++) {
                    String org = orgs.get(r.nextInt(orgs.size()));
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    service.list(org, query);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                    cpu[i] = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
                }
                Arrays.sort(ms);
                Arrays.sort(cpu);
                double p99 = ms[(int) Math.ceil(queries * 0.99) - 1];
                worstP99 = Math.max(worstP99, p99);
                System.out.printf(Locale.ROOT, "%-16s %-5s %10.2f %10.2f %10.2f %12.2f%n", field.wireName(),
                        order.wireName(), ms[queries / 2], p99, ms[queries - 1], cpu[queries / 2]);
            }
        }
        return worstP99;
    }
}
