package io.skyvern.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Page;
import io.skyvern.common.PageRequest;
import io.skyvern.testing.TestDatabases;
import io.skyvern.testing.TestOrganizations;
import io.skyvern.workflow.Workflow;
import io.skyvern.workflow.WorkflowQuery;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow list (page and total, with and without title search and active filter) reads
 * {@code ix_workflows_org_list} (V50) on the backend under test: in order, without a table scan or
 * a sort, and the unfiltered total from the index alone. Seeded with a few thousand workflows of
 * several versions across organisations, some deleted, and analysed, so the planners choose as
 * they would for a real organisation. Guards against a query or migration change that would fall
 * back to reading and sorting every workflow of an organisation, big definitions included.
 */
class WorkflowListPlanIT {
    private static final String INDEX = "ix_workflows_org_list";
    private static final String INSERT = "INSERT INTO workflows (workflow_id, version, organization_id, title, "
            + "description, definition, parameter_schema, is_active, is_latest, created_at, modified_at, deleted_at) "
            + "VALUES (:id, :version, :org, :title, NULL, :definition, NULL, :active, :latest, :created, :created, "
            + ":deleted)";
    private static Database db;
    private static String org;
    /** The listed workflows of {@link #org} (latest, not deleted), as id and creation time. */
    private static final List<Listed> LISTED = new ArrayList<>();

    private record Listed(String workflowId, Instant createdAt) {
    }

