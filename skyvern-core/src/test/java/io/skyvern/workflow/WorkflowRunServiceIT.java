package io.skyvern.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.PageRequest;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.OrgLimits;
import io.skyvern.common.RunPriority;
import io.skyvern.testing.TestOrganizations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static io.skyvern.workflow.WorkflowServiceIT.assertFails;
import static io.skyvern.workflow.WorkflowTestBed.request;
import static io.skyvern.workflow.WorkflowValidatorTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Workflow runs on a real database: start checks, limits, reads, lists, cancel, analytics. */
class WorkflowRunServiceIT {
    private static final JsonNode SCHEMA = json("{'type':'object','properties':{'email':{'type':'string','format':'email'},"
            + "'count':{'type':'integer','minimum':1}},'required':['email','count'],'additionalProperties':false}");
    private final WorkflowTestBed bed = new WorkflowTestBed();
    private final WorkflowService service = bed.service;
    private final String org = TestOrganizations.insert(bed.database);
    private final String otherOrg = TestOrganizations.insert(bed.database);

    @AfterEach
    void close() {
        bed.close();
    }

    private static StartRunRequest params(String relaxedJson) {
        return new StartRunRequest(json(relaxedJson), null, null, null, null);
    }

    private String workflow() {
        return service.create(org, request("Flow")).workflow().workflowId();
    }

    @Test
    void started_run_is_queued_with_defaults_and_the_latest_version() {
        String wf = workflow();
        service.update(org, wf, request("Flow v2"));
        WorkflowRun run = service.startRun(org, wf, new StartRunRequest(null, null, null, null, null));
        assertThat(run.workflowRunId()).startsWith("wr_");
        assertThat(run.status()).isEqualTo(WorkflowRunStatus.QUEUED);
        assertThat(run.priority()).isEqualTo(RunPriority.NORMAL);
        assertThat(run.workflowVersion()).isEqualTo(2);
        assertThat(run.parameters()).isEqualTo(json("{}"));
        assertThat(service.getRun(org, wf, run.workflowRunId(), false, false).run()).isEqualTo(run);
    }

    @Test
    void run_options_are_stored() {
        String wf = service.create(org, requestWithSchema()).workflow().workflowId();
        WorkflowRun run = service.startRun(org, wf, new StartRunRequest(json("{'email':'a@b.test','count':2}"),
                RunPriority.URGENT, "https://hooks.test/cb", 30, "pbs_1"));
        WorkflowRun stored = service.getRun(org, wf, run.workflowRunId(), false, false).run();
        assertThat(stored.priority()).isEqualTo(RunPriority.URGENT);
        assertThat(stored.webhookCallbackUrl()).isEqualTo("https://hooks.test/cb");
        assertThat(stored.maxExecutionTimeMinutes()).isEqualTo(30);
        assertThat(stored.browserSessionId()).isEqualTo("pbs_1");
        assertThat(stored.parameters()).isEqualTo(json("{'email':'a@b.test','count':2}"));
    }

    private static WorkflowRequest requestWithSchema() {
        return WorkflowTestBed.requestWithSchema("With params", SCHEMA);
    }

