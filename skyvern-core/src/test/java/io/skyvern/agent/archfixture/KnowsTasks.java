package io.skyvern.agent.archfixture;

import io.skyvern.task.TaskStatus;

/** A deliberate violation (test sources only): proves the agent's independence rule bites. */
public final class KnowsTasks {
    private KnowsTasks() {
    }

    public static boolean done(TaskStatus status) {
        return status.isFinal();
    }
}