    @BeforeAll
    static void seed() {
        db = Database.open(TestDatabases.fresh());
        List<String> orgs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            orgs.add(TestOrganizations.insert(db));
        }
        org = orgs.get(0);
        String block = "{\"id\":\"b\",\"type\":\"navigation\",\"parameters\":{\"url\":\"https://example.com/form\","
                + "\"navigation_goal\":\"fill in the form and submit it\"}},";
        String definition = "{\"blocks\":[" + block.repeat(8) + "{}],\"connections\":[]}";
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        db.jdbi().useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(INSERT);
            for (int i = 0; i < 5_000; i++) {
                // Half of the workflows belong to the listed organisation; pairs share a creation
                // time so the tie-break on workflow_id is exercised; every third has three versions.
                String owner = i / 2 % 2 == 0 ? org : orgs.get(1 + i % 3);
                String id = String.format("wf_%06d", i);
                Instant created = start.plusSeconds(i / 2 * 60L);
                boolean deleted = i % 20 == 0;
                int versions = i % 3 == 0 ? 3 : 1;
                for (int v = 1; v <= versions; v++) {
                    boolean latest = v == versions;
                    batch.bind("id", id).bind("version", v).bind("org", owner)
                            .bind("title", (i % 7 == 0 ? "Invoice " : "Report ") + i).bind("definition", definition)
                            .bind("active", i % 4 != 1).bind("latest", latest)
                            .bind("created", created.plusSeconds(v).atOffset(ZoneOffset.UTC))
                            .bind("deleted", latest && deleted ? created.plusSeconds(90).atOffset(ZoneOffset.UTC) : null)
                            .add();
                }
                if (owner.equals(org) && !deleted) {
                    LISTED.add(new Listed(id, created.plusSeconds(versions)));
                }
                if (batch.size() >= 500) {
                    batch.execute();
                    batch = h.prepareBatch(INSERT);
                }
            }
            batch.execute();
        });
        if (db.isPostgres()) {
            // What autovacuum does for a table that has had its rows for a while: statistics and the
            // visibility map that lets a count read the index alone.
            db.jdbi().useHandle(h -> h.execute("VACUUM ANALYZE workflows"));
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void pages_list_the_latest_undeleted_versions_newest_first_ties_by_id() {
        List<String> expected = LISTED.stream()
                .sorted(Comparator.comparing(Listed::createdAt).thenComparing(Listed::workflowId).reversed())
                .map(Listed::workflowId).toList();
        JdbiWorkflowRepository repo = new JdbiWorkflowRepository(db);
        List<String> listed = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            Page<Workflow> result = repo.listLatest(org, new WorkflowQuery(Optional.empty(), Optional.empty(),
                    new PageRequest(page, 100)));
            assertThat(result.totalCount()).isEqualTo(expected.size());
            result.items().stream().map(Workflow::workflowId).forEach(listed::add);
        }
        assertThat(listed).containsExactlyElementsOf(expected.subList(0, 300));
    }

    @Test
    void every_filter_and_page_reads_the_list_index_in_order() {
        for (Optional<String> search : List.of(Optional.<String>empty(), Optional.of("invoice"))) {
            for (Optional<Boolean> active : List.of(Optional.<Boolean>empty(), Optional.of(true), Optional.of(false))) {
                for (int page : new int[] {1, 40}) {
                    WorkflowQuery query = new WorkflowQuery(search, active, new PageRequest(page, 20));
                    WorkflowListSql sql = new WorkflowListSql(org, query);
                    String what = search + " " + active + " page " + page;
                    assertPageInOrder(explain(sql.select("workflow_id, title, definition"), sql.selectBinds()), what);
                    assertCountOnIndex(explain(sql.count(), sql.binds()), what);
                }
            }
        }
    }

    /**
     * The page's ids come from the list index read backwards (on PostgreSQL from the index alone),
     * then its rows are looked up by primary key; a sort only ever puts those few rows back in
     * order (its input is the join), never sorts an index or table read.
     */
    private static void assertPageInOrder(String plan, String what) {
        if (db.isPostgres()) {
            List<JsonNode> nodes = QueryPlans.postgresNodes(plan);
            for (JsonNode node : nodes) {
                String type = node.get("Node Type").asText();
                assertThat(type).as(what + "\n" + plan)
                        .isNotIn("Seq Scan", "Incremental Sort", "Bitmap Heap Scan", "Bitmap Index Scan");
                if (type.equals("Sort")) {
                    assertThat(node.get("Plans").get(0).get("Node Type").asText()).as(what + "\n" + plan)
                            .isIn("Nested Loop", "Hash Join", "Merge Join");
                }
                if (node.has("Index Name") && node.get("Index Name").asText().equals(INDEX)) {
                    assertThat(type).as(what + "\n" + plan).isEqualTo("Index Only Scan");
                    assertThat(node.get("Scan Direction").asText()).as(what).isEqualTo("Backward");
                }
            }
            assertThat(nodes).as(what + "\n" + plan).filteredOn(node -> node.has("Index Name"))
                    .extracting(node -> node.get("Index Name").asText())
                    .containsExactlyInAnyOrder(INDEX, "workflows_pkey");
        } else {
            assertThat(QueryPlans.h2Indexes(plan)).as(what + "\n" + plan).first().asString().startsWith("PRIMARY_KEY");
            assertThat(QueryPlans.h2Indexes(plan)).as(what + "\n" + plan).contains(INDEX.toUpperCase(Locale.ROOT))
                    .allMatch(name -> name.startsWith("PRIMARY_KEY") || name.equals(INDEX.toUpperCase(Locale.ROOT)));
            assertThat(plan).as(what + "\n" + plan).contains("/* index sorted */");
        }
    }

    /** Every total reads the index only; on PostgreSQL without visiting the table (Index Only Scan). */
    private static void assertCountOnIndex(String plan, String what) {
        if (db.isPostgres()) {
            List<String> scans = QueryPlans.postgresNodes(plan).stream().map(n -> n.get("Node Type").asText())
                    .filter(type -> type.contains("Scan")).toList();
            assertThat(scans).as("count " + what + "\n" + plan).containsExactly("Index Only Scan");
            assertThat(plan).contains("\"Index Name\": \"" + INDEX + "\"");
        } else {
            assertThat(QueryPlans.h2Indexes(plan)).as("count " + what + "\n" + plan)
                    .containsExactly(INDEX.toUpperCase(Locale.ROOT));
        }
    }

    private static String explain(String sql, Map<String, Object> binds) {
        String prefix = db.isPostgres() ? "EXPLAIN (FORMAT JSON) " : "EXPLAIN ";
        return db.jdbi().withHandle(h -> {
            Query q = h.createQuery(prefix + sql);
            binds.forEach(q::bind);
            return String.join("\n", q.mapTo(String.class).list());
        });
    }
}
