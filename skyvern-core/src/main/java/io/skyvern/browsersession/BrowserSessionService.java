package io.skyvern.browsersession;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.IdGenerator;
import io.skyvern.common.IdPrefix;
import io.skyvern.common.SkyvernException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Browser sessions of an organisation: create (timeout 1..240 minutes, default 60), list, get,
 * close; and, for the executor, acquire/release around a run (one run at a time: a second run
 * waits for the first). Cookies and storage live in {@code <dataDir>/browser-sessions/<id>}.
 * Another organisation's session is BROWSER_SESSION_NOT_FOUND. Thread-safe.
 */
public final class BrowserSessionService {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserSessionService.class);
    public static final int DEFAULT_TIMEOUT_MINUTES = 60;
    public static final int MAX_TIMEOUT_MINUTES = 240;
    private static final Duration POLL = Duration.ofMillis(200);

    private final BrowserSessionRepository repository;
    private final Path root;
    private final Clock clock;
    private final IdGenerator ids;

    public BrowserSessionService(BrowserSessionRepository repository, Path dataDir, Clock clock, IdGenerator ids) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.root = Objects.requireNonNull(dataDir, "dataDir").resolve("browser-sessions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** Opens a session; {@code timeoutMinutes} null means the default. */
    public BrowserSessionInfo create(String organizationId, Integer timeoutMinutes) {
        Objects.requireNonNull(organizationId, "organizationId");
        int minutes = timeoutMinutes == null ? DEFAULT_TIMEOUT_MINUTES : timeoutMinutes;
        if (minutes < 1 || minutes > MAX_TIMEOUT_MINUTES) {
            throw new SkyvernException(ErrorCode.VALIDATION_FAILED, "Invalid browser session",
                    List.of("timeout_minutes must be between 1 and " + MAX_TIMEOUT_MINUTES + ", got " + minutes));
        }
        Instant now = now();
        BrowserSessionInfo session = new BrowserSessionInfo(ids.next(IdPrefix.BROWSER_SESSION), organizationId,
                BrowserSessionInfo.ACTIVE, minutes, null, now, now, now.plus(Duration.ofMinutes(minutes)), null);
        repository.insert(session, storageDir(session.browserSessionId()).toString());
        return session;
    }

    public List<BrowserSessionInfo> list(String organizationId) {
        return repository.list(organizationId, 100);
    }

    /** One page of the organisation's sessions, newest first (closed ones included). */
    public io.skyvern.common.Page<BrowserSessionInfo> page(String organizationId, io.skyvern.common.PageRequest request) {
        return repository.page(Objects.requireNonNull(organizationId, "organizationId"),
                Objects.requireNonNull(request, "request"));
    }

    public BrowserSessionInfo get(String organizationId, String browserSessionId) {
        if (organizationId == null || browserSessionId == null) {
            throw notFound(browserSessionId);
        }
        return repository.find(organizationId, browserSessionId).orElseThrow(() -> notFound(browserSessionId));
    }

    /** Closes the session (idempotent) and returns it. */
    public BrowserSessionInfo close(String organizationId, String browserSessionId) {
        get(organizationId, browserSessionId);
        repository.close(organizationId, browserSessionId, now());
        return get(organizationId, browserSessionId);
    }

    /** For task creation: the session exists for the organisation and is still open. */
    public void requireUsable(String organizationId, String browserSessionId) {
        BrowserSessionInfo s = get(organizationId, browserSessionId);
        if (!s.isActive() || !s.expiresAt().isAfter(now())) {
            throw new SkyvernException(ErrorCode.BROWSER_SESSION_CLOSED, "Browser session " + browserSessionId
                    + " is closed");
        }
    }

    /**
     * Takes the session for a run, waiting up to {@code maxWait} while another run holds it;
     * returns its storage directory. BROWSER_SESSION_CLOSED when closed or expired,
     * BROWSER_SESSION_BUSY when still held after the wait.
     */
    public Path acquire(String organizationId, String browserSessionId, String runId, Duration maxWait) {
        return acquire(organizationId, browserSessionId, runId, maxWait, () -> false);
    }

    /**
     * As above, but gives up as soon as {@code stopped} says so (the run was canceled while it
     * waited): BROWSER_SESSION_BUSY then, and the session stays with the run holding it.
     */
    public Path acquire(String organizationId, String browserSessionId, String runId, Duration maxWait,
                        java.util.function.BooleanSupplier stopped) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            requireUsable(organizationId, browserSessionId);
            if (repository.acquire(browserSessionId, runId, now())) {
                return storageDir(browserSessionId);
            }
            if (stopped.getAsBoolean()) {
                throw new SkyvernException(ErrorCode.BROWSER_SESSION_BUSY, "Stopped while waiting for browser session "
                        + browserSessionId + ", in use by another run");
            }
            if (System.nanoTime() > deadline) {
                throw new SkyvernException(ErrorCode.BROWSER_SESSION_BUSY, "Browser session " + browserSessionId
                        + " is in use by another run");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SkyvernException(ErrorCode.BROWSER_SESSION_BUSY, "Interrupted while waiting for browser "
                        + "session " + browserSessionId);
            }
        }
    }

    public void release(String browserSessionId, String runId) {
        repository.release(browserSessionId, runId, now());
    }

    /** Closes expired sessions; returns how many. */
    public int sweepExpired() {
        List<String> closed = repository.closeExpired(now());
        if (!closed.isEmpty()) {
            LOG.info("Closed {} expired browser session(s)", closed.size());
        }
        return closed.size();
    }

    public Path storageDir(String browserSessionId) {
        return root.resolve(browserSessionId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static SkyvernException notFound(String id) {
        return SkyvernException.notFound(ErrorCode.BROWSER_SESSION_NOT_FOUND, "Browser session", id);
    }
}
