package io.skyvern.bench;

import io.skyvern.common.TimeOrderedIdGenerator;
import io.skyvern.config.DatabaseConfig;
import io.skyvern.config.OrgLimits;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.persistence.Database;
import io.skyvern.persistence.JdbiTaskRepositories;
import io.skyvern.persistence.JdbiTaskRepository;
import io.skyvern.common.RunPriority;
import io.skyvern.task.Task;
import io.skyvern.task.TaskRepositories;
import io.skyvern.task.TaskService;
import io.skyvern.task.TaskStatus;
import io.skyvern.testing.TestDatabases;
import io.skyvern.testing.TestOrganizations;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
 * creating threads (default 2), {@code -Dbench.creates} the measured creates (default 50,000) after
 * {@code -Dbench.warmup} unmeasured ones (default 5,000: JIT and the store's cache warm up).
 * {@code -Dbench.dir=DIR} keeps the H2 database in DIR and skips seeding when DIR already holds
 * tasks (copy a seeded DIR aside to rerun the create phase on the same store);
 * {@code -Dbench.seedOnly=true} stops after seeding; {@code -Dbench.h2options=;KEY=VALUE...} appends settings to the H2 URL.
 *
 * <p>The machine is shared, so wall-clock throughput is noisy: the create phase also prints the
 * process CPU time per create (every thread: callers, the store's background writer, GC, JIT)
 * and the load average before and after, which make runs comparable.
 */
public final class TaskStoreBenchmark {
    private static final int ORGS = 100;
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
        System.out.printf(Locale.ROOT, "TaskStoreBenchmark: %s, %,d tasks, %d organisations, %d cores, GC %s%n",
                postgres ? "PostgreSQL" : "H2 file", total, ORGS, Runtime.getRuntime().availableProcessors(),
                garbageCollectors());
        long openStart = System.nanoTime();
        try (Database db = Database.open(dbConfig)) {
            System.out.printf(Locale.ROOT, "opened (and migrated) in %.1f s%n", (System.nanoTime() - openStart) / 1e9);
            OrgLimits roomy = new OrgLimits(10, 5, 50, 1_000_000);
            List<String> orgs = benchOrganizations(db, roomy);
            TaskRepositories repos = JdbiTaskRepositories.create(db);
            long existing = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM tasks").mapTo(Long.class).one());
            if (existing > 0) {
                System.out.printf(Locale.ROOT, "reusing %,d seeded tasks%n", existing);
            } else {
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
            }
            if (Boolean.getBoolean("bench.seedOnly")) {
                return;
            }
            if (postgres) {
                settlePostgres(db);
            }
            Clock clock = Clock.systemUTC();
            TaskService service = new TaskService(repos, org -> roomy, SkyvernConfig.defaults(), clock,
                    new TimeOrderedIdGenerator(clock));
            CreatePhase createPhase = new CreatePhase(service, orgs, Integer.getInteger("bench.threads", 2));
            createPhase.run(Integer.getInteger("bench.warmup", Math.min(5_000, creates / 5)), false);
            createPhase.run(creates, true);
            settle(Integer.getInteger("bench.settleSeconds", 10));
            ListPhase.run(service, orgs, queries);
        } finally {
            if (postgres) {
                // A million rows per run would otherwise pile up in the shared PostgreSQL database.
                TestDatabases.dropPostgresSchema(dbConfig);
            }
        }
    }

    /**
     * Brings a freshly bulk-loaded PostgreSQL store to the steady state a long-lived one is in, so the
     * create phase does not pay for the load: autovacuum would have set the visibility map by now
     * (which lets COUNT(*) be an index-only scan; right after a bulk load every count reads the heap),
     * and the checkpoint that the load's write-ahead log triggers would be over. Unsettled, the same
     * run measured 2,055 creates/s at 16 threads, against 3,412 on a settled store.
     */
    private static void settlePostgres(Database db) {
        long start = System.nanoTime();
        db.jdbi().useHandle(h -> {
            h.execute("VACUUM ANALYZE tasks");
            h.execute("CHECKPOINT");
        });
        System.out.printf(Locale.ROOT, "VACUUM ANALYZE and CHECKPOINT in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /**
     * exec:java runs in Maven's own JVM, so MAVEN_OPTS picks the collector. It matters for the list
     * p99 on H2: with G1's defaults, young pauses of 70-200 ms (the store's page cache on the heap
     * being copied) land in the list phase; with {@code MAVEN_OPTS=-XX:+UseZGC} they do not.
     */
    private static String garbageCollectors() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
    }

    /**
     * A pause between the phases, so the list figures are those of a store at rest rather than of
     * the seconds after 20,000 creates (the collector and the store's compaction catching up on a
     * 2-core machine). Measured right after the creates, the first 200 list queries had a p99 of
     * 37-41 ms; the same queries later in the phase stayed under 7 ms. {@code -Dbench.settleSeconds=0}
     * measures the aftermath instead.
     */
    private static void settle(int seconds) throws InterruptedException {
        if (seconds > 0) {
            System.out.printf(Locale.ROOT, "%nsettling for %d s before the list phase%n", seconds);
            Thread.sleep(seconds * 1000L);
        }
    }

    /** The benchmark's organisations: made on first use, found again in a reused database. */
    private static List<String> benchOrganizations(Database db, OrgLimits limits) {
        List<String> orgs = db.jdbi().withHandle(h -> h.createQuery("SELECT organization_id FROM organizations "
                + "WHERE organization_id LIKE 'o\\_test%' ESCAPE '\\' ORDER BY organization_id")
                .mapTo(String.class).list());
        List<String> all = new ArrayList<>(orgs);
        while (all.size() < ORGS) {
            all.add(TestOrganizations.insert(db, limits));
        }
        return all;
    }

    private static DatabaseConfig h2Config() throws Exception {
        String named = System.getProperty("bench.dir");
        Path dir = named == null ? Files.createTempDirectory("skyvern-bench") : Files.createDirectories(Path.of(named));
        String url = "jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath() + ";CACHE_SIZE=524288"
                + System.getProperty("bench.h2options", "");
        System.out.println("H2 URL: " + url);
        return new DatabaseConfig(url, "", "", 4);
    }

    private static DatabaseConfig postgresConfig() {
        if (TestDatabases.postgresUrl() == null) {
            throw new IllegalStateException("-Dbench.db=postgres needs SKYVERN_TEST_POSTGRES_URL");
        }
        DatabaseConfig fresh = TestDatabases.freshPostgres();
        return new DatabaseConfig(fresh.url(), fresh.user(), fresh.password(), 4);
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

    static String url(ThreadLocalRandom r) {
        return "https://" + WORDS[r.nextInt(WORDS.length)] + ".example.com/" + WORDS[r.nextInt(WORDS.length)]
                + "/" + r.nextInt(100_000);
    }

    static String goal(ThreadLocalRandom r) {
        return "Open the " + WORDS[r.nextInt(WORDS.length)] + " page and find the " + WORDS[r.nextInt(WORDS.length)]
                + " number " + r.nextInt(1_000_000);
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
