package io.skyvern.task;

import io.skyvern.artifact.Artifact;
import io.skyvern.artifact.ArtifactType;
import io.skyvern.common.IdGenerator;
import io.skyvern.common.IdPrefix;
import io.skyvern.config.OrgLimits;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.persistence.Database;
import io.skyvern.persistence.JdbiTaskRepositories;
import io.skyvern.runlog.RunLog;
import io.skyvern.testing.TestDatabases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A task service over a fresh database of the backend under test, with a hand-driven clock and ids. */
final class TaskTestSupport implements AutoCloseable {
    final Database database;
    final TaskRepositories repos;
    final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00.123456Z"));
    final IdGenerator ids = new SequentialIds();
    final TaskService service;

    TaskTestSupport() {
        database = Database.open(TestDatabases.fresh());
        repos = JdbiTaskRepositories.create(database);
        service = new TaskService(repos, this::limitsOf, SkyvernConfig.defaults(), clock, ids);
    }

    /** Reads the limits the organisation row holds, as the organisation service would. */
    private OrgLimits limitsOf(String org) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT max_concurrent_tasks, "
                        + "max_concurrent_workflow_runs, max_workflow_blocks, max_queued_tasks FROM organizations "
                        + "WHERE organization_id = :o").bind("o", org)
                .map((rs, ctx) -> new OrgLimits(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).one());
    }

    long count(String table) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                .mapTo(Long.class).one());
    }

    /** Moves a task along the status table as a worker would. */
    void move(Task task, TaskStatus... path) {
        TaskStatus from = task.status();
        for (TaskStatus to : path) {
            clock.advance(Duration.ofSeconds(1));
            Instant now = clock.instant();
            boolean ok = repos.tasks().transition(task.organizationId(), task.taskId(), from, to, null, false, now,
                    to.isFinal() ? now : null);
            if (!ok) {
                throw new IllegalStateException("could not move " + task.taskId() + " " + from + " -> " + to);
            }
            from = to;
        }
    }

    Step step(Task task, int order, StepStatus status, String failure, long secs) {
        Instant start = clock.instant();
        Step s = new Step(ids.next(IdPrefix.STEP), task.taskId(), task.organizationId(), order, 0, status,
                task.url(), null, failure, 100L * (order + 1), 10L * (order + 1), 0.25, 300, 50, 20, start, start,
                start.plusSeconds(secs));
        repos.steps().insert(s);
        return s;
    }

    ActionRecord action(Step step, int order, String type, String status, String message) {
        ActionRecord a = new ActionRecord(ids.next(IdPrefix.ACTION), step.stepId(), step.taskId(), order, type,
                "e" + order, "because", null, status, message, 40, clock.instant());
        repos.actions().insert(a);
        return a;
    }

    Artifact artifact(Task task, Step step, ArtifactType type, long bytes) {
        clock.advance(Duration.ofMillis(5));
        Artifact a = new Artifact(ids.next(IdPrefix.ARTIFACT), task.organizationId(), task.taskId(),
                step == null ? null : step.stepId(), null, null, type, "file:///tmp/" + type.wireName(), "image/png",
                bytes, clock.instant());
        repos.artifacts().insert(a);
        return a;
    }

    RunLog log(Task task, String level, String message) {
        clock.advance(Duration.ofMillis(5));
        RunLog l = new RunLog(ids.next(IdPrefix.LOG), task.organizationId(), task.taskId(), null, level, message,
                null, clock.instant());
        repos.logs().insert(l);
        return l;
    }

    @Override
    public void close() {
        database.close();
    }

    /** A clock that moves only when told to. */
    static final class ManualClock extends Clock {
        private final AtomicReference<Instant> now;

        ManualClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    /** Ids that sort in creation order: prefix_000001, prefix_000002… */
    static final class SequentialIds implements IdGenerator {
        private final AtomicLong next = new AtomicLong();

        @Override
        public String next(IdPrefix prefix) {
            return prefix.prefix() + "_" + String.format("%06d", next.incrementAndGet());
        }
    }
}