    @Test
    void parameters_are_checked_against_the_schema_with_every_message() {
        String wf = service.create(org, requestWithSchema()).workflow().workflowId();
        assertThatThrownBy(() -> service.startRun(org, wf, params("{'count':0,'extra':true}")))
                .isInstanceOfSatisfying(SkyvernException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.PARAMETER_VALIDATION_FAILED);
                    assertThat(e.errorCode().httpStatus()).isEqualTo(400);
                    assertThat(e.errors()).hasSize(3);
                    String all = String.join("\n", e.errors());
                    assertThat(all).contains("email").contains("count").contains("extra");
                });
        assertFails(() -> service.startRun(org, wf, params("[1,2]")), ErrorCode.PARAMETER_VALIDATION_FAILED);
        assertFails(() -> service.startRun(org, wf, new StartRunRequest(null, null, null, null, null)),
                ErrorCode.PARAMETER_VALIDATION_FAILED);
        assertThat(bed.count("workflow_runs")).as("bad input leaves nothing written").isZero();
    }

    @Test
    void parameters_must_be_an_object_even_without_a_schema() {
        String wf = workflow();
        assertThatThrownBy(() -> service.startRun(org, wf, params("'text'"))).isInstanceOfSatisfying(SkyvernException.class,
                e -> assertThat(e.errors()).containsExactly("Parameters must be a JSON object"));
    }

    @Test
    void bad_run_options_are_validation_failures() {
        String wf = workflow();
        assertThatThrownBy(() -> service.startRun(org, wf, new StartRunRequest(null, null, "ftp://x.test", 0, null)))
                .isInstanceOfSatisfying(SkyvernException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.errors()).containsExactly("webhook_callback_url must be an absolute http or https URL",
                            "max_execution_time_minutes must be between 1 and 1440");
                });
        assertFails(() -> service.startRun(org, wf, new StartRunRequest(null, null, "not a url", null, null)),
                ErrorCode.VALIDATION_FAILED);
        assertFails(() -> service.startRun(org, wf, new StartRunRequest(null, null, null, 1441, null)),
                ErrorCode.VALIDATION_FAILED);
        assertFails(() -> service.startRun(org, wf, new StartRunRequest(null, null, "https://h.test/" + "a".repeat(2048),
                null, null)), ErrorCode.VALIDATION_FAILED);
        assertFails(() -> service.startRun(org, wf, new StartRunRequest(null, null, null, null, " ")),
                ErrorCode.VALIDATION_FAILED);
        assertThat(service.startRun(org, wf, new StartRunRequest(null, null, "http://h.test", 1440, null)).status())
                .isEqualTo(WorkflowRunStatus.QUEUED);
        assertThat(bed.count("workflow_runs")).isEqualTo(1);
    }

    @Test
    void inactive_workflow_cannot_run() {
        String wf = service.create(org, new WorkflowRequest("Off", "d", WorkflowTestBed.definition(), null, false))
                .workflow().workflowId();
        assertThatThrownBy(() -> service.startRun(org, wf, params("{}"))).isInstanceOfSatisfying(SkyvernException.class,
                e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.WORKFLOW_INACTIVE);
                    assertThat(e.errorCode().httpStatus()).isEqualTo(409);
                });
        service.update(org, wf, new WorkflowRequest("On", "d", WorkflowTestBed.definition(), null, true));
        assertThat(service.startRun(org, wf, params("{}")).workflowVersion()).isEqualTo(2);
    }

    @Test
    void deleted_or_foreign_workflow_cannot_run() {
        String wf = workflow();
        assertFails(() -> service.startRun(otherOrg, wf, params("{}")), ErrorCode.WORKFLOW_NOT_FOUND);
        service.delete(org, wf);
        assertFails(() -> service.startRun(org, wf, params("{}")), ErrorCode.WORKFLOW_NOT_FOUND);
        assertThat(bed.count("workflow_runs")).isZero();
    }

    @Test
    void active_runs_of_the_organisation_are_limited() {
        String limited = TestOrganizations.insert(bed.database, new OrgLimits(10, 2, 50, 100));
        String wf1 = service.create(limited, request("One")).workflow().workflowId();
        String wf2 = service.create(limited, request("Two")).workflow().workflowId();
        WorkflowRun first = service.startRun(limited, wf1, params("{}"));
        service.startRun(limited, wf2, params("{}"));
        assertThatThrownBy(() -> service.startRun(limited, wf1, params("{}"))).isInstanceOfSatisfying(SkyvernException.class,
                e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.EXECUTION_LIMIT_EXCEEDED);
                    assertThat(e.errorCode().httpStatus()).isEqualTo(429);
                });
        assertThat(bed.count("workflow_runs")).isEqualTo(2);
        service.startRun(org, workflow(), params("{}")); // other organisations are not affected
        service.cancelRun(limited, wf1, first.workflowRunId(), null);
        assertThat(service.startRun(limited, wf1, params("{}")).status()).isEqualTo(WorkflowRunStatus.QUEUED);
    }

    @Test
    void get_run_includes_blocks_and_logs_only_when_asked() {
        String wf = workflow();
        WorkflowRun run = service.startRun(org, wf, params("{}"));
        Instant t = Instant.parse("2026-03-01T11:00:00Z");
        bed.runs.insertBlock(org, new WorkflowRunBlock("wrb_2", run.workflowRunId(), "read", "extraction", 1, null,
                "completed", json("{'price':3}"), null, null, 10, 20, 0.5, t, t, t.plusSeconds(2)));
        bed.runs.insertBlock(org, new WorkflowRunBlock("wrb_1", run.workflowRunId(), "open", "navigation", 0, null,
                "completed", null, null, "tsk_1", 1, 2, 0.1, t, t, t.plusSeconds(1)));
        bed.insertLog(org, run.workflowRunId(), "log_1", "started");
        bed.insertLog(org, run.workflowRunId(), "log_2", "queued");

        WorkflowRunDetails bare = service.getRun(org, wf, run.workflowRunId(), false, false);
        assertThat(bare.blocks()).isEmpty();
        assertThat(bare.logs()).isEmpty();
        WorkflowRunDetails full = service.getRun(org, wf, run.workflowRunId(), true, true);
        assertThat(full.blocks()).extracting(WorkflowRunBlock::blockId).containsExactly("open", "read");
        assertThat(full.blocks().get(1).output()).isEqualTo(json("{'price':3}"));
        assertThat(full.blocks().get(1).completedAt()).isEqualTo(t.plusSeconds(2));
        assertThat(full.logs()).extracting(l -> l.message()).containsExactly("started", "queued");
        assertThat(full.logs().get(0).data()).isEqualTo(json("{'k':1}"));
    }

    @Test
    void runs_of_another_workflow_or_organisation_are_not_found() {
        String wf = workflow();
        String other = workflow();
        WorkflowRun run = service.startRun(org, wf, params("{}"));
        assertFails(() -> service.getRun(org, other, run.workflowRunId(), false, false), ErrorCode.WORKFLOW_RUN_NOT_FOUND);
        assertFails(() -> service.getRun(otherOrg, wf, run.workflowRunId(), false, false), ErrorCode.WORKFLOW_RUN_NOT_FOUND);
        assertFails(() -> service.cancelRun(otherOrg, wf, run.workflowRunId(), null), ErrorCode.WORKFLOW_RUN_NOT_FOUND);
        assertFails(() -> service.listRuns(otherOrg, wf, RunQuery.defaults()), ErrorCode.WORKFLOW_NOT_FOUND);
        assertFails(() -> service.analytics(otherOrg, wf), ErrorCode.WORKFLOW_NOT_FOUND);
        assertThat(service.getRun(org, wf, run.workflowRunId(), false, false).run().status()).isEqualTo(WorkflowRunStatus.QUEUED);
    }

    @Test
    void runs_are_listed_newest_first_filtered_and_paged_and_survive_deletion() {
        String wf = workflow();
        WorkflowRun r1 = service.startRun(org, wf, params("{}"));
        WorkflowRun r2 = service.startRun(org, wf, params("{}"));
        WorkflowRun r3 = service.startRun(org, wf, params("{}"));
        service.startRun(org, workflow(), params("{}"));
        service.cancelRun(org, wf, r2.workflowRunId(), "not needed");
        assertThat(service.listRuns(org, wf, RunQuery.defaults()).items()).extracting(WorkflowRun::workflowRunId)
                .containsExactly(r3.workflowRunId(), r2.workflowRunId(), r1.workflowRunId());
        assertThat(service.listRuns(org, wf, new RunQuery(Set.of(WorkflowRunStatus.CANCELED), PageRequest.first())).items())
                .extracting(WorkflowRun::workflowRunId).containsExactly(r2.workflowRunId());
        var page = service.listRuns(org, wf, new RunQuery(Set.of(WorkflowRunStatus.QUEUED, WorkflowRunStatus.CANCELED),
                new PageRequest(2, 2)));
        assertThat(page.items()).extracting(WorkflowRun::workflowRunId).containsExactly(r1.workflowRunId());
        assertThat(page.totalCount()).isEqualTo(3);
        service.delete(org, wf);
        assertThat(service.listRuns(org, wf, RunQuery.defaults()).totalCount()).isEqualTo(3);
        assertThat(service.getRun(org, wf, r1.workflowRunId(), true, true).run().workflowRunId()).isEqualTo(r1.workflowRunId());
    }

    @Test
    void cancel_moves_an_active_run_to_canceled_and_a_finished_one_is_409() {
        String wf = workflow();
        WorkflowRun run = service.startRun(org, wf, params("{}"));
        WorkflowRun canceled = service.cancelRun(org, wf, run.workflowRunId(), "user changed mind");
        assertThat(canceled.status()).isEqualTo(WorkflowRunStatus.CANCELED);
        assertThat(canceled.failureReason()).isEqualTo("Canceled: user changed mind");
        assertThat(canceled.completedAt()).isNotNull();
        assertThatThrownBy(() -> service.cancelRun(org, wf, run.workflowRunId(), null)).isInstanceOfSatisfying(
                SkyvernException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.WORKFLOW_RUN_ALREADY_FINISHED);
                    assertThat(e.errorCode().httpStatus()).isEqualTo(409);
                });
        WorkflowRun done = service.startRun(org, wf, params("{}"));
        bed.finishRun(done.workflowRunId(), WorkflowRunStatus.COMPLETED, Instant.now(), Instant.now());
        assertFails(() -> service.cancelRun(org, wf, done.workflowRunId(), null), ErrorCode.WORKFLOW_RUN_ALREADY_FINISHED);
        assertThat(service.getRun(org, wf, done.workflowRunId(), false, false).run().status())
                .isEqualTo(WorkflowRunStatus.COMPLETED);
        WorkflowRun running = service.startRun(org, wf, params("{}"));
        bed.database.jdbi().useHandle(h -> h.execute("UPDATE workflow_runs SET status = 'running' WHERE workflow_run_id = ?",
                running.workflowRunId()));
        assertThat(service.cancelRun(org, wf, running.workflowRunId(), null).failureReason()).isEqualTo("Canceled");
    }

    @Test
    void analytics_count_statuses_durations_and_block_failures() {
        String wf = workflow();
        Instant t = Instant.parse("2026-03-01T12:00:00Z");
        String[] ids = new String[4];
        for (int i = 0; i < 4; i++) {
            ids[i] = service.startRun(org, wf, params("{}")).workflowRunId();
        }
        bed.finishRun(ids[0], WorkflowRunStatus.COMPLETED, t, t.plusSeconds(10));
        bed.finishRun(ids[1], WorkflowRunStatus.COMPLETED, t, t.plusSeconds(30));
        bed.finishRun(ids[2], WorkflowRunStatus.FAILED, t, t.plusSeconds(20));
        for (int i = 0; i < 3; i++) {
            bed.runs.insertBlock(org, new WorkflowRunBlock("wrb_o" + i, ids[i], "open", "navigation", 0, null,
                    "completed", null, null, null, 0, 0, 0, t, t, t));
        }
        bed.runs.insertBlock(org, new WorkflowRunBlock("wrb_r", ids[2], "read", "extraction", 1, null,
                "failed", null, "no price", null, 0, 0, 0, t, t, t));

        WorkflowAnalytics a = service.analytics(org, wf);
        Map<String, Object> runs = a.runMetrics();
        assertThat(runs.get("total_runs")).isEqualTo(4L);
        assertThat(runs.get("finished_runs")).isEqualTo(3L);
        assertThat(asMap(runs.get("runs_by_status"))).containsEntry("completed", 2L).containsEntry("failed", 1L)
                .containsEntry("queued", 1L).containsEntry("canceled", 0L);
        assertThat((double) runs.get("success_rate")).isEqualTo(66.67);
        assertThat((double) runs.get("avg_duration_seconds")).isEqualTo(20.0);
        assertThat((double) runs.get("median_duration_seconds")).isEqualTo(20.0);
        assertThat((double) runs.get("max_duration_seconds")).isEqualTo(30.0);
        assertThat(asMap(a.blockMetrics().get("open"))).containsEntry("runs", 3L).containsEntry("failures", 0L);
        assertThat(asMap(a.blockMetrics().get("read"))).containsEntry("runs", 1L).containsEntry("failures", 1L)
                .containsEntry("block_type", "extraction");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
