package io.skyvern.bench;

import io.skyvern.common.PageRequest;
import io.skyvern.config.DatabaseConfig;
import io.skyvern.persistence.Database;
import io.skyvern.persistence.JdbiWorkflowRepository;
import io.skyvern.testing.TestDatabases;
import io.skyvern.testing.TestOrganizations;
import io.skyvern.workflow.WorkflowQuery;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Not a test: seeds one organisation with {@code -Dbench.workflows} latest workflows (default
 * 10,000; a third of them with two older versions, and 5% more that are deleted) beside four
 * smaller organisations, then times {@link JdbiWorkflowRepository#listLatest} (page and total
 * count, as {@code GET /api/v1/workflows} does) for the first page, a deep page, a title search and
 * the active filter. Prints wall-clock median, p99 and max and the median CPU time of the querying
 * thread; each row stops after {@code -Dbench.queries} queries (default 200) or 30 s. H2 file
 * database in a temp dir with the server's settings, or {@code -Dbench.db=postgres} (a new schema
 * in SKYVERN_TEST_POSTGRES_URL, analysed after seeding). Run with
 * {@code mvn -q -pl skyvern-core -am test-compile exec:java@workflow-list-bench}.
 */
public final class WorkflowListBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] WORDS = ("account billing cart checkout dashboard export invoice login "
            + "order payment profile report search settings shipping signup statement support ticket upload").split(" ");
    private static final String INSERT = "INSERT INTO workflows (workflow_id, version, organization_id, title, "
            + "description, definition, parameter_schema, is_active, is_latest, created_at, modified_at, deleted_at) "
            + "VALUES (:id, :version, :org, :title, :description, :definition, :schema, :active, :latest, :created, "
            + ":created, :deleted)";

    private WorkflowListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int workflows = Integer.getInteger("bench.workflows", 10_000);
        int queries = Integer.getInteger("bench.queries", 200);
        boolean postgres = "postgres".equals(System.getProperty("bench.db", "h2"));
        DatabaseConfig config = postgres ? TestDatabases.freshPostgres() : h2Config();
        System.out.printf(Locale.ROOT, "WorkflowListBenchmark: %s, %,d latest workflows in the measured organisation, "
                + "%d cores%n", postgres ? "PostgreSQL" : "H2 file", workflows, Runtime.getRuntime().availableProcessors());
        try (Database db = Database.open(config)) {
            List<String> orgs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                orgs.add(TestOrganizations.insert(db));
            }
            long seedStart = System.nanoTime();
            int rows = seed(db, orgs.get(0), workflows, 0);
            for (int i = 1; i < orgs.size(); i++) {
                rows += seed(db, orgs.get(i), workflows / 10, i);
            }
            if (postgres) {
                db.jdbi().useHandle(h -> h.execute("ANALYZE workflows"));
            }
            System.out.printf(Locale.ROOT, "seeded %,d rows in %.1f s%n", rows, (System.nanoTime() - seedStart) / 1e9);
            JdbiWorkflowRepository repo = new JdbiWorkflowRepository(db);
            System.out.printf(Locale.ROOT, "%n%-26s %8s %10s %10s %10s %12s%n", "listLatest (page + count)", "total",
                    "median ms", "p99 ms", "max ms", "cpu med ms");
            WorkflowQuery first = WorkflowQuery.defaults();
            Runnable touch = () -> db.jdbi().useHandle(h -> h.createUpdate("UPDATE workflows SET modified_at = "
                    + "CURRENT_TIMESTAMP WHERE organization_id = :org AND workflow_id = :id AND version = 1")
                    .bind("org", orgs.get(1)).bind("id", "wf_1_00000000").execute());
            time(repo, orgs.get(0), "first page", first, queries, touch);
            time(repo, orgs.get(0), "page 50", new WorkflowQuery(Optional.empty(), Optional.empty(),
                    new PageRequest(50, 20)), queries, touch);
            time(repo, orgs.get(0), "search 'invoice'", new WorkflowQuery(Optional.of("invoice"), Optional.empty(),
                    first.page()), queries, touch);
            time(repo, orgs.get(0), "active=true", new WorkflowQuery(Optional.empty(), Optional.of(true),
                    first.page()), queries, touch);
        } finally {
            if (postgres) {
                TestDatabases.dropPostgresSchema(config);
            }
        }
    }

    private static DatabaseConfig h2Config() throws Exception {
        Path dir = Files.createTempDirectory("skyvern-wflist-bench");
        return new DatabaseConfig("jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath(), "", "", 4);
    }

    /**
     * Before each query, {@code touch} changes a workflow of another organisation (not timed), as
     * a live service does: H2 otherwise answers a repeated query from the result it kept of the
     * same statement, which hides the cost of the query.
     */
    private static void time(JdbiWorkflowRepository repo, String org, String name, WorkflowQuery query, int queries,
                             Runnable touch) {
        long total = 0;
        for (int i = 0; i < 50; i++) {
            touch.run();
            total = repo.listLatest(org, query).totalCount();
        }
        double[] ms = new double[queries];
        double[] cpu = new double[queries];
        long deadline = System.nanoTime() + 30_000_000_000L;
        int n = 0;
        while (n < queries && System.nanoTime() < deadline) {
            touch.run();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            repo.listLatest(org, query);
            ms[n] = (System.nanoTime() - t0) / 1e6;
            cpu[n] = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
            n++;
        }
        Arrays.sort(ms, 0, n);
        Arrays.sort(cpu, 0, n);
        System.out.printf(Locale.ROOT, "%-26s %8d %10.2f %10.2f %10.2f %12.2f  (%d queries)%n", name, total, ms[n / 2],
                ms[(int) Math.ceil(n * 0.99) - 1], ms[n - 1], cpu[n / 2], n);
    }

    /**
     * Inserts {@code latest} live workflows, two older versions of every third one and 5% more
     * deleted ones, in one transaction; definitions of a few KB like a workflow of eight blocks.
     */
    private static int seed(Database db, String org, int latest, int orgIndex) {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        return db.jdbi().inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(INSERT);
            int rows = 0;
            int deleted = latest / 20;
            for (int i = 0; i < latest + deleted; i++) {
                String id = String.format(Locale.ROOT, "wf_%d_%08d", orgIndex, i);
                int versions = i % 3 == 0 ? 3 : 1;
                Instant created = start.plusSeconds(i * 60L);
                for (int v = 1; v <= versions; v++) {
                    boolean last = v == versions;
                    batch.bind("id", id).bind("version", v).bind("org", org)
                            .bind("title", WORDS[i % WORDS.length] + " " + WORDS[(i / 7) % WORDS.length] + " flow " + i)
                            .bind("description", "Workflow " + i).bind("definition", definition(i, v))
                            .bind("schema", "{\"type\":\"object\",\"properties\":{\"email\":{\"type\":\"string\"}}}")
                            .bind("active", i % 4 != 0).bind("latest", last)
                            .bind("created", created.plusSeconds(v).atOffset(ZoneOffset.UTC))
                            .bind("deleted", last && i >= latest ? created.plusSeconds(3600).atOffset(ZoneOffset.UTC)
                                    : null)
                            .add();
                    rows++;
                }
                if (batch.size() >= 500) {
                    batch.execute();
                    batch = h.prepareBatch(INSERT);
                }
            }
            batch.execute();
            return rows;
        });
    }

    private static String definition(int i, int version) {
        StringBuilder json = new StringBuilder("{\"blocks\":[");
        for (int b = 0; b < 8; b++) {
            json.append(b == 0 ? "" : ",").append("{\"id\":\"step_").append(b).append("\",\"type\":\"navigation\",")
                    .append("\"parameters\":{\"url\":\"https://example.com/").append(WORDS[(i + b) % WORDS.length])
                    .append("/").append(i).append("\",\"navigation_goal\":\"Open the ").append(WORDS[b % WORDS.length])
                    .append(" page, fill in every field of the form with the values from the parameters, accept ")
                    .append("the terms when asked, submit it and wait until the confirmation page shows the ")
                    .append("reference number of version ").append(version).append(".\",\"max_steps\":10}}");
        }
        return json.append("],\"connections\":[]}").toString();
    }
}
