package io.skyvern.browsersession;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of browser sessions; lookups are scoped to an organisation. Thread-safe. */
public interface BrowserSessionRepository {
    void insert(BrowserSessionInfo session, String storageDir);

    Optional<BrowserSessionInfo> find(String organizationId, String browserSessionId);

    /** Newest first, at most {@code limit}. */
    List<BrowserSessionInfo> list(String organizationId, int limit);

    /** One page of the organisation's sessions, newest first, with the total count. */
    io.skyvern.common.Page<BrowserSessionInfo> page(String organizationId, io.skyvern.common.PageRequest request);

    /** Takes the session for a run if it is active, unexpired and free (or already this run's). */
    boolean acquire(String browserSessionId, String runId, Instant now);

    /** Frees the session if {@code runId} holds it. */
    void release(String browserSessionId, String runId, Instant now);

    /** Closes an active session; false when it was closed already. */
    boolean close(String organizationId, String browserSessionId, Instant now);

    /** Closes active sessions that expired and no run holds; returns their ids. */
    List<String> closeExpired(Instant now);
}
