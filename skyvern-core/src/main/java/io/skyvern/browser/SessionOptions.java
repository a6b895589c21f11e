package io.skyvern.browser;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to open a session.
 *
 * @param persistentDir where cookies and local storage of a long-lived browser session are kept;
 *                      empty for a fresh, throw-away context
 * @param traceFile     where to write a Playwright trace when tracing is on in the browser config
 * @param maxTreeChars  cap on the rendered element tree of snapshots (a truncation marker ends it)
 * @param downloadDir   where downloads nobody waited for (started by a page, in any tab) are saved and
 *                      reported as {@link BrowserEvent.DownloadSaved}; empty: a temporary directory
 */
public record SessionOptions(Optional<Path> persistentDir, Optional<Path> traceFile, int maxTreeChars,
                             Optional<Path> downloadDir) {
    /** The default cap on the rendered tree: enough for busy pages, small enough for a prompt. */
    public static final int DEFAULT_MAX_TREE_CHARS = 60_000;

    public SessionOptions {
        Objects.requireNonNull(persistentDir, "persistentDir");
        Objects.requireNonNull(traceFile, "traceFile");
        Objects.requireNonNull(downloadDir, "downloadDir");
        if (maxTreeChars < 200) {
            throw new IllegalArgumentException("maxTreeChars must be >= 200, was " + maxTreeChars);
        }
    }

    public SessionOptions(Optional<Path> persistentDir, Optional<Path> traceFile, int maxTreeChars) {
        this(persistentDir, traceFile, maxTreeChars, Optional.empty());
    }

    /** A fresh isolated context. */
    public static SessionOptions fresh() {
        return new SessionOptions(Optional.empty(), Optional.empty(), DEFAULT_MAX_TREE_CHARS);
    }

    /** A context whose cookies and storage live in {@code dir} across sessions. */
    public static SessionOptions persistent(Path dir) {
        return new SessionOptions(Optional.of(dir), Optional.empty(), DEFAULT_MAX_TREE_CHARS);
    }

    public SessionOptions withTrace(Path file) {
        return new SessionOptions(persistentDir, Optional.of(file), maxTreeChars, downloadDir);
    }

    public SessionOptions withMaxTreeChars(int max) {
        return new SessionOptions(persistentDir, traceFile, max, downloadDir);
    }

    public SessionOptions withDownloadDir(Path dir) {
        return new SessionOptions(persistentDir, traceFile, maxTreeChars, Optional.of(dir));
    }
}
