package io.skyvern.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What templates see: {@code params}, {@code blocks.<id>.output}, {@code loop.item}/{@code
 * loop.index} inside a loop, and {@code run} (workflow_run_id, workflow_id, …). Immutable.
 */
public record TemplateContext(JsonNode params, Map<String, JsonNode> blockOutputs, Optional<LoopFrame> loop,
                              Map<String, String> run) {
    /** The current item of the innermost loop. */
    public record LoopFrame(JsonNode item, int index) {
        public LoopFrame {
            item = item == null ? NullNode.getInstance() : item;
        }
    }

    public TemplateContext {
        params = params == null || params.isNull() || params.isMissingNode()
                ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : params;
        blockOutputs = Collections.unmodifiableMap(new LinkedHashMap<>(blockOutputs));
        Objects.requireNonNull(loop, "loop");
        run = Map.copyOf(run);
    }

    public TemplateContext withLoop(LoopFrame frame) {
        return new TemplateContext(params, blockOutputs, Optional.of(frame), run);
    }

    public TemplateContext withOutputs(Map<String, JsonNode> outputs) {
        return new TemplateContext(params, outputs, loop, run);
    }
}
