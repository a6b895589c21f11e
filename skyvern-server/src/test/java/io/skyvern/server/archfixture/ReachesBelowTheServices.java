package io.skyvern.server.archfixture;

import io.skyvern.execution.RunRegistry;

/** A deliberate violation (test sources only): proves the server's layering rule bites. */
public final class ReachesBelowTheServices {
    private ReachesBelowTheServices() {
    }

    public static int runningHere(RunRegistry registry) {
        return registry.size();
    }
}
