package io.skyvern.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.agent.AgentLoop;
import io.skyvern.artifact.ArtifactService;
import io.skyvern.artifact.fs.FileArtifactStore;
import io.skyvern.browser.BrowserManager;
import io.skyvern.browsersession.BrowserSessionService;
import io.skyvern.common.Json;
import io.skyvern.common.SkyvernException;
import io.skyvern.common.TimeOrderedIdGenerator;
import io.skyvern.config.OrgLimits;
import io.skyvern.llm.LlmClient;
import io.skyvern.persistence.Database;
import io.skyvern.persistence.JdbiArtifactMetadataRepository;
import io.skyvern.persistence.JdbiBrowserSessionRepository;
import io.skyvern.persistence.JdbiRunLogRepository;
import io.skyvern.persistence.JdbiRunQueue;
import io.skyvern.persistence.JdbiWebhookDeliveryRepository;
import io.skyvern.persistence.JdbiWorkflowRepository;
import io.skyvern.persistence.JdbiWorkflowRunRepository;
import io.skyvern.queue.WorkerPool;
import io.skyvern.queue.WorkerPoolOptions;
import io.skyvern.testing.TestDatabases;
import io.skyvern.testing.TestOrganizations;
import io.skyvern.webhook.WebhookOptions;
import io.skyvern.webhook.WebhookSender;
import io.skyvern.workflow.StartRunRequest;
import io.skyvern.workflow.WorkflowRequest;
import io.skyvern.workflow.WorkflowRun;
import io.skyvern.workflow.WorkflowRunBlock;
import io.skyvern.workflow.WorkflowRunDetails;
import io.skyvern.workflow.WorkflowService;
import io.skyvern.workflow.engine.WorkflowEngine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One fresh database with everything a worker node needs to execute workflow runs for real:
 * the workflow service (to create workflows and start runs), a {@link JdbiRunQueue}, a
 * {@link WorkerPool} of two workers whose executor is the {@link WorkflowRunExecutor} under test,
 * the artifact service on a temporary folder and a webhook sender allowed to call loopback.
 * {@code engineClock} is the clock of the engine only: the queue and the executor use the system
 * clock, so a clock that runs ahead makes a run reach its deadline early.
 */
final class WorkflowExecutionBed implements AutoCloseable {
    final Database database = Database.open(TestDatabases.fresh());
    final String org = TestOrganizations.insert(database, new OrgLimits(10, 10, 50, 1000));
    final Clock clock = Clock.systemUTC();
    final TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock);
    final JdbiWorkflowRunRepository runs = new JdbiWorkflowRunRepository(database);
    final JdbiWorkflowRepository workflows = new JdbiWorkflowRepository(database);
    final WorkflowService service = new WorkflowService(workflows, runs, o -> new OrgLimits(10, 10, 50, 1000), clock, ids);
    final ArtifactService artifacts;
    final WebhookSender webhooks;
    final WorkerPool pool;

    WorkflowExecutionBed(Path tmp, BrowserManager browsers, LlmClient llm, Clock engineClock) {
        artifacts = new ArtifactService(new FileArtifactStore(tmp.resolve("artifacts")),
                new JdbiArtifactMetadataRepository(database), ids, clock);
        webhooks = new WebhookSender(new JdbiWebhookDeliveryRepository(database),
                new WebhookOptions(2, Duration.ofMillis(50), Duration.ofSeconds(5), true), ids, clock);
        WorkflowEngine engine = new WorkflowEngine(browsers,
                llm == null ? null : new AgentLoop(llm, engineClock, false), llm, engineClock, true);
        WorkflowRunExecutor executor = new WorkflowRunExecutor(workflows, runs, engine, artifacts,
                new JdbiRunLogRepository(database), new RunWebhooks(webhooks,
                        io.skyvern.persistence.JdbiTaskRepositories.create(database).tasks()), new RunRegistry(),
                new BrowserSessionService(
                        new JdbiBrowserSessionRepository(database), tmp, clock, ids), Duration.ofSeconds(5),
                tmp.resolve("downloads"), clock, ids);
        pool = new WorkerPool(new JdbiRunQueue(database, clock), executor, new WorkerPoolOptions(2,
                Duration.ofSeconds(3), Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(1), "wf-it"),
                clock);
    }

    WorkflowExecutionBed start() {
        pool.start();
        return this;
    }

    String create(String definition) {
        try {
            return service.create(org, new WorkflowRequest("IT workflow", null, json(definition), null, null))
                    .workflow().workflowId();
        } catch (SkyvernException e) {
            throw new AssertionError(e.getMessage() + ": " + e.errors(), e);
        }
    }

    WorkflowRun startRun(String workflowId, String params) {
        return startRun(workflowId, params, null, null);
    }

    WorkflowRun startRun(String workflowId, String params, String webhook, Integer minutes) {
        WorkflowRun run = service.startRun(org, workflowId, new StartRunRequest(json(params), null, webhook, minutes, null));
        pool.nudge();
        return run;
    }

    WorkflowRunDetails details(WorkflowRun run) {
        return service.getRun(org, run.workflowId(), run.workflowRunId(), true, false);
    }

    /** Waits for the run to end and for its worker to let go of it; returns the run with its blocks. */
    WorkflowRunDetails awaitEnd(WorkflowRun run, Duration timeout) throws InterruptedException {
        await(() -> details(run).run().status().isFinal() && pool.inFlightCount() == 0, timeout);
        return details(run);
    }

    static WorkflowRunBlock block(WorkflowRunDetails details, String blockId) {
        List<WorkflowRunBlock> found = blocks(details, blockId);
        if (found.size() != 1) {
            throw new AssertionError("expected one run of block " + blockId + ", found " + found.size());
        }
        return found.get(0);
    }

    static List<WorkflowRunBlock> blocks(WorkflowRunDetails details, String blockId) {
        return details.blocks().stream().filter(b -> b.blockId().equals(blockId)).toList();
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        pool.shutdown(Duration.ofSeconds(5));
        webhooks.close();
        database.close();
    }
}
