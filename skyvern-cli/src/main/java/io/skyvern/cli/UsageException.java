package io.skyvern.cli;

/** A bad value the parser could not catch (unreadable file, malformed JSON): exit status 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
