package io.skyvern.queue;

/**
 * Executes one claimed run to its end (the agent implements it). The executor sets the run's final
 * status itself; if it returns or throws while the run is still running and owned by this worker,
 * the pool fails the run. It should stop promptly when interrupted (shutdown) or when
 * {@link RunContext#leaseLost()} turns true.
 */
@FunctionalInterface
public interface RunExecutor {
    void execute(RunContext context) throws Exception;
}
