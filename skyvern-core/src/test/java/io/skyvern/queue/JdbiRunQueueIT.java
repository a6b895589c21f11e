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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiRunQueueIT {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private Database db;
    private RunQueue queue;
    private QueueRows rows;
    private String org;
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3600);

    @BeforeEach
    void setUp() {
        db = Database.open(TestDatabases.fresh());
        queue = new JdbiRunQueue(db, Clock.systemUTC());
        rows = new QueueRows(db);
        org = TestOrganizations.insert(db, new OrgLimits(1000, 1000, 50, 10_000));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private String claimId(String worker) {
        return queue.claim(worker, LEASE).map(c -> c.ref().id()).orElse("none");
    }

    @Test
    void claims_most_urgent_then_oldest_across_tasks_and_workflow_runs() {
        String lowOld = rows.task(org, RunPriority.LOW, t0);
        String normalNew = rows.task(org, RunPriority.NORMAL, t0.plusSeconds(30));
        String runNormalOld = rows.workflowRun(org, RunPriority.NORMAL, t0.plusSeconds(10));
        String urgent = rows.task(org, RunPriority.URGENT, t0.plusSeconds(50));
        String runHigh = rows.workflowRun(org, RunPriority.HIGH, t0.plusSeconds(40));

        assertThat(List.of(claimId("w"), claimId("w"), claimId("w"), claimId("w"), claimId("w"), claimId("w")))
                .containsExactly(urgent, runHigh, runNormalOld, normalNew, lowOld, "none");
    }

    @Test
    void claim_marks_the_run_running_with_lease_attempt_and_start_time() {
        String id = rows.task(org, RunPriority.NORMAL, t0);
        ClaimedRun claimed = queue.claim("node-w1", LEASE).orElseThrow();

        assertThat(claimed.ref()).isEqualTo(RunRef.task(id, org));
        assertThat(claimed.attempt()).isEqualTo(1);
        assertThat(claimed.priority()).isEqualTo(RunPriority.NORMAL);
        assertThat(claimed.leaseExpiresAt()).isAfter(Instant.now().plusSeconds(20));
        var row = rows.row(claimed.ref());
        assertThat(row.get("status")).isEqualTo("running");
        assertThat(row.get("claimed_by")).isEqualTo("node-w1");
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
        assertThat(row.get("started_at")).isNotNull();
        assertThat(queue.depth()).isZero();
    }

    @Test
    void four_workers_claiming_at_once_take_each_of_200_runs_exactly_once() throws Exception {
        Set<String> expected = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 200; i++) {
            expected.add(i % 4 == 0 ? rows.workflowRun(org, RunPriority.NORMAL, t0.plusMillis(i))
                    : rows.task(org, RunPriority.values()[i % 4], t0.plusMillis(i)));
        }
        List<String> claimed = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String worker = "worker-" + w;
            futures.add(pool.submit(() -> {
                start.await();
                for (Optional<ClaimedRun> c = queue.claim(worker, LEASE); c.isPresent(); c = queue.claim(worker, LEASE)) {
                    claimed.add(c.get().ref().id());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
        assertThat(Set.copyOf(claimed)).isEqualTo(expected);
        assertThat(queue.countsByStatus()).containsEntry("running", 200L).doesNotContainKey("queued");
    }

    @Test
    void organisation_limits_cap_running_tasks_and_workflow_runs_separately() {
        String small = TestOrganizations.insert(db, new OrgLimits(2, 1, 50, 100));
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(rows.task(small, RunPriority.URGENT, t0.plusSeconds(i)));
        }
        String run1 = rows.workflowRun(small, RunPriority.URGENT, t0.plusSeconds(10));
        String run2 = rows.workflowRun(small, RunPriority.URGENT, t0.plusSeconds(11));
        String otherOrgTask = rows.task(org, RunPriority.LOW, t0.plusSeconds(20));

        List<String> got = List.of(claimId("w"), claimId("w"), claimId("w"), claimId("w"), claimId("w"));
        assertThat(got).containsExactly(tasks.get(0), tasks.get(1), run1, otherOrgTask, "none");

        rows.setStatus(RunRef.task(tasks.get(0), small), "completed");
        assertThat(claimId("w")).isEqualTo(tasks.get(2));
        rows.setStatus(RunRef.workflowRun(run1, small), "completed");
        assertThat(claimId("w")).isEqualTo(run2);
        assertThat(claimId("w")).isEqualTo("none");
    }

    @Test
    void many_full_organisations_ahead_in_the_queue_do_not_hide_a_claimable_run() {
        for (int o = 0; o < 12; o++) {
            String busy = TestOrganizations.insert(db, new OrgLimits(1, 1, 50, 100));
            String running = rows.task(busy, RunPriority.URGENT, t0);
            rows.setStatus(RunRef.task(running, busy), "running");
            for (int i = 0; i < 10; i++) {
                rows.task(busy, RunPriority.URGENT, t0.plusSeconds(i));
            }
        }
        String free = rows.task(org, RunPriority.LOW, t0.plusSeconds(600));

        assertThat(claimId("w")).isEqualTo(free);
        assertThat(claimId("w")).isEqualTo("none");
    }

    @Test
    void heartbeat_extends_the_lease_only_for_the_owner_of_a_running_run() {
        rows.task(org, RunPriority.NORMAL, t0);
        ClaimedRun c = queue.claim("owner", Duration.ofSeconds(1)).orElseThrow();

        assertThat(queue.heartbeat(c.ref(), "owner", Duration.ofMinutes(10))).isTrue();
        assertThat(queue.heartbeat(c.ref(), "intruder", LEASE)).isFalse();
        rows.setStatus(c.ref(), "canceled");
        assertThat(queue.heartbeat(c.ref(), "owner", LEASE)).isFalse();
        assertThat(queue.isCancelRequested(c.ref())).isTrue();
    }

    @Test
    void standing_tells_the_executing_worker_owned_canceled_ended_or_lost() {
        String id = rows.workflowRun(org, RunPriority.NORMAL, t0);
        RunRef ref = RunRef.workflowRun(id, org);
        queue.claim("owner", LEASE).orElseThrow();

        assertThat(queue.standing(ref, "owner")).isEqualTo(RunStanding.OWNED);
        assertThat(queue.standing(ref, "intruder")).isEqualTo(RunStanding.LOST);
        rows.update(ref, "cancel_requested = TRUE");
        assertThat(queue.standing(ref, "owner")).isEqualTo(RunStanding.CANCEL_REQUESTED);
        rows.update(ref, "cancel_requested = FALSE, status = 'completed'");
        assertThat(queue.standing(ref, "owner")).isEqualTo(RunStanding.ENDED);
        // Recovered after the lease expired, then claimed by another worker: lost either way.
        rows.update(ref, "status = 'queued', claimed_by = NULL");
        assertThat(queue.standing(ref, "owner")).isEqualTo(RunStanding.LOST);
        queue.claim("other", LEASE).orElseThrow();
        assertThat(queue.standing(ref, "owner")).isEqualTo(RunStanding.LOST);
        assertThat(queue.standing(RunRef.task("tsk_gone", org), "owner")).isEqualTo(RunStanding.LOST);
    }

    @Test
    void a_heartbeat_keeps_the_run_from_being_recovered() {
        rows.task(org, RunPriority.NORMAL, t0);
        ClaimedRun c = queue.claim("owner", Duration.ofSeconds(5)).orElseThrow();
        Clock in10s = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(10));

        assertThat(queue.heartbeat(c.ref(), "owner", Duration.ofMinutes(1))).isTrue();
        assertThat(queue.recoverExpired(in10s)).isZero();
        assertThat(rows.status(c.ref())).isEqualTo("running");
    }

    @Test
    void an_expired_lease_is_requeued_once_then_the_run_fails() {
        String id = rows.workflowRun(org, RunPriority.NORMAL, t0);
        RunRef ref = RunRef.workflowRun(id, org);
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5));

        queue.claim("dead-1", LEASE).orElseThrow();
        assertThat(queue.recoverExpired(Clock.systemUTC())).isZero();
        assertThat(queue.recoverExpired(later)).isEqualTo(1);
        // queued again: it has not started (the next claim gives it a new start time)
        assertThat(rows.row(ref)).containsEntry("status", "queued").containsEntry("claimed_by", null)
                .containsEntry("started_at", null);
        assertThat(queue.heartbeat(ref, "dead-1", LEASE)).isFalse();

        ClaimedRun second = queue.claim("dead-2", LEASE).orElseThrow();
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(queue.recoverExpired(later)).isEqualTo(1);
        assertThat(rows.row(ref)).containsEntry("status", "failed")
                .containsEntry("failure_reason", "Worker lost the run twice (lease expired); giving up");
        assertThat(claimId("w")).isEqualTo("none");
    }

    @Test
    void nodes_recovering_at_once_recover_each_expired_run_exactly_once_without_errors() throws Exception {
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 200; i++) {
                if (i % 3 == 0) {
                    rows.workflowRun(org, RunPriority.NORMAL, t0.plusMillis(i));
                } else {
                    rows.task(org, RunPriority.NORMAL, t0.plusMillis(i));
                }
            }
            while (queue.claim("dead-" + round, LEASE).isPresent()) {
                // every run now holds a lease that the clock below sees as expired
            }
            Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int node = 0; node < 4; node++) {
                RunQueue nodeQueue = new JdbiRunQueue(db, Clock.systemUTC());
                futures.add(pool.submit(() -> {
                    start.await();
                    int recovered = 0;
                    for (int pass = 0; pass < 3; pass++) {
                        recovered += nodeQueue.recoverExpired(later);
                    }
                    return recovered;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get(120, TimeUnit.SECONDS);  // a deadlock between the recoverers would throw here
            }
            pool.shutdown();

            assertThat(total).as("round " + round).isEqualTo(200);
            assertThat(queue.countsByStatus()).as("round " + round).doesNotContainKey("running");
            while (queue.claim("done-" + round, LEASE).isPresent()) {
                // take them out of the way of the next round
            }
            db.jdbi().useHandle(h -> {
                h.execute("UPDATE tasks SET status = 'completed', lease_expires_at = NULL WHERE status = 'running'");
                h.execute("UPDATE workflow_runs SET status = 'completed', lease_expires_at = NULL WHERE status = 'running'");
            });
        }
    }

    @Test
    void an_expired_run_with_a_pending_cancel_is_canceled_not_requeued() {
        String id = rows.task(org, RunPriority.NORMAL, t0);
        RunRef ref = RunRef.task(id, org);
        queue.claim("dead", LEASE).orElseThrow();
        rows.update(ref, "cancel_requested = TRUE");

        assertThat(queue.isCancelRequested(ref)).isTrue();
        assertThat(queue.recoverExpired(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5)))).isEqualTo(1);
        assertThat(rows.status(ref)).isEqualTo("canceled");
    }

    @Test
    void release_hands_the_run_back_without_counting_an_attempt() {
        String id = rows.task(org, RunPriority.NORMAL, t0);
        RunRef ref = RunRef.task(id, org);
        queue.claim("w1", LEASE).orElseThrow();

        queue.release(ref, "someone-else");
        assertThat(rows.status(ref)).isEqualTo("running");
        queue.release(ref, "w1");
        var row = rows.row(ref);
        assertThat(row).containsEntry("status", "queued").containsEntry("claimed_by", null)
                .containsEntry("started_at", null);
        assertThat(((Number) row.get("attempts")).intValue()).isZero();
        assertThat(queue.depth()).isEqualTo(1);
        assertThat(queue.claim("w2", LEASE).orElseThrow().attempt()).isEqualTo(1);
    }

    @Test
    void fail_if_still_claimed_only_touches_a_run_the_worker_owns() {
        String id = rows.task(org, RunPriority.NORMAL, t0);
        RunRef ref = RunRef.task(id, org);
        queue.claim("w1", LEASE).orElseThrow();

        assertThat(queue.failIfStillClaimed(ref, "w2", "x")).isFalse();
        assertThat(queue.failIfStillClaimed(ref, "w1", "boom")).isTrue();
        assertThat(rows.row(ref)).containsEntry("status", "failed").containsEntry("failure_reason", "boom");
        assertThat(queue.failIfStillClaimed(ref, "w1", "again")).isFalse();
    }

    @Test
    void runs_with_a_cancel_requested_are_not_claimed() {
        String id = rows.task(org, RunPriority.NORMAL, t0);
        rows.update(RunRef.task(id, org), "cancel_requested = TRUE");
        assertThat(claimId("w")).isEqualTo("none");
    }
}
