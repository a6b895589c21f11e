package io.skyvern.queue;

import io.skyvern.common.RunPriority;
import io.skyvern.config.OrgLimits;
import io.skyvern.persistence.Database;
import io.skyvern.persistence.JdbiRunQueue;
import io.skyvern.testing.TestDatabases;
import io.skyvern.testing.TestOrganizations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 7: a worker whose heartbeats keep failing (its node cut off from the database)
 * stops its run before the lease expires, so no step of it runs after another node claimed it.
 */
class HeartbeatFailureIT {
    private static final Duration LEASE = Duration.ofMillis(900);
    private Database db;
    private RunQueue queue;
    private String org;
    private WorkerPool partitioned;
    private WorkerPool healthy;

    /** The real queue, except that heartbeats fail once the "network" is cut. */
    private static final class CutOffQueue implements RunQueue {
        private final RunQueue real;
        private final AtomicBoolean cut = new AtomicBoolean();
        private final AtomicLong failedBeats = new AtomicLong();

        CutOffQueue(RunQueue real) {
            this.real = real;
        }

        @Override
        public Optional<ClaimedRun> claim(String workerId, Duration lease) {
            return cut.get() ? Optional.empty() : real.claim(workerId, lease);
        }

        @Override
        public boolean heartbeat(RunRef run, String workerId, Duration lease) {
            if (cut.get()) {
                failedBeats.incrementAndGet();
                throw new IllegalStateException("simulated partition: database unreachable");
            }
            return real.heartbeat(run, workerId, lease);
        }

        @Override
        public boolean release(RunRef run, String workerId) {
            return real.release(run, workerId);
        }

        @Override
        public boolean failIfStillClaimed(RunRef run, String workerId, String reason) {
            return real.failIfStillClaimed(run, workerId, reason);
        }

        @Override
        public int recoverExpired(Clock clock) {
            return cut.get() ? 0 : real.recoverExpired(clock);
        }

        @Override
        public boolean isCancelRequested(RunRef run) {
            return real.isCancelRequested(run);
        }

        @Override
        public RunStanding standing(RunRef run, String workerId) {
            return real.standing(run, workerId);
        }

        @Override
        public long depth() {
            return real.depth();
        }

        @Override
        public Map<String, Long> countsByStatus() {
            return real.countsByStatus();
        }
    }

    @BeforeEach
    void setUp() {
        db = Database.open(TestDatabases.fresh());
        queue = new JdbiRunQueue(db, Clock.systemUTC());
        org = TestOrganizations.insert(db, new OrgLimits(100, 100, 50, 10_000));
    }

    @AfterEach
    void tearDown() {
        for (WorkerPool pool : new WorkerPool[] {partitioned, healthy}) {
            if (pool != null) {
                pool.shutdown(Duration.ofSeconds(2));
            }
        }
        db.close();
    }

    private static WorkerPoolOptions options(String node) {
        return new WorkerPoolOptions(1, LEASE, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(100),
                node);
    }

    @Test
    void a_run_whose_heartbeats_fail_stops_before_another_node_claims_it() throws Exception {
        String taskId = new QueueRows(db).task(org, RunPriority.NORMAL, Instant.now());
        CutOffQueue cutOff = new CutOffQueue(queue);
        List<Long> stepsOnA = new CopyOnWriteArrayList<>();
        AtomicLong stoppedOnA = new AtomicLong();
        AtomicLong claimedOnB = new AtomicLong();
        partitioned = new WorkerPool(cutOff, ctx -> {
            cutOff.cut.set(true);  // the node loses the database right after its claim
            try {
                while (!ctx.leaseLost()) {
                    stepsOnA.add(System.nanoTime());
                    Thread.sleep(10);  // a "step"; an interrupt ends it at once
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                stoppedOnA.set(System.nanoTime());
            }
        }, options("node-a"), Clock.systemUTC());
        partitioned.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (stoppedOnA.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(stoppedOnA.get()).as("the partitioned run stopped by itself").isNotZero();
        assertThat(cutOff.failedBeats.get()).isGreaterThanOrEqualTo(WorkerPool.MAX_HEARTBEAT_FAILURES);

        healthy = new WorkerPool(queue, ctx -> {
            claimedOnB.compareAndSet(0, System.nanoTime());
            new QueueRows(db).setStatus(ctx.run().ref(), "completed");
        }, options("node-b"), Clock.systemUTC());
        healthy.start();
        while (claimedOnB.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(claimedOnB.get()).as("another node took the run over after its lease expired").isNotZero();
        assertThat(stepsOnA).isNotEmpty().allSatisfy(step -> assertThat(step).isLessThan(claimedOnB.get()));
        assertThat(stoppedOnA.get()).isLessThan(claimedOnB.get());
        assertThat(new QueueRows(db).status(RunRef.task(taskId, org))).isEqualTo("completed");
        assertThat(partitioned.inFlightCount()).isZero();
    }
}
