package io.skyvern.server;

import java.io.PrintStream;

/**
 * Makes a SIGTERM end the process with status 0 instead of the JVM's 143 (128 + 15). SIGTERM is
 * how service managers ask a server to stop (systemd, Docker, Kubernetes), and the graceful stop
 * the shutdown hook performs is the expected outcome, not a failure: systemd, for one, reports a
 * unit that exits with 143 as failed unless told otherwise. The handler only calls
 * {@code System.exit(0)}, which runs the shutdown hooks exactly as the JVM's own handler would.
 * Uses {@code sun.misc.Signal} (module jdk.unsupported, kept by the JDK for this purpose); where
 * it is unavailable the JVM's default stays and the status is 143.
 */
final class TermSignal {
    private TermSignal() {
    }

    /** javac warns that sun.misc.Signal is proprietary API; the warning cannot be suppressed. */
    static void exitZeroOnTerm(PrintStream err) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> System.exit(0));
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            err.println("skyvern-server: SIGTERM keeps the JVM's exit status 143 (" + e + ")");
        }
    }
}
