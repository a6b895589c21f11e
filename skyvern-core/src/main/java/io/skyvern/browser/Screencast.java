package io.skyvern.browser;

import java.time.Duration;
import java.util.Optional;

/**
 * A live feed of JPEG frames of a session's current tab (it follows tab switches). The browser
 * sends a frame when the page changes, so a still page yields no frames. Frames that arrive faster
 * than they are taken are dropped: a taker always gets the newest. Thread-safe; close it to stop
 * the feed (the session itself stays open).
 */
public interface Screencast extends AutoCloseable {
    /** The next frame newer than the last one taken, waiting up to {@code timeout}; empty when none came. */
    Optional<byte[]> nextFrame(Duration timeout) throws InterruptedException;

    /** True once the session closed or {@link #close()} was called. */
    boolean ended();

    @Override
    void close();
}
