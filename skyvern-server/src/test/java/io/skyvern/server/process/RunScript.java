package io.skyvern.server.process;

import io.skyvern.testing.RecordedRequest;
import io.skyvern.testing.ScriptedReply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scripted model of the cluster test. Each task's goal carries a run key ("mn1-17"); the prompt
 * of each step says "Step N of at most M" (numbered across attempts), so every model call can be
 * traced to one task and one step. "mn1" runs finish in one step, every fourth in two; "mn2" runs
 * take three steps, each answer two seconds late, so that a node is surely mid-run when killed.
 */
final class RunScript {
    static final long SLOW_REPLY_MS = 2_000;

    private final Map<String, String> keyOfTask = new ConcurrentHashMap<>();

    static String key(String phase, int index) {
        return phase + "-" + index;
    }

    static String goal(String key) {
        return "Look at the products (run " + key + ")";
    }

    static int expectedSteps(String key) {
        return Integer.parseInt(key.substring(key.indexOf('-') + 1)) % 4 == 1 ? 2 : 1;
    }

    void register(String taskId, String key) {
        keyOfTask.put(taskId, key);
    }

    String keyOf(String taskId) {
        return keyOfTask.get(taskId);
    }

    ScriptedReply answer(RecordedRequest request) {
        String key = request.find("\\(run (mn\\d-\\d+)\\)").orElse("?");
        int step = Integer.parseInt(request.find("Step (\\d+) of at most").orElse("1"));
        if (key.startsWith("mn2-")) {
            return ScriptedReply.delayed(SLOW_REPLY_MS, step >= 3 ? complete() : scroll());
        }
        return step >= expectedSteps(key) ? complete() : scroll();
    }

    /** Step numbers of the model calls, by run key. */
    Map<String, List<Integer>> callsByKey(List<RecordedRequest> requests) {
        Map<String, List<Integer>> calls = new HashMap<>();
        for (RecordedRequest r : requests) {
            Optional<String> key = r.find("\\(run (mn\\d-\\d+)\\)");
            Optional<String> step = r.find("Step (\\d+) of at most");
            if (key.isPresent() && step.isPresent()) {
                calls.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(Integer.parseInt(step.get()));
            }
        }
        return calls;
    }

    private static ScriptedReply complete() {
        return ScriptedReply.json(Map.of("actions", List.of(Map.of("action_type", "complete", "reasoning", "done"))));
    }

    private static ScriptedReply scroll() {
        return ScriptedReply.json(Map.of("actions", List.of(Map.of("action_type", "scroll", "direction", "down",
                "pixels", 200, "reasoning", "look further"))));
    }
}
