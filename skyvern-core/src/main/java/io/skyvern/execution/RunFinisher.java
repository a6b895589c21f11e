package io.skyvern.execution;

import io.skyvern.queue.RunContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one finish-and-notify path of both kinds of run: a run whose lease went to another worker
 * (taken over, or handed back at shutdown) is left alone; otherwise its outcome is written, or,
 * when someone else already ended it (a user's cancel), what it produced is kept; then exactly
 * one webhook announces its stored final state. A run that ended without a worker (canceled while
 * queued) is announced by the services' {@code finishedWithoutRun} hook through the same
 * {@link RunWebhooks}. Stateless, thread-safe.
 */
final class RunFinisher {
    private static final Logger LOG = LoggerFactory.getLogger(RunFinisher.class);

    private RunFinisher() {
    }

    /** Ends {@code run} with {@code outcome}; returns whether a final state was announced. */
    static boolean finish(RunContext context, FinishingRun run, RunOutcome outcome, Clock clock) {
        if (context.leaseLost() && !context.cancelRequested()) {
            if (context.handedBack()) {
                LOG.info("{} went back to the queue at shutdown; the worker that claims it next goes on",
                        run.describe());
            } else {
                LOG.warn("{} was taken over by another worker; not recording its end here", run.describe());
            }
            return false;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!run.writeFinal(outcome, now)) {
            if (!run.isFinalNow()) {
                LOG.warn("{} is no longer running here; not ending it", run.describe());
                return false;
            }
            run.keepOutput(outcome, now);
        }
        LOG.info("{} ended ({})", run.describe(), outcome.kind());
        run.notifyFinished();
        return true;
    }
}
