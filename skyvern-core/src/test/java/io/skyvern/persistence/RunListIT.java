package io.skyvern.persistence;

import io.skyvern.common.Page;
import io.skyvern.common.PageRequest;
import io.skyvern.runlist.RunKind;
import io.skyvern.runlist.RunListQuery;
import io.skyvern.runlist.RunSummary;
import io.skyvern.testing.TestDatabases;
import io.skyvern.testing.TestOrganizations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation-wide runs list (tasks and workflow runs in one query) on the backend under
 * test: pages cut across both kinds in creation order with no run lost or repeated, the total
 * counts both, the status, date and text filters apply to both, and another organisation's runs
 * never show.
 */
class RunListIT {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static Database db;
    private static JdbiRunListRepository runs;
    private static String org;
    private static String other;
    /** The runs of {@link #org}, newest first, as the list must return them. */
    private static final List<RunSummary> EXPECTED = new ArrayList<>();

    @BeforeAll
    static void seed() {
        db = Database.open(TestDatabases.fresh());
        runs = new JdbiRunListRepository(db);
        org = TestOrganizations.insert(db);
        other = TestOrganizations.insert(db);
        db.jdbi().useHandle(h -> {
            for (String owner : List.of(org, other)) {
                h.createUpdate("INSERT INTO workflows (workflow_id, version, organization_id, title, definition, "
                                + "is_active, is_latest, created_at, modified_at) VALUES (:id, 1, :org, :title, '{}', "
                                + "TRUE, TRUE, :at, :at)")
                        .bind("id", "wf_" + owner).bind("org", owner).bind("title", "Invoice export " + owner)
                        .bind("at", START.atOffset(ZoneOffset.UTC)).execute();
            }
            for (int i = 0; i < 40; i++) {
                // Every third run is a workflow run, so each page holds both kinds.
                String owner = i % 10 == 9 ? other : org;
                Instant at = START.plusSeconds(60L * (i + 1));
                String status = i % 4 == 0 ? "failed" : "completed";
                if (i % 3 == 0) {
                    String id = String.format("wr_%04d", i);
                    h.createUpdate("INSERT INTO workflow_runs (workflow_run_id, workflow_id, workflow_version, "
                                    + "organization_id, status, priority, parameters, created_at, modified_at) VALUES "
                                    + "(:id, :wf, 1, :org, :status, 2, '{}', :at, :at)")
                            .bind("id", id).bind("wf", "wf_" + owner).bind("org", owner).bind("status", status)
                            .bind("at", at.atOffset(ZoneOffset.UTC)).execute();
                    if (owner.equals(org)) {
                        EXPECTED.add(new RunSummary(RunKind.WORKFLOW_RUN, id, "wf_" + owner,
                                "Invoice export " + owner, null, status, at));
                    }
                } else {
                    String id = String.format("tsk_%04d", i);
                    String goal = i % 5 == 0 ? "Find the PRICE of item " + i : "Look around " + i;
                    h.createUpdate("INSERT INTO tasks (task_id, organization_id, status, url, navigation_goal, "
                                    + "max_steps, sort_url, sort_goal, created_at, modified_at) VALUES (:id, :org, "
                                    + ":status, 'https://shop.example/', :goal, 10, 'https://shop.example/', :goal, "
                                    + ":at, :at)")
                            .bind("id", id).bind("org", owner).bind("status", status).bind("goal", goal)
                            .bind("at", at.atOffset(ZoneOffset.UTC)).execute();
                    if (owner.equals(org)) {
                        EXPECTED.add(new RunSummary(RunKind.TASK, id, null, goal, "https://shop.example/", status, at));
                    }
                }
            }
        });
        EXPECTED.sort(Comparator.comparing(RunSummary::createdAt).reversed());
    }

    private static Page<RunSummary> page(int page, int size, Optional<String> status, Optional<Instant> after,
                                         Optional<String> text) {
        return runs.list(org, new RunListQuery(status, after, text, new PageRequest(page, size)));
    }

    @Test
    void pages_cut_across_tasks_and_workflow_runs_in_creation_order() {
        List<RunSummary> all = new ArrayList<>();
        int pages = 0;
        Page<RunSummary> p;
        do {
            p = page(++pages, 7, Optional.empty(), Optional.empty(), Optional.empty());
            assertThat(p.totalCount()).isEqualTo(EXPECTED.size());
            if (p.hasNext()) {
                assertThat(p.items()).as("page %d of %s: %s", pages, p, new RunListSql(org, new RunListQuery(
                        Optional.empty(), Optional.empty(), Optional.empty(), new PageRequest(pages, 7))).page()).hasSize(7).extracting(RunSummary::kind)
                        .contains(RunKind.TASK, RunKind.WORKFLOW_RUN);
            }
            all.addAll(p.items());
        } while (p.hasNext());
        assertThat(all).containsExactlyElementsOf(EXPECTED);
        assertThat(pages).isEqualTo((EXPECTED.size() + 6) / 7);
        assertThat(page(pages + 1, 7, Optional.empty(), Optional.empty(), Optional.empty()).items()).isEmpty();
    }

    @Test
    void status_date_and_text_filters_apply_to_both_kinds() {
        List<RunSummary> failed = EXPECTED.stream().filter(r -> r.status().equals("failed")).toList();
        Page<RunSummary> p = page(1, 100, Optional.of("FAILED"), Optional.empty(), Optional.empty());
        assertThat(p.items()).containsExactlyElementsOf(failed);
        assertThat(p.totalCount()).isEqualTo(failed.size());
        assertThat(failed).extracting(RunSummary::kind).contains(RunKind.TASK, RunKind.WORKFLOW_RUN);

        Instant after = START.plusSeconds(60L * 30);
        List<RunSummary> recent = EXPECTED.stream().filter(r -> !r.createdAt().isBefore(after)).toList();
        Page<RunSummary> second = page(2, 3, Optional.empty(), Optional.of(after), Optional.empty());
        assertThat(second.items()).containsExactlyElementsOf(recent.subList(3, 6));
        assertThat(second.totalCount()).isEqualTo(recent.size());

        List<RunSummary> priced = EXPECTED.stream().filter(r -> r.label().contains("PRICE")).toList();
        assertThat(page(1, 100, Optional.empty(), Optional.empty(), Optional.of(" price ")).items())
                .containsExactlyElementsOf(priced);
        List<RunSummary> invoices = EXPECTED.stream().filter(r -> r.kind() == RunKind.WORKFLOW_RUN).toList();
        Page<RunSummary> byTitle = page(1, 100, Optional.empty(), Optional.empty(), Optional.of("invoice EXPORT"));
        assertThat(byTitle.items()).containsExactlyElementsOf(invoices);
        assertThat(byTitle.totalCount()).isEqualTo(invoices.size());
        assertThat(page(1, 100, Optional.empty(), Optional.empty(), Optional.of("100%_!")).items()).isEmpty();
    }

    @Test
    void another_organisations_runs_never_show() {
        Page<RunSummary> theirs = runs.list(other, new RunListQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), new PageRequest(1, 100)));
        assertThat(theirs.items()).isNotEmpty().allMatch(r -> r.runId().endsWith("9"));
        assertThat(theirs.items()).extracting(RunSummary::runId)
                .doesNotContainAnyElementsOf(EXPECTED.stream().map(RunSummary::runId).toList());
    }
}
