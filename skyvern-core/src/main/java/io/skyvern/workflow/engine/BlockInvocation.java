package io.skyvern.workflow.engine;

import io.skyvern.agent.RunControl;
import io.skyvern.agent.RunRecorder;
import io.skyvern.browser.BrowserSession;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything one block run may use: the template context (params, earlier outputs, loop item),
 * the run's control, its shared browser session (opened on first use), where downloads go and
 * where the agent records its steps.
 */
public record BlockInvocation(String blockRunId, TemplateContext context, RunControl control,
                              Supplier<BrowserSession> session, Path downloadDir, RunRecorder agentRecorder,
                              String organizationId, String workflowRunId) {
    /** Outside a stored run (tests): no organisation, so no logins. */
    public BlockInvocation(String blockRunId, TemplateContext context, RunControl control,
                           Supplier<BrowserSession> session, Path downloadDir, RunRecorder agentRecorder) {
        this(blockRunId, context, control, session, downloadDir, agentRecorder, "", "");
    }

    public BlockInvocation {
        organizationId = organizationId == null ? "" : organizationId;
        workflowRunId = workflowRunId == null ? "" : workflowRunId;
        Objects.requireNonNull(blockRunId, "blockRunId");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(downloadDir, "downloadDir");
        Objects.requireNonNull(agentRecorder, "agentRecorder");
    }
}
