package io.skyvern.login;

/** Sleeping while waiting for a code, with the interrupt (a forced cancel) kept. */
final class CodeWaits {
    private CodeWaits() {
    }

    /** False when interrupted (the flag is restored). */
    static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
