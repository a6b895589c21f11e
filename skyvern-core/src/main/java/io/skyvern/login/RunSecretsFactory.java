package io.skyvern.login;

import io.skyvern.agent.PayloadSecrets;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.Json;
import io.skyvern.common.SkyvernException;
import io.skyvern.credential.CredentialSecrets;
import io.skyvern.credential.CredentialService;
import io.skyvern.totp.TotpCodeService;
import io.skyvern.totp.TotpGenerator;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the secrets of a run: its payload's, its credential's (decrypted here, limited to the
 * credential's allowed domains) and its one-time code source. A run whose credential is gone gets
 * a {@code CREDENTIAL_NOT_FOUND} exception with a reason fit for the run's failure_reason.
 * Thread-safe.
 */
public final class RunSecretsFactory {
    private final CredentialService credentials;
    private final TotpCodeService codes;
    private final Function<String, String> signingKeyOf;
    private final LoginOptions options;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public RunSecretsFactory(CredentialService credentials, TotpCodeService codes,
                             Function<String, String> signingKeyOf, LoginOptions options, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.signingKeyOf = Objects.requireNonNull(signingKeyOf, "signingKeyOf");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PayloadSecrets secretsFor(RunLogin run) {
        PayloadSecrets.Builder builder = PayloadSecrets.builder(run.payload()).clock(clock);
        if (run.login().credentialId().isPresent()) {
            String id = run.login().credentialId().get();
            CredentialSecrets c = credentials.reveal(run.organizationId(), id).orElseThrow(() ->
                    new SkyvernException(ErrorCode.CREDENTIAL_NOT_FOUND, "The credential " + id
                            + " the run signs in with was deleted"));
            Optional<TotpGenerator> totp = c.totpSecret().map(TotpGenerator::of);
            builder.credential(c.username(), c.password(), totp, c.totpSecret(), c.allowedDomains());
        }
        run.login().totpVerificationUrl().ifPresent(url -> builder.oneTimeCodes(new TotpUrlPoller(http,
                URI.create(url), signingKeyOf.apply(run.organizationId()), pollBody(run), options.networkPolicy(),
                options.pollInterval(), options.codeWait(), run.stop(), clock)));
        if (run.login().totpVerificationUrl().isEmpty()) {
            run.login().totpIdentifier().ifPresent(identifier -> builder.oneTimeCodes(new PushedCodes(codes,
                    run.organizationId(), identifier, run.startedAt(), run.runId(), options.codeWait(), run.stop(),
                    clock)));
        }
        return builder.build();
    }

    private static byte[] pollBody(RunLogin run) {
        var body = Json.mapper().createObjectNode();
        body.put(run.workflowRun() ? "workflow_run_id" : "task_id", run.runId());
        run.login().totpIdentifier().ifPresent(i -> body.put("totp_identifier", i));
        return body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
