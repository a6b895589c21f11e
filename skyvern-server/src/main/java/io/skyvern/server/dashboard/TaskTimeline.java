package io.skyvern.server.dashboard;

import io.skyvern.task.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's status timeline from its own timestamps: created, queued, running, and the final
 * status. The task service stores a new task already queued, so "queued" shares the creation
 * time; a stage not reached (a task canceled while queued never ran) is left out.
 */
public record TaskTimeline(List<Entry> entries, Long queuedMs, Long runMs, Long totalMs) {
    /** One stage: the status name, when it was reached, and the time since the previous stage. */
    public record Entry(String status, Instant at, Long sincePreviousMs) {
    }

    static TaskTimeline of(Task t) {
        List<Entry> entries = new ArrayList<>();
        add(entries, "created", t.createdAt());
        add(entries, "queued", t.createdAt());
        add(entries, "running", t.startedAt());
        if (t.status().isFinal()) {
            add(entries, t.status().wireName(), t.completedAt());
        }
        return new TaskTimeline(entries, between(t.createdAt(), t.startedAt()),
                between(t.startedAt(), t.completedAt()), between(t.createdAt(), t.completedAt()));
    }

    private static void add(List<Entry> entries, String status, Instant at) {
        if (at == null) {
            return;
        }
        Long since = entries.isEmpty() ? null : between(entries.get(entries.size() - 1).at(), at);
        entries.add(new Entry(status, at, since));
    }

    private static Long between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis();
    }

    /** "1.234 s" for a duration in milliseconds; "—" when it is not known yet. */
    public static String seconds(Long ms) {
        return ms == null ? "—" : String.format(java.util.Locale.ROOT, "%.3f s", ms / 1000.0);
    }
}
