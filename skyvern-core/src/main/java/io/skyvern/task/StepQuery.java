package io.skyvern.task;

import java.util.Set;

/** Options of the steps listing: include actions and screenshots, keep only some statuses. */
public record StepQuery(boolean includeActions, boolean includeScreenshots, Set<StepStatus> statuses) {
    public StepQuery {
        statuses = Set.copyOf(statuses);
    }

    public static StepQuery all() {
        return new StepQuery(false, false, Set.of());
    }
}
