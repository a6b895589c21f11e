package io.skyvern.common;

import java.util.Locale;

/**
 * How a run chooses its actions: {@link #AGENT} always asks the model; {@link #REPLAY} replays the
 * script recorded under the run's cache key (and fails at once when there is none); {@link #AUTO}
 * replays when a script exists, otherwise runs the agent and records one.
 */
public enum RunMode {
    AGENT, REPLAY, AUTO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SkyvernException(ErrorCode.VALIDATION_ERROR,
                    "run_mode must be one of agent, replay, auto (got '" + value + "')");
        }
    }
}
