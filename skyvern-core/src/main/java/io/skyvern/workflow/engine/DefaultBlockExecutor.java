package io.skyvern.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.agent.AgentLoop;
import io.skyvern.browser.BrowserSession;
import io.skyvern.common.Json;
import io.skyvern.llm.LlmClient;
import io.skyvern.workflow.block.Block;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real block executor: renders a block's parameters and runs it (agent, extraction, code in
 * the page, wait, HTTP request, text prompt). Thread-safe.
 */
final class DefaultBlockExecutor implements BlockExecutor {
    private static final long WAIT_SLICE_MS = 100;

    private final TemplateRenderer renderer;
    private final AgentBlockRunner agentBlocks;
    private final HttpRequestRunner http;
    private final TextPromptRunner textPrompts;
    private final Clock clock;

    DefaultBlockExecutor(TemplateRenderer renderer, AgentLoop agent, LlmClient llm, Clock clock,
                         boolean allowPrivateNetwork, BlockLogins logins, BlockScripts scripts) {
        this.renderer = renderer;
        this.agentBlocks = new AgentBlockRunner(renderer, agent, logins, scripts);
        this.http = new HttpRequestRunner(renderer, allowPrivateNetwork);
        this.textPrompts = new TextPromptRunner(renderer, llm);
        this.clock = clock;
    }

    @Override
    public BlockOutcome execute(Block block, BlockInvocation invocation) {
        if (block instanceof Block.NavigationBlock nav) {
            return agentBlocks.run(nav.id(), nav.agent(), true, invocation);
        } else if (block instanceof Block.TaskBlock task) {
            return agentBlocks.run(task.id(), task.agent(), false, invocation);
        } else if (block instanceof Block.LoginBlock login) {
            return agentBlocks.run(login.id(), login.agent(), true, invocation);
        } else if (block instanceof Block.ExtractionBlock extraction) {
            return agentBlocks.extract(extraction, invocation);
        } else if (block instanceof Block.CodeBlock code) {
            return runCode(code, invocation);
        } else if (block instanceof Block.WaitBlock wait) {
            return runWait(wait, invocation);
        } else if (block instanceof Block.HttpRequestBlock request) {
            return http.run(request, invocation.context());
        } else if (block instanceof Block.TextPromptBlock prompt) {
            return textPrompts.run(prompt, invocation.context());
        }
        return new BlockOutcome.Failed("Block type " + block.type().wireName() + " is not run by the executor");
    }

    /** The code is the body of an async function with {@code params}, {@code blocks} (and {@code loop}) in scope. */
    private BlockOutcome runCode(Block.CodeBlock code, BlockInvocation invocation) {
        BrowserSession session = invocation.session().get();
        String url = session.currentUrl();
        if (url == null || url.isBlank()) {
            session.navigate("about:blank");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("params", Json.mapper().convertValue(invocation.context().params(), Object.class));
        ObjectNode blocks = Json.mapper().createObjectNode();
        invocation.context().blockOutputs().forEach((id, output) ->
                blocks.set(id, Json.mapper().createObjectNode().set("output", output)));
        args.put("blocks", Json.mapper().convertValue(blocks, Object.class));
        invocation.context().loop().ifPresent(frame -> {
            Map<String, Object> loop = new LinkedHashMap<>();
            loop.put("item", Json.mapper().convertValue(frame.item(), Object.class));
            loop.put("index", frame.index());
            args.put("loop", loop);
        });
        Object result = session.evaluate(code.code(), args);
        return new BlockOutcome.Succeeded(Json.mapper().valueToTree(result));
    }

    /** Sleeps in short slices so that a cancel or the deadline ends the wait promptly. */
    private BlockOutcome runWait(Block.WaitBlock wait, BlockInvocation invocation) {
        JsonNode seconds = renderer.render(wait.seconds(), invocation.context());
        double value = seconds.isNumber() ? seconds.asDouble() : parseSeconds(seconds.asText());
        if (Double.isNaN(value) || value < 0 || value > 3600) {
            return new BlockOutcome.Failed("seconds must be a number from 0 to 3600, was " + seconds);
        }
        Instant until = clock.instant().plus(Duration.ofMillis((long) (value * 1000)));
        try {
            while (clock.instant().isBefore(until)) {
                if (invocation.control().cancelRequested()) {
                    return new BlockOutcome.Canceled(BlockUsage.NONE);
                }
                if (invocation.control().deadline().map(d -> !clock.instant().isBefore(d)).orElse(false)) {
                    return new BlockOutcome.TimedOut(BlockUsage.NONE);
                }
                long left = Duration.between(clock.instant(), until).toMillis();
                Thread.sleep(Math.max(1, Math.min(WAIT_SLICE_MS, left)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new BlockOutcome.Canceled(BlockUsage.NONE);
        }
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("waited_seconds", seconds.isNumber() ? seconds : Json.mapper().getNodeFactory().numberNode(value));
        return new BlockOutcome.Succeeded(out);
    }

    private static double parseSeconds(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
