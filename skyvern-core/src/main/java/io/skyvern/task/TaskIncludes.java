package io.skyvern.task;

/** Which related records a task lookup brings along. */
public record TaskIncludes(boolean steps, boolean artifacts, boolean logs) {
    public static final TaskIncludes NONE = new TaskIncludes(false, false, false);
    public static final TaskIncludes ALL = new TaskIncludes(true, true, true);
}
