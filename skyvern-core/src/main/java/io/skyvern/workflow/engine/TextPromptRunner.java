package io.skyvern.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.skyvern.llm.LlmClient;
import io.skyvern.llm.LlmJson;
import io.skyvern.llm.LlmJsonException;
import io.skyvern.llm.LlmRequest;
import io.skyvern.llm.LlmResponse;
import io.skyvern.workflow.block.Block;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * text_prompt blocks: one LLM call. With a {@code json_schema} the model is asked for JSON, the
 * answer is parsed and validated (the output is the JSON); without one the output is the text.
 * Thread-safe.
 */
final class TextPromptRunner {
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final TemplateRenderer renderer;
    private final LlmClient llm;

    TextPromptRunner(TemplateRenderer renderer, LlmClient llm) {
        this.renderer = renderer;
        this.llm = llm;
    }

    BlockOutcome run(Block.TextPromptBlock block, TemplateContext ctx) {
        if (llm == null) {
            return new BlockOutcome.Failed("No LLM is configured: text_prompt blocks cannot run");
        }
        JsonNode promptNode = renderer.render(block.prompt(), ctx);
        String prompt = promptNode.isTextual() ? promptNode.asText() : promptNode.toString();
        JsonNode schema = block.jsonSchema();
        boolean json = schema != null && !schema.isNull();
        LlmRequest.Builder request = LlmRequest.builder();
        if (json) {
            request.system("Answer with one JSON value only, no prose, that conforms to this JSON Schema:\n" + schema);
        }
        LlmResponse response = llm.complete(request.user(prompt).jsonOutput(json).build());
        BlockUsage usage = new BlockUsage(response.inputTokens(), response.outputTokens(), response.cost());
        if (!json) {
            return new BlockOutcome.Succeeded(TextNode.valueOf(response.text()), usage);
        }
        JsonNode answer;
        try {
            answer = LlmJson.parse(response.text());
        } catch (LlmJsonException e) {
            return new BlockOutcome.Failed("The model's answer is not JSON: " + e.getMessage(), usage);
        }
        Set<ValidationMessage> errors = SCHEMAS.getSchema(schema).validate(answer);
        if (!errors.isEmpty()) {
            return new BlockOutcome.Failed("The model's answer does not match json_schema: " + errors.stream()
                    .map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")), usage);
        }
        return new BlockOutcome.Succeeded(answer, usage);
    }
}
