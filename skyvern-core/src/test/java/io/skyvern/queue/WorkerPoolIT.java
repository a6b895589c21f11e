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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerPoolIT {
    private Database db;
    private RunQueue queue;
    private QueueRows rows;
    private String org;
    private WorkerPool pool;

    @BeforeEach
    void setUp() {
        db = Database.open(TestDatabases.fresh());
        queue = new JdbiRunQueue(db, Clock.systemUTC());
        rows = new QueueRows(db);
        org = TestOrganizations.insert(db, new OrgLimits(100, 100, 50, 10_000));
    }

    @AfterEach
    void tearDown() {
        if (pool != null) {
            pool.shutdown(Duration.ofSeconds(2));
        }
        db.close();
    }

    private WorkerPool start(int workers, Duration lease, RunExecutor executor) {
        WorkerPoolOptions options = new WorkerPoolOptions(workers, lease, Duration.ofMillis(20),
                Duration.ofMillis(200), Duration.ofMillis(200), "test-node");
        pool = new WorkerPool(queue, executor, options, Clock.systemUTC());
        pool.start();
        return pool;
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    /** Completes the run the way the agent will: its final status written by the executor. */
    private RunExecutor completing(Set<String> seen) {
        return ctx -> {
            seen.add(ctx.run().ref().id());
            rows.setStatus(ctx.run().ref(), "completed");
        };
    }

    @Test
    void workers_execute_every_queued_run_including_ones_queued_later() throws Exception {
        List<RunRef> refs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            refs.add(RunRef.task(rows.task(org, RunPriority.NORMAL, Instant.now()), org));
        }
        Set<String> seen = ConcurrentHashMap.newKeySet();
        start(3, Duration.ofSeconds(5), completing(seen));
        await(() -> seen.size() == 10, Duration.ofSeconds(20));

        RunRef late = RunRef.workflowRun(rows.workflowRun(org, RunPriority.HIGH, Instant.now()), org);
        pool.nudge();
        await(() -> seen.contains(late.id()), Duration.ofSeconds(10));

        refs.add(late);
        await(() -> refs.stream().allMatch(r -> rows.status(r).equals("completed")), Duration.ofSeconds(5));
        assertThat(pool.shutdown(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void an_executor_that_throws_fails_its_run_and_the_worker_keeps_going() throws Exception {
        RunRef bad = RunRef.task(rows.task(org, RunPriority.URGENT, Instant.now()), org);
        RunRef good = RunRef.task(rows.task(org, RunPriority.LOW, Instant.now()), org);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        start(1, Duration.ofSeconds(5), ctx -> {
            if (ctx.run().ref().equals(bad)) {
                throw new IllegalStateException("boom");
            }
            completing(seen).execute(ctx);
        });

        await(() -> seen.contains(good.id()), Duration.ofSeconds(10));
        assertThat(rows.row(bad)).containsEntry("status", "failed");
        assertThat((String) rows.row(bad).get("failure_reason")).contains("IllegalStateException");
    }

    @Test
    void heartbeats_keep_a_long_run_alive_past_its_lease() throws Exception {
        RunRef ref = RunRef.task(rows.task(org, RunPriority.NORMAL, Instant.now()), org);
        CountDownLatch done = new CountDownLatch(1);
        // Lease 500 ms (heartbeat every ~166 ms); the run takes three leases.
        start(1, Duration.ofMillis(500), ctx -> {
            Thread.sleep(1500);
            assertThat(ctx.leaseLost()).isFalse();
            rows.setStatus(ctx.run().ref(), "completed");
            done.countDown();
        });

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(rows.row(ref)).containsEntry("status", "completed");
        assertThat(((Number) rows.row(ref).get("attempts")).intValue()).isEqualTo(1);
    }

    @Test
    void a_forced_cancel_is_seen_as_a_lost_lease() throws Exception {
        RunRef ref = RunRef.task(rows.task(org, RunPriority.NORMAL, Instant.now()), org);
        CountDownLatch noticed = new CountDownLatch(1);
        start(1, Duration.ofMillis(300), ctx -> {
            rows.setStatus(ctx.run().ref(), "canceled");
            while (!ctx.leaseLost()) {
                Thread.sleep(10);
            }
            assertThat(ctx.cancelRequested()).isTrue();
            noticed.countDown();
        });

        assertThat(noticed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(rows.status(ref)).isEqualTo("canceled");
    }

    @Test
    void a_run_taken_over_elsewhere_is_seen_lost_at_the_next_check_without_waiting_for_a_heartbeat() throws Exception {
        RunRef ref = RunRef.task(rows.task(org, RunPriority.NORMAL, Instant.now()), org);
        CountDownLatch checked = new CountDownLatch(1);
        List<Boolean> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        // A 30 s lease: the next heartbeat is 10 s away, so only the check can tell.
        start(1, Duration.ofSeconds(30), ctx -> {
            // What a stalled worker finds: its lease expired, the run was recovered and claimed again.
            rows.update(ctx.run().ref(), "claimed_by = 'other-node-w1', attempts = 2");
            seen.add(ctx.cancelRequested());
            seen.add(ctx.leaseLost());
            checked.countDown();
        });

        assertThat(checked.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactly(false, true);
        Thread.sleep(200);  // the pool settles the run: it must leave the new owner's run alone
        assertThat(rows.row(ref)).containsEntry("status", "running").containsEntry("claimed_by", "other-node-w1");
    }

    @Test
    void a_run_its_executor_just_ended_is_not_taken_for_a_lost_one_by_the_next_heartbeat() throws Exception {
        RunRef ref = RunRef.task(rows.task(org, RunPriority.NORMAL, Instant.now()), org);
        CountDownLatch done = new CountDownLatch(1);
        List<Boolean> lost = new java.util.concurrent.CopyOnWriteArrayList<>();
        // Lease 300 ms: heartbeats every 100 ms run while the executor winds down after the final status.
        start(1, Duration.ofMillis(300), ctx -> {
            rows.setStatus(ctx.run().ref(), "completed");
            Thread.sleep(500);
            lost.add(ctx.leaseLost());
            done.countDown();
        });

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lost).containsExactly(false);
        assertThat(rows.status(ref)).isEqualTo("completed");
    }

    @Test
    void shutdown_waits_for_finishing_runs_and_requeues_a_stuck_one() throws Exception {
        RunRef stuck = RunRef.task(rows.task(org, RunPriority.URGENT, Instant.now()), org);
        RunRef quick = RunRef.task(rows.task(org, RunPriority.NORMAL, Instant.now()), org);
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch interrupted = new CountDownLatch(1);
        start(2, Duration.ofSeconds(5), ctx -> {
            bothStarted.countDown();
            if (ctx.run().ref().equals(stuck)) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
            } else {
                bothStarted.await(5, TimeUnit.SECONDS);
                Thread.sleep(200);
                rows.setStatus(ctx.run().ref(), "completed");
            }
        });
        assertThat(bothStarted.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(pool.shutdown(Duration.ofMillis(600))).isFalse();
        assertThat(interrupted.await(1, TimeUnit.SECONDS)).isTrue();
        assertThat(rows.status(quick)).isEqualTo("completed");
        assertThat(rows.row(stuck)).containsEntry("status", "queued").containsEntry("claimed_by", null);
        assertThat(queue.depth()).isEqualTo(1);
    }

    @Test
    void a_run_handed_back_at_shutdown_stays_queued_whatever_its_interrupted_executor_writes() throws Exception {
        RunRef ref = RunRef.task(rows.task(org, RunPriority.NORMAL, Instant.now()), org);
        CountDownLatch started = new CountDownLatch(1);
        List<Object> seenAtInterrupt = new java.util.concurrent.CopyOnWriteArrayList<>();
        start(1, Duration.ofSeconds(30), ctx -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // Like the agent: an interrupted model call becomes a failure the executor tries to
                // record, guarded by ownership as every final write is.
                seenAtInterrupt.add(ctx.leaseLost());
                seenAtInterrupt.add(queue.failIfStillClaimed(ctx.run().ref(), ctx.run().workerId(), "interrupted"));
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(pool.shutdown(Duration.ofMillis(300))).isFalse();

        assertThat(seenAtInterrupt).containsExactly(true, false);
        assertThat(rows.row(ref)).containsEntry("status", "queued").containsEntry("claimed_by", null)
                .containsEntry("lease_expires_at", null).containsEntry("failure_reason", null);
        assertThat(((Number) rows.row(ref).get("attempts")).intValue()).as("a hand-back is not a lost attempt").isZero();
    }

    @Test
    void a_run_left_by_a_dead_node_is_recovered_at_start_and_executed_again() throws Exception {
        RunRef orphan = RunRef.workflowRun(rows.workflowRun(org, RunPriority.NORMAL, Instant.now()), org);
        rows.update(orphan, "status = 'running', claimed_by = 'dead-node-w1', attempts = 1");
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE workflow_runs SET lease_expires_at = :past WHERE workflow_run_id = :id")
                .bind("past", Instant.now().minusSeconds(60)).bind("id", orphan.id()).execute());
        List<Integer> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
        start(1, Duration.ofSeconds(5), ctx -> {
            attempts.add(ctx.run().attempt());
            rows.setStatus(ctx.run().ref(), "completed");
        });

        await(() -> rows.status(orphan).equals("completed"), Duration.ofSeconds(10));
        assertThat(attempts).containsExactly(2);
        assertThat(rows.row(orphan)).containsEntry("claimed_by", "test-node-w1");
    }

    @Test
    void a_pool_of_zero_workers_claims_nothing() throws Exception {
        RunRef ref = RunRef.task(rows.task(org, RunPriority.NORMAL, Instant.now()), org);
        start(0, Duration.ofSeconds(5), ctx -> rows.setStatus(ctx.run().ref(), "completed"));
        pool.nudge();
        Thread.sleep(200);
        assertThat(rows.status(ref)).isEqualTo("queued");
    }
}
