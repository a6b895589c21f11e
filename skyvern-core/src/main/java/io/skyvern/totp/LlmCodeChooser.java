package io.skyvern.totp;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.SkyvernException;
import io.skyvern.llm.LlmClient;
import io.skyvern.llm.LlmJson;
import io.skyvern.llm.LlmRequest;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks the model which candidate is the one-time code of a message, for the rare message whose
 * numbers the patterns cannot tell apart. Without a configured model it chooses nothing (the push
 * is then refused with a message asking for the code itself). Thread-safe.
 */
public final class LlmCodeChooser implements CodeFinder.Chooser {
    private static final String SYSTEM = "You read an email or text message that carries a one-time login code. "
            + "Answer with JSON only: {\"code\": \"<the one-time code, exactly one of the candidates>\"} or "
            + "{\"code\": null} when none of them is the code.";

    private final Supplier<LlmClient> llm;

    public LlmCodeChooser(Supplier<LlmClient> llm) {
        this.llm = llm;
    }

    @Override
    public Optional<String> choose(String content, List<String> candidates) {
        try {
            String user = "Candidates: " + String.join(", ", candidates) + "\n\nMessage:\n"
                    + (content.length() > 8000 ? content.substring(0, 8000) : content);
            String answer = llm.get().complete(LlmRequest.builder().system(SYSTEM).user(user).jsonOutput(true)
                    .build()).text();
            JsonNode code = LlmJson.parse(answer).path("code");
            return code.isValueNode() && !code.isNull() ? Optional.of(code.asText().replaceAll("[ -]", ""))
                    : Optional.empty();
        } catch (SkyvernException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
