package io.skyvern.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.agent.PayloadSecrets;
import io.skyvern.browser.BrowserManager;
import io.skyvern.browser.BrowserSession;
import io.skyvern.common.Json;
import io.skyvern.workflow.block.Block;
import io.skyvern.workflow.block.Connection;
import io.skyvern.workflow.block.WorkflowGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state of one run while it executes: block outputs, the block-run counter and the lazily
 * opened browser session. Confined to the thread executing the run.
 */
final class RunExecution implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);

    private final WorkflowGraph graph;
    private final WorkflowRunContext run;
    private final BlockExecutor executor;
    private final TemplateRenderer renderer;
    private final BrowserManager browsers;
    private final Clock clock;
    private final PayloadSecrets secrets;
    private final Map<String, JsonNode> outputs = new LinkedHashMap<>();
    private final TemplateContext baseContext;
    private BrowserSession session;
    private int order;

    RunExecution(WorkflowGraph graph, WorkflowRunContext run, BlockExecutor executor, TemplateRenderer renderer,
                 BrowserManager browsers, Clock clock) {
        this.graph = graph;
        this.run = run;
        this.executor = executor;
        this.renderer = renderer;
        this.browsers = browsers;
        this.clock = clock;
        this.secrets = PayloadSecrets.of(run.parameters());
        Map<String, String> runInfo = new LinkedHashMap<>();
        runInfo.put("workflow_run_id", run.workflowRunId());
        runInfo.put("workflow_id", run.workflowId());
        if (run.organizationId() != null) {
            runInfo.put("organization_id", run.organizationId());
        }
        this.baseContext = new TemplateContext(run.parameters(), Map.of(), Optional.empty(), runInfo);
    }

    WorkflowRunResult walk() {
        Deque<String> pending = new ArrayDeque<>();
        Set<String> reached = new HashSet<>();
        pending.add(graph.startBlockId());
        reached.add(graph.startBlockId());
        while (!pending.isEmpty()) {
            Optional<WorkflowRunResult> stop = stopRequested();
            if (stop.isPresent()) {
                return stop.get();
            }
            Block block = graph.blocks().get(pending.poll());
            BlockOutcome outcome = runBlock(block, baseContext.withOutputs(outputs), null, outputs);
            Optional<WorkflowRunResult> end = afterBlock(block, outcome);
            if (end.isPresent()) {
                return end.get();
            }
            for (Connection next : followed(block, outcome)) {
                if (reached.add(next.target())) {
                    pending.add(next.target());
                }
            }
        }
        return new WorkflowRunResult.Completed(output());
    }

    /** Records the outcome in the run output; a result when the run must end here. */
    private Optional<WorkflowRunResult> afterBlock(Block block, BlockOutcome outcome) {
        if (outcome instanceof BlockOutcome.Canceled) {
            return Optional.of(new WorkflowRunResult.Canceled(output()));
        }
        if (outcome instanceof BlockOutcome.TimedOut) {
            return Optional.of(new WorkflowRunResult.TimedOut(output()));
        }
        if (outcome instanceof BlockOutcome.Failed failed && !block.continueOnFailure()) {
            return Optional.of(new WorkflowRunResult.Failed("Block " + block.id() + " failed: "
                    + secrets.redact(failed.reason()), output()));
        }
        return Optional.empty();
    }

    private Iterable<Connection> followed(Block block, BlockOutcome outcome) {
        if (!(block instanceof Block.ConditionBlock) || !(outcome instanceof BlockOutcome.Succeeded ok)) {
            return graph.outgoing(block.id()).stream().filter(c -> c.condition().isEmpty()).toList();
        }
        String value = String.valueOf(ok.output().asBoolean());
        return graph.outgoing(block.id()).stream()
                .filter(c -> c.condition().map(v -> v.trim().equalsIgnoreCase(value)).orElse(true)).toList();
    }

    /** Runs one block (recording it) and stores its output in {@code into}. */
    private BlockOutcome runBlock(Block block, TemplateContext context, Integer loopIndex, Map<String, JsonNode> into) {
        String blockRunId = run.recorder().started(block.id(), block.type(), ++order, loopIndex);
        LOG.debug("Run {} block {} ({}) started", run.workflowRunId(), block.id(), block.type().wireName());
        BlockOutcome outcome;
        try {
            if (block instanceof Block.LoopBlock loop) {
                outcome = runLoop(loop, context, into);
            } else if (block instanceof Block.ConditionBlock condition) {
                outcome = new BlockOutcome.Succeeded(
                        BooleanNode.valueOf(renderer.evaluateCondition(condition.conditionExpression(), context)));
            } else {
                outcome = executor.execute(block, new BlockInvocation(blockRunId, context, run.control(),
                        this::session, run.downloadDir(), run.recorder().agentRecorder(blockRunId),
                        run.organizationId(), run.workflowRunId()));
            }
        } catch (RuntimeException e) {
            outcome = new BlockOutcome.Failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        finish(blockRunId, block, outcome, into);
        return outcome;
    }

    private void finish(String blockRunId, Block block, BlockOutcome outcome, Map<String, JsonNode> into) {
        if (outcome instanceof BlockOutcome.Succeeded ok) {
            into.put(block.id(), ok.output());
            run.recorder().finished(blockRunId, BlockRunStatus.COMPLETED, ok.output(), null, ok.usage());
        } else if (outcome instanceof BlockOutcome.Failed failed) {
            String reason = secrets.redact(failed.reason());
            ObjectNode error = Json.mapper().createObjectNode().put("error", reason);
            if (block.continueOnFailure()) {
                into.put(block.id(), error);
            }
            LOG.info("Run {} block {} failed", run.workflowRunId(), block.id());
            run.recorder().finished(blockRunId, BlockRunStatus.FAILED, error, reason, failed.usage());
        } else if (outcome instanceof BlockOutcome.Canceled) {
            run.recorder().finished(blockRunId, BlockRunStatus.CANCELED, null, "Canceled", outcome.usage());
        } else {
            run.recorder().finished(blockRunId, BlockRunStatus.TIMED_OUT, null, "The run exceeded its time limit",
                    outcome.usage());
        }
    }

    /** Runs the loop's blocks once per item; the output lists each iteration's {id: output}. */
    private BlockOutcome runLoop(Block.LoopBlock loop, TemplateContext context, Map<String, JsonNode> into) {
        JsonNode items = renderer.render(loop.loopOver(), context);
        if (items.isNull()) {
            items = Json.mapper().createArrayNode();
        }
        if (!items.isArray()) {
            return new BlockOutcome.Failed("loop_over must be a list, was " + items.getNodeType().name().toLowerCase());
        }
        ArrayNode iterations = Json.mapper().createArrayNode();
        BlockUsage usage = BlockUsage.NONE;
        for (int index = 0; index < items.size(); index++) {
            Map<String, JsonNode> scope = new LinkedHashMap<>(into);
            ObjectNode iteration = Json.mapper().createObjectNode();
            for (String bodyId : loop.loopBlocks()) {
                if (stopRequested().isPresent()) {
                    return stopOutcome(usage);
                }
                Block body = graph.blocks().get(bodyId);
                TemplateContext inLoop = baseContext.withOutputs(scope)
                        .withLoop(new TemplateContext.LoopFrame(items.get(index), index));
                BlockOutcome outcome = runBlock(body, inLoop, index, scope);
                usage = usage.plus(outcome.usage());
                if (outcome instanceof BlockOutcome.Canceled || outcome instanceof BlockOutcome.TimedOut) {
                    return outcome;
                }
                if (outcome instanceof BlockOutcome.Failed failed && !body.continueOnFailure()) {
                    return new BlockOutcome.Failed("Block " + bodyId + " failed in iteration " + index + ": "
                            + failed.reason(), usage);
                }
                iteration.set(bodyId, scope.get(bodyId));
            }
            iterations.add(iteration);
        }
        return new BlockOutcome.Succeeded(iterations, usage);
    }

    private BlockOutcome stopOutcome(BlockUsage usage) {
        return run.control().cancelRequested() ? new BlockOutcome.Canceled(usage) : new BlockOutcome.TimedOut(usage);
    }

    private Optional<WorkflowRunResult> stopRequested() {
        if (run.control().cancelRequested()) {
            return Optional.of(new WorkflowRunResult.Canceled(output()));
        }
        if (run.control().deadline().map(d -> !clock.instant().isBefore(d)).orElse(false)) {
            return Optional.of(new WorkflowRunResult.TimedOut(output()));
        }
        return Optional.empty();
    }

    private BrowserSession session() {
        if (session == null || session.closed()) {
            session = browsers.openSession(run.sessionOptions());
        }
        return session;
    }

    private JsonNode output() {
        ObjectNode out = Json.mapper().createObjectNode();
        outputs.forEach(out::set);
        return out;
    }

    @Override
    public void close() {
        if (session != null) {
            try {
                session.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the browser session of run {} failed: {}", run.workflowRunId(), e.toString());
            }
        }
    }
}
