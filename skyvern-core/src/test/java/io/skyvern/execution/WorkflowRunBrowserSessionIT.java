package io.skyvern.execution;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.PageRequest;
import io.skyvern.common.SkyvernException;
import io.skyvern.testing.FixtureSite;
import io.skyvern.workflow.RunQuery;
import io.skyvern.workflow.StartRunRequest;
import io.skyvern.workflow.WorkflowRequest;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static io.skyvern.execution.ExecutionTestBed.act;
import static io.skyvern.execution.ExecutionTestBed.actions;
import static io.skyvern.execution.WorkflowExecutionBed.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A workflow run that names a browser session runs in that session's browser state (a login
 * made by an earlier task serves it), gives the session back when it ends, and is refused at start
 * when the session is closed, with nothing stored.
 */
class WorkflowRunBrowserSessionIT {
    /** Opens the account page, then reads it in the page: the account number, or "anonymous". */
    private static final String READ_ACCOUNT = """
            {'blocks':[
             {'id':'open','type':'navigation','parameters':{'url':'{{ params.site }}/account',
               'navigation_goal':'Open the account page','max_steps':2}},
             {'id':'read','type':'code','parameters':{'code':
               'const m = document.body.innerText.match(/ACC-\\\\d+/); return m ? m[0] : `anonymous`;'}}],
             'connections':[{'source':'open','target':'read'}]}
            """;

    @Test
    void a_run_uses_the_named_session_and_a_closed_session_is_refused() throws Exception {
        try (ExecutionTestBed bed = ExecutionTestBed.start()) {
            String session = bed.loggedInBrowserSession();
            String workflowId = bed.skyvern.workflows().create(bed.org,
                    new WorkflowRequest("Read account", null, json(READ_ACCOUNT), null, null)).workflow().workflowId();
            String params = "{'site':'" + bed.site.baseUrl() + "'}";

            bed.llm.reply(actions(act("complete")));
            WorkflowRun inSession = awaitEnd(bed, bed.skyvern.workflows().startRun(bed.org, workflowId,
                    new StartRunRequest(json(params), null, null, null, session)));
            assertThat(inSession.status()).as(String.valueOf(inSession.failureReason()))
                    .isEqualTo(WorkflowRunStatus.COMPLETED);
            assertThat(inSession.output().at("/read").asText()).isEqualTo(FixtureSite.accountNumber(FixtureSite.USER));
            assertThat(bed.skyvern.browserSessions().get(bed.org, session).currentRunId()).isNull();

            bed.llm.reply(actions(act("complete")));
            WorkflowRun fresh = awaitEnd(bed, bed.skyvern.workflows().startRun(bed.org, workflowId,
                    new StartRunRequest(json(params), null, null, null, null)));
            assertThat(fresh.output().at("/read").asText()).isEqualTo("anonymous");

            bed.skyvern.browserSessions().close(bed.org, session);
            long before = runCount(bed, workflowId);
            assertThatThrownBy(() -> bed.skyvern.workflows().startRun(bed.org, workflowId,
                    new StartRunRequest(json(params), null, null, null, session)))
                    .isInstanceOfSatisfying(SkyvernException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BROWSER_SESSION_CLOSED));
            assertThatThrownBy(() -> bed.skyvern.workflows().startRun(bed.org, workflowId,
                    new StartRunRequest(json(params), null, null, null, "pbs_unknown")))
                    .isInstanceOf(SkyvernException.class);
            assertThat(runCount(bed, workflowId)).isEqualTo(before);
        }
    }

    private static WorkflowRun awaitEnd(ExecutionTestBed bed, WorkflowRun run) throws InterruptedException {
        WorkflowExecutionBed.await(() -> get(bed, run).status().isFinal(), Duration.ofSeconds(60));
        return get(bed, run);
    }

    private static WorkflowRun get(ExecutionTestBed bed, WorkflowRun run) {
        return bed.skyvern.workflows().getRun(bed.org, run.workflowId(), run.workflowRunId(), false, false).run();
    }

    private static long runCount(ExecutionTestBed bed, String workflowId) {
        return bed.skyvern.workflows().listRuns(bed.org, workflowId,
                new RunQuery(Set.of(), PageRequest.first())).totalCount();
    }
}
