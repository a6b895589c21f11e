package io.skyvern.cli;

import io.skyvern.task.TaskStatus;

/** The CLI's exit statuses; the same for every command. */
public final class ExitCodes {
    /** Success; for run-task: the task completed. */
    public static final int OK = 0;
    /** The operation failed; for run-task: the task failed or was terminated. */
    public static final int FAILED = 1;
    /** Bad flags or configuration (one-line message, no stack trace). */
    public static final int USAGE = 2;
    /** run-task: the task was canceled or timed out (also a client-side --timeout or Ctrl-C). */
    public static final int CANCELED = 3;

    private ExitCodes() {
    }

    /** The exit status for a finished task. */
    public static int of(TaskStatus status) {
        switch (status) {
            case COMPLETED:
                return OK;
            case CANCELED:
            case TIMED_OUT:
                return CANCELED;
            default:
                return FAILED;
        }
    }
}
