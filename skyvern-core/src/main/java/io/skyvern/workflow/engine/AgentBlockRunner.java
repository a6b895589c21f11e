package io.skyvern.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.agent.AgentGoal;
import io.skyvern.agent.AgentLoop;
import io.skyvern.agent.AgentResult;
import io.skyvern.agent.AgentUsage;
import io.skyvern.agent.Extractor;
import io.skyvern.agent.PayloadSecrets;
import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.PageSnapshot;
import io.skyvern.common.Json;
import io.skyvern.common.SkyvernException;
import io.skyvern.task.LoginSettings;
import io.skyvern.workflow.block.Block;

import java.util.LinkedHashMap;
import java.util.Map;

/** Navigation, task and extraction blocks: the agent loop and the extractor on the run's page. */
final class AgentBlockRunner {
    static final int DEFAULT_MAX_STEPS = 10;

    private final TemplateRenderer renderer;
    private final AgentLoop agent;
    private final BlockLogins logins;
    private final BlockScripts scripts;

    AgentBlockRunner(TemplateRenderer renderer, AgentLoop agent, BlockLogins logins, BlockScripts scripts) {
        this.renderer = renderer;
        this.agent = agent;
        this.logins = logins;
        this.scripts = scripts;
    }

    BlockOutcome run(String blockId, Block.AgentParameters p, boolean navigation, BlockInvocation invocation) {
        if (agent == null) {
            return new BlockOutcome.Failed("No LLM is configured: navigation and task blocks cannot run");
        }
        TemplateContext ctx = invocation.context();
        String goal = text(renderer.render(p.navigationGoal(), ctx));
        JsonNode maxSteps = renderer.render(p.maxSteps(), ctx);
        Map<String, String> codes = new LinkedHashMap<>();
        renderer.render(p.errorCodeMapping(), ctx).fields().forEachRemaining(e -> codes.put(e.getKey(), e.getValue().asText()));
        JsonNode payload = nullIfNull(renderer.render(p.navigationPayload(), ctx));
        LoginSettings login = LoginSettings.of(text(renderer.render(p.credentialId(), ctx)),
                text(renderer.render(p.totpIdentifier(), ctx)), text(renderer.render(p.totpVerificationUrl(), ctx)));
        PayloadSecrets secrets;
        try {
            secrets = logins.secretsFor(invocation.organizationId(), invocation.workflowRunId(), payload, login,
                    invocation.control()::cancelRequested);
        } catch (SkyvernException e) {
            return new BlockOutcome.Failed(e.getMessage());
        }
        AgentGoal agentGoal = new AgentGoal(text(renderer.render(p.url(), ctx)), goal == null ? "" : goal,
                text(renderer.render(p.dataExtractionGoal(), ctx)), payload,
                nullIfNull(renderer.render(p.dataSchema(), ctx)), codes,
                maxSteps.canConvertToInt() && maxSteps.asInt() > 0 ? maxSteps.asInt() : DEFAULT_MAX_STEPS, secrets);
        BlockScripts.Plan script;
        try {
            script = scripts.plan(invocation, blockId, text(renderer.render(p.runMode(), ctx)),
                    text(renderer.render(p.cacheKey(), ctx)), agentGoal);
        } catch (SkyvernException e) {
            return new BlockOutcome.Failed(e.getMessage());
        }
        BrowserSession session = invocation.session().get();
        AgentResult result = agent.run(agentGoal, session, invocation.control(), invocation.agentRecorder(),
                invocation.downloadDir(), script.run());
        script.finish(result);
        BlockUsage usage = usage(result.usage());
        if (result instanceof AgentResult.Completed done) {
            ObjectNode out = Json.mapper().createObjectNode();
            out.set("extracted_information", done.extractedInformation());
            out.put("status", "completed");
            return new BlockOutcome.Succeeded(out, usage);
        } else if (result instanceof AgentResult.Terminated t) {
            return new BlockOutcome.Failed("Terminated: " + t.reason()
                    + (t.errorCode() == null ? "" : " (error code " + t.errorCode() + ")"), usage);
        } else if (result instanceof AgentResult.Failed f) {
            return new BlockOutcome.Failed(f.reason(), usage);
        } else if (result instanceof AgentResult.Canceled) {
            return new BlockOutcome.Canceled(usage);
        }
        return new BlockOutcome.TimedOut(usage);
    }

    BlockOutcome extract(Block.ExtractionBlock block, BlockInvocation invocation) {
        if (agent == null) {
            return new BlockOutcome.Failed("No LLM is configured: extraction blocks cannot run");
        }
        TemplateContext ctx = invocation.context();
        String goal = text(renderer.render(block.dataExtractionGoal(), ctx));
        JsonNode schema = nullIfNull(renderer.render(block.dataSchema(), ctx));
        PayloadSecrets secrets = PayloadSecrets.of(ctx.params());
        PageSnapshot snapshot = invocation.session().get().snapshot();
        Extractor.Extraction extraction = agent.extractor().extract(goal, schema, snapshot.url(),
                secrets.redact(snapshot.renderedTree()), secrets);
        BlockUsage usage = new BlockUsage(extraction.inputTokens(), extraction.outputTokens(), extraction.cost());
        return extraction.succeeded() ? new BlockOutcome.Succeeded(extraction.data(), usage)
                : new BlockOutcome.Failed(extraction.failureReason(), usage);
    }

    private static BlockUsage usage(AgentUsage usage) {
        return new BlockUsage(usage.inputTokens(), usage.outputTokens(), usage.cost());
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }

    private static JsonNode nullIfNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
