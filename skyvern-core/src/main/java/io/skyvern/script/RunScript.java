package io.skyvern.script;

import io.skyvern.common.RunMode;

import java.util.Objects;
import java.util.Optional;

/**
 * A run's replay settings and outcome: the mode it was created with, its explicit cache key (empty:
 * derived), and the script and version it used or created (empty until known).
 */
public record RunScript(RunMode runMode, Optional<String> cacheKey, Optional<String> scriptId,
                        Optional<Integer> scriptVersion) {
    public RunScript {
        Objects.requireNonNull(runMode, "runMode");
        Objects.requireNonNull(cacheKey, "cacheKey");
        Objects.requireNonNull(scriptId, "scriptId");
        Objects.requireNonNull(scriptVersion, "scriptVersion");
    }

    public static RunScript of(RunMode mode, String cacheKey) {
        return new RunScript(mode, Optional.ofNullable(cacheKey), Optional.empty(), Optional.empty());
    }
}
