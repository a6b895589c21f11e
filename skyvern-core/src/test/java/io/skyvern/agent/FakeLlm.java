package io.skyvern.agent;

import io.skyvern.llm.LlmClient;
import io.skyvern.llm.LlmMessage;
import io.skyvern.llm.LlmRequest;
import io.skyvern.llm.LlmResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * An in-memory model: answers steps and extractions from a script in order, completion checks from
 * their own script (default: confirmed), records every request, and charges 100 tokens in and 10 out
 * per call. Single-threaded, like a run.
 */
final class FakeLlm implements LlmClient {
    final List<LlmRequest> requests = new ArrayList<>();
    final List<LlmRequest> checks = new ArrayList<>();
    private final Deque<Function<String, String>> script = new ArrayDeque<>();
    private final Deque<String> verdicts = new ArrayDeque<>();

    FakeLlm answer(String json) {
        script.add(prompt -> json);
        return this;
    }

    FakeLlm answer(Function<String, String> fromPrompt) {
        script.add(fromPrompt);
        return this;
    }

    FakeLlm verdict(String json) {
        verdicts.add(json);
        return this;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        String system = request.messages().get(0).text();
        if (system.startsWith("You verify whether")) {
            checks.add(request);
            return new LlmResponse(verdicts.isEmpty() ? "{\"goal_met\": true}" : verdicts.poll(), 100, 10, 0.001, "fake", 1);
        }
        requests.add(request);
        if (script.isEmpty()) {
            throw new AssertionError("the fake model's script is exhausted at request " + requests.size());
        }
        return new LlmResponse(script.poll().apply(userText(request)), 100, 10, 0.001, "fake", 1);
    }

    static String userText(LlmRequest request) {
        StringBuilder sb = new StringBuilder();
        for (LlmMessage m : request.messages()) {
            sb.append(m.text()).append('\n');
        }
        return sb.toString();
    }

    String prompt(int index) {
        return userText(requests.get(index));
    }
}
