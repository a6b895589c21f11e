package io.skyvern.browsersession;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.common.TimeOrderedIdGenerator;
import io.skyvern.persistence.Database;
import io.skyvern.persistence.JdbiBrowserSessionRepository;
import io.skyvern.testing.TestDatabases;
import io.skyvern.testing.TestOrganizations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserSessionServiceIT {
    @TempDir
    Path dataDir;
    private Database database;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
    private BrowserSessionService service;
    private String org;

    @BeforeEach
    void setUp() {
        database = Database.open(TestDatabases.fresh());
        org = TestOrganizations.insert(database);
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        service = new BrowserSessionService(new JdbiBrowserSessionRepository(database), dataDir, clock,
                new TimeOrderedIdGenerator(Clock.systemUTC()));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private static ErrorCode code(Runnable r) {
        try {
            r.run();
        } catch (SkyvernException e) {
            return e.errorCode();
        }
        return null;
    }

    @Test
    void timeout_defaults_to_60_minutes_and_must_be_1_to_240() {
        BrowserSessionInfo s = service.create(org, null);
        assertThat(s.timeoutMinutes()).isEqualTo(60);
        assertThat(s.expiresAt()).isEqualTo(s.createdAt().plus(Duration.ofMinutes(60)));
        assertThat(service.create(org, 240).timeoutMinutes()).isEqualTo(240);
        assertThat(code(() -> service.create(org, 241))).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(code(() -> service.create(org, 0))).isEqualTo(ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void another_organisations_session_is_not_found() {
        BrowserSessionInfo s = service.create(org, 10);
        String other = TestOrganizations.insert(database);
        assertThat(code(() -> service.get(other, s.browserSessionId()))).isEqualTo(ErrorCode.BROWSER_SESSION_NOT_FOUND);
        assertThat(code(() -> service.close(other, s.browserSessionId()))).isEqualTo(ErrorCode.BROWSER_SESSION_NOT_FOUND);
        assertThat(service.list(other)).isEmpty();
        assertThat(service.list(org)).extracting(BrowserSessionInfo::browserSessionId).containsExactly(s.browserSessionId());
    }

    @Test
    void one_run_at_a_time_holds_a_session() {
        String id = service.create(org, 10).browserSessionId();
        Path dir = service.acquire(org, id, "tsk_a", Duration.ZERO);
        assertThat(dir).isEqualTo(dataDir.resolve("browser-sessions").resolve(id));
        assertThat(service.get(org, id).currentRunId()).isEqualTo("tsk_a");
        assertThat(code(() -> service.acquire(org, id, "tsk_b", Duration.ofMillis(300))))
                .isEqualTo(ErrorCode.BROWSER_SESSION_BUSY);
        service.release(id, "tsk_b");  // not the holder: no effect
        assertThat(service.get(org, id).currentRunId()).isEqualTo("tsk_a");
        service.release(id, "tsk_a");
        assertThat(service.acquire(org, id, "tsk_b", Duration.ZERO)).isEqualTo(dir);
    }

    @Test
    void closed_and_expired_sessions_refuse_new_runs_and_the_sweep_closes_expired_ones() {
        String closed = service.create(org, 10).browserSessionId();
        assertThat(service.close(org, closed).status()).isEqualTo(BrowserSessionInfo.CLOSED);
        assertThat(service.close(org, closed).closedAt()).isNotNull();  // idempotent
        assertThat(code(() -> service.requireUsable(org, closed))).isEqualTo(ErrorCode.BROWSER_SESSION_CLOSED);

        String expiring = service.create(org, 1).browserSessionId();
        String busy = service.create(org, 1).browserSessionId();
        String fresh = service.create(org, 30).browserSessionId();
        service.acquire(org, busy, "tsk_running", Duration.ZERO);
        now.set(now.get().plus(Duration.ofMinutes(2)));
        assertThat(code(() -> service.acquire(org, expiring, "tsk_x", Duration.ZERO)))
                .isEqualTo(ErrorCode.BROWSER_SESSION_CLOSED);

        assertThat(service.sweepExpired()).isEqualTo(1);
        assertThat(service.get(org, expiring).status()).isEqualTo(BrowserSessionInfo.CLOSED);
        assertThat(service.get(org, busy).status()).isEqualTo(BrowserSessionInfo.ACTIVE);  // a run still uses it
        assertThat(service.get(org, fresh).status()).isEqualTo(BrowserSessionInfo.ACTIVE);
        service.release(busy, "tsk_running");
        assertThat(service.sweepExpired()).isEqualTo(1);
        assertThatThrownBy(() -> service.requireUsable(org, busy)).isInstanceOf(SkyvernException.class);
    }
}
