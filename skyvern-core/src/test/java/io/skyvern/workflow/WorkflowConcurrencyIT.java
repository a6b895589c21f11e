package io.skyvern.workflow;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.OrgLimits;
import io.skyvern.testing.TestOrganizations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.skyvern.workflow.WorkflowTestBed.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent starts and updates on a real database: the limit holds and versions stay linear. */
class WorkflowConcurrencyIT {
    private static final int THREADS = 6;
    private final WorkflowTestBed bed = new WorkflowTestBed();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        bed.close();
    }

    private <T> List<Object> runAll(Callable<T> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(pool.submit(task));
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<T> f : futures) {
            try {
                outcomes.add(f.get(60, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                outcomes.add(e.getCause());
            }
        }
        return outcomes;
    }

    @Test
    void concurrent_starts_never_exceed_the_execution_limit() throws Exception {
        String org = TestOrganizations.insert(bed.database, new OrgLimits(10, 2, 50, 100));
        String wf = bed.service.create(org, request("Busy")).workflow().workflowId();
        List<Object> outcomes = runAll(() -> bed.service.startRun(org, wf, new StartRunRequest(null, null, null, null, null)));
        assertThat(outcomes).filteredOn(o -> o instanceof WorkflowRun).hasSize(2);
        assertThat(outcomes).filteredOn(o -> !(o instanceof WorkflowRun))
                .allSatisfy(o -> assertThat(((SkyvernException) o).errorCode()).isEqualTo(ErrorCode.EXECUTION_LIMIT_EXCEEDED));
        assertThat(bed.count("workflow_runs")).isEqualTo(2);
    }

    @Test
    void concurrent_updates_make_consecutive_versions_with_one_latest() throws Exception {
        String org = TestOrganizations.insert(bed.database);
        String wf = bed.service.create(org, request("Edited")).workflow().workflowId();
        List<Object> outcomes = runAll(() -> bed.service.update(org, wf, request("Edit")).workflow().version());
        List<Object> versions = outcomes.stream().filter(o -> o instanceof Integer).toList();
        assertThat(outcomes).as("every update succeeds").containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7);
        assertThat(versions).doesNotHaveDuplicates();
        long latest = bed.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM workflows WHERE is_latest = TRUE").mapTo(Long.class).one());
        assertThat(latest).isEqualTo(1);
        assertThat(bed.count("workflows")).isEqualTo(1 + versions.size());
        assertThat(bed.service.get(org, wf).version()).isEqualTo(1 + versions.size());
    }
}
