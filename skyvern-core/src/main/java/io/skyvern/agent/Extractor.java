package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.skyvern.llm.LlmClient;
import io.skyvern.llm.LlmJsonException;
import io.skyvern.llm.LlmJson;
import io.skyvern.llm.LlmRequest;
import io.skyvern.llm.LlmResponse;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data-extraction call: asks the model for {@code {"extracted_information": …}} about the
 * current page and validates it against the task's schema. One retry shows the model what was
 * wrong (unparseable answer or schema errors); after that the extraction fails with the reason.
 * Thread-safe.
 */
public final class Extractor {
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final LlmClient llm;
    private final PromptBuilder prompts;

    public Extractor(LlmClient llm, PromptBuilder prompts) {
        this.llm = llm;
        this.prompts = prompts;
    }

    /** The outcome of an extraction, with the LLM calls' usage; {@code data} is null when it failed. */
    public record Extraction(JsonNode data, String failureReason, long inputTokens, long outputTokens, double cost,
                             List<String> answers, List<String> prompts) {
        public boolean succeeded() {
            return failureReason == null;
        }
    }

    public Extraction extract(String goal, JsonNode schema, String url, String elementTree, PayloadSecrets secrets) {
        String schemaJson = schema == null || schema.isNull() ? null : schema.toString();
        JsonSchema validator = schemaJson == null ? null : SCHEMAS.getSchema(schema);
        String problems = null;
        long in = 0;
        long out = 0;
        double cost = 0;
        List<String> answers = new java.util.ArrayList<>();
        List<String> sent = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= 2; attempt++) {
            AgentPrompt prompt = prompts.extractionPrompt(goal, schemaJson, url, elementTree, problems);
            sent.add(prompt.system() + "\n\n" + prompt.user());
            LlmResponse response = llm.complete(LlmRequest.builder().system(prompt.system()).user(prompt.user())
                    .jsonOutput(true).build());
            in += response.inputTokens();
            out += response.outputTokens();
            cost += response.cost();
            answers.add(secrets.redact(response.text()));
            JsonNode answer;
            try {
                answer = LlmJson.parse(response.text());
            } catch (LlmJsonException e) {
                problems = "the answer was not JSON (" + e.getMessage() + ")";
                continue;
            }
            JsonNode data = answer.has("extracted_information") ? answer.get("extracted_information") : null;
            if (data == null) {
                problems = "the answer has no \"extracted_information\" field";
                continue;
            }
            if (validator != null) {
                Set<ValidationMessage> errors = validator.validate(data);
                if (!errors.isEmpty()) {
                    problems = errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "));
                    continue;
                }
            }
            return new Extraction(data, null, in, out, cost, answers, sent);
        }
        return new Extraction(null, "Extraction failed after 2 attempts: " + problems, in, out, cost, answers, sent);
    }
}
