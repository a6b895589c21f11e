package io.skyvern.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The workers of one node: each loops claim → execute → claim, idling with a backoff when the
 * queue is empty ({@link #nudge()} wakes them at once). Two maintenance threads renew the leases
 * of the runs in flight every third of the lease and recover expired leases of dead workers.
 * {@link #shutdown(Duration)} stops claiming, lets runs finish within the grace period, then
 * hands the unfinished ones back to the queue (queued, no lease: any node may claim them at once)
 * and interrupts their workers. No exception kills a worker. Thread-safe.
 */
public final class WorkerPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    private static final Duration INTERRUPT_WAIT = Duration.ofSeconds(2);
    /**
     * Heartbeats that may fail in a row before this node gives a run up. A heartbeat goes out every
     * third of the lease, so after two failures two thirds of it have passed since the last renewal:
     * the run stops here before the lease can expire and recovery hand it to another node (as
     * db-scheduler does with executions whose heartbeats fail). A partitioned node therefore never
     * works on a run that someone else has taken.
     */
    static final int MAX_HEARTBEAT_FAILURES = 2;

    private final RunQueue queue;
    private final RunExecutor executor;
    private final WorkerPoolOptions options;
    private final Clock clock;
    private final List<Thread> workers = new ArrayList<>();
    private final Map<String, InFlightRun> inFlight = new ConcurrentHashMap<>();
    private final ReentrantLock idleLock = new ReentrantLock();
    private final Condition wakeUp = idleLock.newCondition();
    private long nudges;
    private volatile boolean stopping;
    private Boolean shutdownResult;  // guarded by this; set by the first shutdown
    private ScheduledExecutorService maintenance;
    private boolean started;

    public WorkerPool(RunQueue queue, RunExecutor executor, WorkerPoolOptions options, Clock clock) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Recovers expired leases, then starts the workers (none when {@code workers} is 0). */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("WorkerPool already started");
        }
        started = true;
        if (options.workers() == 0) {
            return;
        }
        recover();
        // Two threads: a recovery waiting on row locks must not hold up the heartbeats.
        maintenance = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "skyvern-queue-maintenance");
            t.setDaemon(true);
            return t;
        });
        long beat = Math.max(options.heartbeatEvery().toMillis(), 1);
        maintenance.scheduleAtFixedRate(this::heartbeatAll, beat, beat, TimeUnit.MILLISECONDS);
        long every = options.recoverEvery().toMillis();
        maintenance.scheduleWithFixedDelay(this::recover, every, every, TimeUnit.MILLISECONDS);
        for (int i = 1; i <= options.workers(); i++) {
            String workerId = options.nodeId() + "-w" + i;
            Thread t = new Thread(() -> workLoop(workerId), "skyvern-worker-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        LOG.info("Started {} worker(s) as {}", options.workers(), options.nodeId());
    }

    /** Wakes idle workers so that a run just queued is picked up without waiting for the poll. */
    public void nudge() {
        idleLock.lock();
        try {
            nudges++;
            wakeUp.signalAll();
        } finally {
            idleLock.unlock();
        }
    }

    /** Runs being executed by this node now. */
    public int inFlightCount() {
        return inFlight.size();
    }

    private void workLoop(String workerId) {
        int emptyPolls = 0;
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            Optional<ClaimedRun> claimed;
            try {
                claimed = queue.claim(workerId, options.lease());
            } catch (RuntimeException e) {
                LOG.warn("Claim failed; retrying after a pause", e);
                claimed = Optional.empty();
            }
            if (claimed.isPresent()) {
                emptyPolls = 0;
                InFlightRun context = new InFlightRun(claimed.get(), queue, Thread.currentThread());
                inFlight.put(workerId, context);
                if (stopping) {
                    // Claimed while the shutdown began: hand it back rather than start it. Registered
                    // first, so a hand-back by shutdown() that missed it cannot happen (see handBack).
                    inFlight.remove(workerId);
                    releaseQuietly(context.run());
                    break;
                }
                execute(context);
            } else if (!idle(options.pollDelay(++emptyPolls))) {
                break;
            }
        }
    }

    /** Waits up to {@code delay} or until nudged; false when interrupted (time to stop). */
    private boolean idle(Duration delay) {
        idleLock.lock();
        try {
            long seen = nudges;
            long nanos = delay.toNanos();
            while (nudges == seen && !stopping && nanos > 0) {
                nanos = wakeUp.awaitNanos(nanos);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            idleLock.unlock();
        }
    }

    private void execute(InFlightRun context) {
        ClaimedRun run = context.run();
        String failure = "Run ended without a final status";
        try {
            executor.execute(context);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "Run interrupted";
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError) {
                throw (Error) e;
            }
            if (context.leaseLost()) {
                // Handed back or taken over: an interrupted browser or model call is the expected end.
                LOG.info("{} {} stopped after it {}: {}", run.ref().kind(), run.ref().id(),
                        context.handedBack() ? "went back to the queue"
                                : context.cancelRequested() ? "was canceled" : "left this worker", e.toString());
            } else {
                LOG.error("Executor failed on {} {}", run.ref().kind(), run.ref().id(), e);
            }
            failure = "Internal error while executing the run (" + e.getClass().getSimpleName() + ")";
        } finally {
            context.finish();
            inFlight.remove(run.workerId());
            if (context.abandoned()) {
                Thread.interrupted();  // the abandonment's interrupt was for the run, not for this worker's loop
            }
            settle(context, failure);
        }
    }

    /**
     * After the executor: fail the run if it is still ours without a final status. A run handed
     * back by shutdown() is marked lease-lost before its worker is interrupted, so it is left alone.
     */
    private void settle(InFlightRun context, String failure) {
        // Clear the interrupt for the database calls (some drivers abort I/O on it), then restore.
        boolean interrupted = Thread.interrupted();
        ClaimedRun run = context.run();
        try {
            if (!context.leaseLost() && queue.failIfStillClaimed(run.ref(), run.workerId(), failure)) {
                LOG.warn("{} {} failed: {}", run.ref().kind(), run.ref().id(), failure);
            }
        } catch (RuntimeException e) {
            LOG.error("Could not settle {} {}; lease recovery will", run.ref().kind(), run.ref().id(), e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void heartbeatAll() {
        for (InFlightRun context : inFlight.values()) {
            ClaimedRun run = context.run();
            if (context.leaseLost()) {
                continue;
            }
            try {
                boolean renewed = queue.heartbeat(run.ref(), run.workerId(), options.lease());
                context.heartbeatSucceeded();
                if (!renewed) {
                    noLongerRunningHere(context);
                }
            } catch (RuntimeException e) {
                int failures = context.heartbeatFailed();
                if (failures >= MAX_HEARTBEAT_FAILURES) {
                    LOG.error("{} heartbeats of {} {} failed in a row; stopping it here before its lease expires "
                            + "(another node will take it over)", failures, run.ref().kind(), run.ref().id(), e);
                    context.abandon();
                } else {
                    LOG.warn("Heartbeat of {} {} failed", run.ref().kind(), run.ref().id(), e);
                }
            }
        }
    }

    /** A heartbeat found the run not running under this worker: find out why before alarming anyone. */
    private void noLongerRunningHere(InFlightRun context) {
        ClaimedRun run = context.run();
        RunStanding standing = queue.standing(run.ref(), run.workerId());
        if (standing == RunStanding.ENDED) {
            return;  // its executor has just written the final status and is winding down
        }
        context.markLeaseLost();
        if (standing == RunStanding.LOST) {
            LOG.warn("Lost the lease of {} {}: recovered by another worker; stopping it here",
                    run.ref().kind(), run.ref().id());
        } else {
            LOG.info("{} {} was canceled", run.ref().kind(), run.ref().id());
        }
    }

    private void recover() {
        try {
            if (queue.recoverExpired(clock) > 0 && !stopping) {
                nudge();  // idle workers here take the recovered runs now, not after their poll backoff
            }
        } catch (RuntimeException e) {
            LOG.warn("Recovery of expired leases failed", e);
        }
    }

    /**
     * Stops claiming new runs; runs in flight go on. The first step of {@link #shutdown}, callable
     * earlier (a server stops claiming before it drains its HTTP requests). Idempotent.
     */
    public void stopClaiming() {
        if (!stopping) {
            stopping = true;
            if (options.workers() > 0) {
                LOG.info("shutdown: no longer claiming runs");
            }
        }
        nudge();
    }

    /**
     * Stops claiming, waits up to {@code grace} for the runs in flight, then hands the unfinished
     * ones back to the queue and interrupts their workers. Returns true when every run finished in
     * time. Later calls return the first call's result.
     */
    public synchronized boolean shutdown(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (shutdownResult != null) {
            return shutdownResult;
        }
        stopClaiming();
        long start = System.nanoTime();
        int running = inFlight.size();
        if (running > 0) {
            LOG.info("shutdown: {} run(s) in flight, waiting up to {} s for them to finish", running,
                    grace.toMillis() / 1000.0);
        }
        boolean clean = joinAll(start + grace.toNanos());
        if (clean) {
            if (running > 0) {
                LOG.info("shutdown: the {} run(s) in flight finished after {} ms", running, millisSince(start));
            }
        } else {
            List<String> handedBack = handBack();
            if (!handedBack.isEmpty()) {
                LOG.warn("shutdown: grace period over; re-queued {} unfinished run(s) {}", handedBack.size(),
                        handedBack);
            }
            workers.forEach(Thread::interrupt);
            if (!joinAll(System.nanoTime() + INTERRUPT_WAIT.toNanos())) {
                LOG.warn("shutdown: some workers did not stop within {} s of the interrupt", INTERRUPT_WAIT.toSeconds());
            }
        }
        if (maintenance != null) {
            maintenance.shutdownNow();
        }
        if (options.workers() > 0) {
            LOG.info("Worker pool stopped ({})", clean ? "all runs finished" : "unfinished runs re-queued");
        }
        shutdownResult = clean;
        return clean;
    }

    /**
     * Puts every run still in flight back in the queue: status queued, no owner, no lease, so
     * another node (or the next start of this one) claims it at once instead of after the lease
     * expires. Each run is marked lease-lost before its worker is interrupted, so its executor
     * writes no final status over the hand-back. A worker that registers a run after this snapshot
     * sees {@code stopping} and hands it back itself.
     */
    private List<String> handBack() {
        List<String> ids = new ArrayList<>();
        for (InFlightRun context : List.copyOf(inFlight.values())) {
            context.markHandedBack();
            if (releaseQuietly(context.run())) {
                ids.add(context.run().ref().id());
            }
        }
        return ids;
    }

    private boolean releaseQuietly(ClaimedRun run) {
        try {
            return queue.release(run.ref(), run.workerId());
        } catch (RuntimeException e) {
            LOG.error("Could not re-queue {} {}; lease recovery will", run.ref().kind(), run.ref().id(), e);
            return false;
        }
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private boolean joinAll(long deadlineNanos) {
        for (Thread t : workers) {
            long left = deadlineNanos - System.nanoTime();
            try {
                if (left > 0) {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return workers.stream().noneMatch(Thread::isAlive);
    }

    @Override
    public void close() {
        shutdown(options.lease());
    }
}
