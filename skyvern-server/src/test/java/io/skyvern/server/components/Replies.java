package io.skyvern.server.components;

import io.skyvern.testing.ScriptedReply;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The scripted model's answers, in the agent's JSON formats. */
final class Replies {
    private Replies() {
    }

    /** One action: its type, then alternating keys and values. */
    static Map<String, Object> act(String type, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action_type", type);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        m.putIfAbsent("reasoning", "scripted " + type);
        return m;
    }

    @SafeVarargs
    static ScriptedReply actions(Map<String, Object>... actions) {
        return ScriptedReply.json(Map.of("actions", Arrays.asList(actions)));
    }

    /** Actions with the model's note to itself (the optional top-level {@code memory}). */
    @SafeVarargs
    static ScriptedReply remember(String memory, Map<String, Object>... actions) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("actions", Arrays.asList(actions));
        answer.put("memory", memory);
        return ScriptedReply.json(answer);
    }

    static ScriptedReply complete() {
        return actions(act("complete"));
    }

    static ScriptedReply extracted(Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("extracted_information", value);
        return ScriptedReply.json(m);
    }

    /** The completion check's answer. */
    static ScriptedReply verdict(boolean goalMet, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("goal_met", goalMet);
        m.put("reason", reason);
        return ScriptedReply.json(m);
    }
}
