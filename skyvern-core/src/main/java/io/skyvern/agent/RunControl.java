package io.skyvern.agent;

import java.time.Instant;
import java.util.Optional;

/**
 * How the loop learns that it must stop: a cancel request (checked before every step and every
 * action: the "next safe point") and a deadline. Implemented by the worker over the run queue.
 */
public interface RunControl {
    /** True once a cancel was requested for the run. */
    boolean cancelRequested();

    /** The moment the run times out, if it has a time limit. */
    Optional<Instant> deadline();

    RunControl NONE = new RunControl() {
        @Override
        public boolean cancelRequested() {
            return false;
        }

        @Override
        public Optional<Instant> deadline() {
            return Optional.empty();
        }
    };
}
