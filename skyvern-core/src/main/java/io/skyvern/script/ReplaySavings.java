package io.skyvern.script;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What replays saved: steps replayed and healed, and the model calls and tokens (input + output) the
 * script's first recording spent on the steps that were replayed — its step of the same order, so a
 * replayed step saves exactly what finding its actions cost the first time. A healed step saved
 * nothing (it asked the model). Immutable.
 */
public record ReplaySavings(long replayedSteps, long healedSteps, long modelCallsSaved, long tokensSaved) {
    public static final ReplaySavings NONE = new ReplaySavings(0, 0, 0, 0);

    /** As task analytics' step metrics show them. */
    public Map<String, Object> asMetrics() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replayed_steps", replayedSteps);
        m.put("healed_steps", healedSteps);
        m.put("model_calls_saved", modelCallsSaved);
        m.put("tokens_saved", tokensSaved);
        return m;
    }
}
