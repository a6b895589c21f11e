package io.skyvern.bench;

import io.skyvern.common.PageRequest;
import io.skyvern.common.SortOrder;
import io.skyvern.common.TimeOrderedIdGenerator;
import io.skyvern.config.DatabaseConfig;
import io.skyvern.config.OrgLimits;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.persistence.Database;
import io.skyvern.persistence.JdbiTaskRepositories;
import io.skyvern.persistence.JdbiTaskRepository;
import io.skyvern.queue.RunPriority;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Task;
import io.skyvern.task.TaskQuery;
import io.skyvern.task.TaskRepositories;
import io.skyvern.task.TaskService;
import io.skyvern.task.TaskSortField;
import io.skyvern.task.TaskStatus;
import io.skyvern.testing.TestDatabases;
import io.skyvern.testing.TestOrganizations;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: seeds a task store (default 1,000,000 tasks across 100 organisations), measures
 * {@link TaskService#create} throughput and the latency of the first page of a status-filtered
 * list for every sort. Run with {@code mvn -q -pl skyvern-core -am test-compile exec:java@bench};
 * {@code -Dbench.tasks=N} scales down, {@code -Dbench.db=postgres} uses SKYVERN_TEST_POSTGRES_URL, {@code -Dbench.threads} sets the
 * creating threads (default 2).
 */
public final class TaskStoreBenchmark {
    private static final int ORGS = 100;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String[] WORDS = ("account billing cart checkout dashboard export invoice login "
            + "order payment profile report search settings shipping signup statement support ticket upload").split(" ");
    /** The status mix of a long-lived store: mostly finished tasks, a few waiting or running. */
    private static final TaskStatus[] MIX = mix();

    private TaskStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = Integer.getInteger("bench.tasks", 1_000_000);
        int creates = Math.min(Integer.getInteger("bench.creates", 50_000), total / 2);
        int queries = Integer.getInteger("bench.queries", 200);
        boolean postgres = "postgres".equals(System.getProperty("bench.db", "h2"));
        DatabaseConfig dbConfig = postgres ? postgresConfig() : h2Config();
        System.out.printf(Locale.ROOT, "TaskStoreBenchmark: %s, %,d tasks, %d organisations, %d cores%n",
                postgres ? "PostgreSQL" : "H2 file", total, ORGS, Runtime.getRuntime().availableProcessors());
        try (Database db = Database.open(dbConfig)) {
            List<String> orgs = new ArrayList<>();
            OrgLimits roomy = new OrgLimits(10, 5, 50, 1_000_000);
            for (int i = 0; i < ORGS; i++) {
                orgs.add(TestOrganizations.insert(db, roomy));
            }
            TaskRepositories repos = JdbiTaskRepositories.create(db);
            long seedStart = System.nanoTime();
            SeedIndexes indexes = SeedIndexes.dropAll(db, "tasks");
            seed(db, orgs, total - creates);
            long indexStart = System.nanoTime();
            indexes.recreate();
            System.out.printf(Locale.ROOT, "rebuilt %d indexes in %.1f s%n", indexes.count(),
                    (System.nanoTime() - indexStart) / 1e9);
            double seedSecs = (System.nanoTime() - seedStart) / 1e9;
            System.out.printf(Locale.ROOT, "seeded %,d tasks (batch insert + index build) in %.1f s (%,.0f rows/s)%n",
                    total - creates, seedSecs, (total - creates) / seedSecs);
            Clock clock = Clock.systemUTC();
            TaskService service = new TaskService(repos, org -> roomy, SkyvernConfig.defaults(), clock,
                    new TimeOrderedIdGenerator(clock));
            measureCreates(service, orgs, creates);
            if (postgres) {
                // Steady state: autovacuum would have set the visibility map by now, which lets
                // COUNT(*) be an index-only scan; right after a bulk load every count reads the heap.
                db.jdbi().useHandle(h -> h.execute("VACUUM ANALYZE tasks"));
            }
            measureLists(service, orgs, queries);
        }
    }

    private static DatabaseConfig h2Config() throws Exception {
        Path dir = Files.createTempDirectory("skyvern-bench");
        return new DatabaseConfig("jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath()
                + ";CACHE_SIZE=524288", "", "", 4);
    }

    private static DatabaseConfig postgresConfig() {
        if (TestDatabases.postgresUrl() == null) {
            throw new IllegalStateException("-Dbench.db=postgres needs SKYVERN_TEST_POSTGRES_URL");
        }
        DatabaseConfig fresh = TestDatabases.freshPostgres();
        return new DatabaseConfig(fresh.url() + "&reWriteBatchedInserts=true", fresh.user(), fresh.password(), 4);
    }

    private static void seed(Database db, List<String> orgs, int count) throws Exception {
        JdbiTaskRepository repo = new JdbiTaskRepository(db);
        TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(Clock.systemUTC());
        Instant start = Instant.now().minusSeconds(365L * 86_400);
        long spacingMicros = 365L * 86_400_000_000L / Math.max(1, count);
        int batch = 5_000;
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> jobs = new ArrayList<>();
        for (int from = 0; from < count; from += batch) {
            int lo = from;
            int hi = Math.min(count, from + batch);
            jobs.add(pool.submit(() -> {
                List<Task> rows = new ArrayList<>(hi - lo);
                for (int i = lo; i < hi; i++) {
                    Instant created = start.plusNanos(i * spacingMicros * 1_000L);
                    rows.add(seedTask(ids, orgs, created));
                }
                repo.insertBatch(rows);
                long done = next.addAndGet(rows.size());
                if (done % 100_000 < batch) {
                    System.out.printf(Locale.ROOT, "  seeded %,d%n", done);
                }
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
    }

    private static Task seedTask(TimeOrderedIdGenerator ids, List<String> orgs, Instant created) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        TaskStatus status = MIX[r.nextInt(MIX.length)];
        Instant modified = created.plusSeconds(r.nextInt(1, 600));
        Instant completed = status.isFinal() ? modified : null;
        return new Task(ids.next(io.skyvern.common.IdPrefix.TASK), orgs.get(r.nextInt(orgs.size())), status,
                RunPriority.NORMAL, url(r), null, goal(r), null, null, null, null, null, 10, null, null, null,
                null, created, modified, status == TaskStatus.QUEUED ? null : created, completed);
    }

    private static String url(ThreadLocalRandom r) {
        return "https://" + WORDS[r.nextInt(WORDS.length)] + ".example.com/" + WORDS[r.nextInt(WORDS.length)]
                + "/" + r.nextInt(100_000);
    }

    private static String goal(ThreadLocalRandom r) {
        return "Open the " + WORDS[r.nextInt(WORDS.length)] + " page and find the " + WORDS[r.nextInt(WORDS.length)]
                + " number " + r.nextInt(1_000_000);
    }

    private static void measureCreates(TaskService service, List<String> orgs, int creates) throws Exception {
        int threads = Integer.getInteger("bench.threads", 2);
        AtomicLong cpuNanos = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = creates / threads + (t < creates % threads ? 1 : 0);
            jobs.add(pool.submit(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                long cpu0 = CPU.getCurrentThreadCpuTime();
                for (int i = 0; i < share; i++) {
                    service.create(orgs.get(r.nextInt(orgs.size())), CreateTaskRequest.builder(url(r), goal(r))
                            .title("bench").maxSteps(10).build());
                }
                cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - cpu0);
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%nTaskService.create: %,d tasks, %d threads, %.1f s -> %,.0f tasks/s "
                + "(target >= 3,000)%n", creates, threads, secs, creates / secs);
        // The caller threads' CPU time only (the store's background writer is not included): it
        // tells code cost apart from waiting for a busy machine or disk.
        System.out.printf(Locale.ROOT, "  caller CPU per create %.3f ms; %,.0f creates per CPU-second; "
                + "load average at end %.1f%n", cpuNanos.get() / 1e6 / creates, creates / (cpuNanos.get() / 1e9),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void measureLists(TaskService service, List<String> orgs, int queries) {
        System.out.printf(Locale.ROOT, "%nFirst page (20) of status=completed, %d queries per row over random "
                + "organisations, incl. total count (target p99 <= 20 ms)%n", queries);
        System.out.printf(Locale.ROOT, "%-16s %-5s %10s %10s %10s%n", "sort_by", "order", "median ms", "p99 ms", "max ms");
        double worstP99 = 0;
        for (TaskSortField field : TaskSortField.values()) {
            for (SortOrder order : SortOrder.values()) {
                TaskQuery query = TaskQuery.defaults().withStatuses(List.of(TaskStatus.COMPLETED))
                        .withSort(field, order).withPage(new PageRequest(1, 20));
                ThreadLocalRandom r = ThreadLocalRandom.current();
                for (int i = 0; i < 30; i++) {
                    service.list(orgs.get(r.nextInt(orgs.size())), query);
                }
                double[] ms = new double[queries];
                for (int i = 0; i < queries; i++) {
                    String org = orgs.get(r.nextInt(orgs.size()));
                    long t0 = System.nanoTime();
                    service.list(org, query);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                double p99 = ms[(int) Math.ceil(queries * 0.99) - 1];
                worstP99 = Math.max(worstP99, p99);
                System.out.printf(Locale.ROOT, "%-16s %-5s %10.2f %10.2f %10.2f%n", field.wireName(), order.wireName(),
                        ms[queries / 2], p99, ms[queries - 1]);
            }
        }
        System.out.printf(Locale.ROOT, "worst p99: %.2f ms%n", worstP99);
    }

    private static TaskStatus[] mix() {
        List<TaskStatus> mix = new ArrayList<>();
        addTimes(mix, TaskStatus.COMPLETED, 70);
        addTimes(mix, TaskStatus.FAILED, 10);
        addTimes(mix, TaskStatus.QUEUED, 6);
        addTimes(mix, TaskStatus.CANCELED, 5);
        addTimes(mix, TaskStatus.TERMINATED, 3);
        addTimes(mix, TaskStatus.TIMED_OUT, 2);
        addTimes(mix, TaskStatus.RUNNING, 2);
        addTimes(mix, TaskStatus.CREATED, 2);
        return mix.toArray(TaskStatus[]::new);
    }

    private static void addTimes(List<TaskStatus> mix, TaskStatus status, int times) {
        for (int i = 0; i < times; i++) {
            mix.add(status);
        }
    }
}
