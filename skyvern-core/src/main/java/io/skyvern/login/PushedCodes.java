package io.skyvern.login;

import io.skyvern.agent.OneTimeCodes;
import io.skyvern.agent.SecretTyping;
import io.skyvern.totp.TotpCodeService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * {@code {{totp}}} from codes pushed to the API for the run's {@code totp_identifier}: waits (at
 * most {@code wait}, checking the run's stop signal twice a second) for a code pushed since the run
 * started that no run has used, and claims it. Used by one run's thread.
 */
final class PushedCodes implements OneTimeCodes {
    private static final long CHECK_EVERY_MS = 500;

    private final TotpCodeService codes;
    private final String organizationId;
    private final String identifier;
    private final Instant since;
    private final String runId;
    private final Duration wait;
    private final BooleanSupplier stop;
    private final Clock clock;

    PushedCodes(TotpCodeService codes, String organizationId, String identifier, Instant since, String runId,
                Duration wait, BooleanSupplier stop, Clock clock) {
        this.codes = Objects.requireNonNull(codes, "codes");
        this.organizationId = organizationId;
        this.identifier = identifier;
        this.since = since;
        this.runId = runId;
        this.wait = wait;
        this.stop = stop;
        this.clock = clock;
    }

    @Override
    public SecretTyping next() {
        Instant deadline = clock.instant().plus(wait);
        while (true) {
            var code = codes.take(organizationId, identifier, since, runId);
            if (code.isPresent()) {
                return new SecretTyping.Ready(code.get());
            }
            if (stop.getAsBoolean()) {
                return new SecretTyping.Refused("The run was stopped while waiting for a one-time code");
            }
            if (!clock.instant().isBefore(deadline)) {
                return new SecretTyping.Refused("No one-time code was pushed for " + identifier + " within "
                        + wait.toSeconds() + " s (POST /api/v1/totp_codes)");
            }
            if (!CodeWaits.sleep(CHECK_EVERY_MS)) {
                return new SecretTyping.Refused("The run was stopped while waiting for a one-time code");
            }
        }
    }

    @Override
    public String description() {
        return "a code sent to " + identifier;
    }
}
