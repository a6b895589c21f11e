package io.skyvern.execution;

import io.skyvern.agent.RunControl;
import io.skyvern.queue.RunContext;

import java.time.Instant;
import java.util.Optional;

/**
 * The agent's view of a task run's stop signals: a cancel in the database or through the
 * registry, a lost lease (another worker owns the run now: stop and write nothing), and the
 * deadline (start + task timeout).
 */
final class TaskRunControl implements RunControl {
    private final RunContext context;
    private final RunRegistry.Entry entry;
    private final Instant deadline;

    TaskRunControl(RunContext context, RunRegistry.Entry entry, Instant deadline) {
        this.context = context;
        this.entry = entry;
        this.deadline = deadline;
    }

    @Override
    public boolean cancelRequested() {
        if (entry.stopRequested() || context.leaseLost()) {
            return true;
        }
        return context.cancelRequested() || context.leaseLost();  // the read may find the run taken over
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.of(deadline);
    }
}
