package io.skyvern.login;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.agent.OneTimeCodes;
import io.skyvern.agent.SecretTyping;
import io.skyvern.common.Json;
import io.skyvern.netpolicy.NetworkPolicy;
import io.skyvern.webhook.WebhookSignature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * {@code {{totp}}} from the run's {@code totp_verification_url}: POSTs {@code {"task_id"|
 * "workflow_run_id", "totp_identifier"}} signed like a webhook (HMAC-SHA256 of the body with the
 * organisation's key in {@code x-skyvern-signature}, unix time in {@code x-skyvern-timestamp})
 * every {@code interval} until the answer is {@code {"totp": "123456"}} with a code this run has not
 * typed yet, for at most {@code wait}. The URL is checked against the product's one
 * {@link NetworkPolicy} before the first poll (private addresses refused unless allowed, metadata
 * addresses always); redirects are not followed, so no other address is reached. Used by one run's thread.
 */
final class TotpUrlPoller implements OneTimeCodes {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{4,12}");
    private static final long SLICE_MS = 250;

    private final HttpClient http;
    private final URI url;
    private final String signingKey;
    private final byte[] body;
    private final NetworkPolicy networkPolicy;
    private final Duration interval;
    private final Duration wait;
    private final BooleanSupplier stop;
    private final Clock clock;
    private final Set<String> typed = new HashSet<>();

    TotpUrlPoller(HttpClient http, URI url, String signingKey, byte[] body, NetworkPolicy networkPolicy,
                  Duration interval, Duration wait, BooleanSupplier stop, Clock clock) {
        this.http = http;
        this.url = url;
        this.signingKey = signingKey;
        this.body = body.clone();
        this.networkPolicy = networkPolicy;
        this.interval = interval;
        this.wait = wait;
        this.stop = stop;
        this.clock = clock;
    }

    @Override
    public SecretTyping next() {
        Optional<String> refused = networkPolicy.refusal(url);
        if (refused.isPresent()) {
            return new SecretTyping.Refused("totp_verification_url refused: " + refused.get());
        }
        Instant deadline = clock.instant().plus(wait);
        while (true) {
            Optional<String> code = pollOnce().filter(c -> !typed.contains(c));
            if (code.isPresent()) {
                typed.add(code.get());
                return new SecretTyping.Ready(code.get());
            }
            Instant nextPoll = clock.instant().plus(interval);
            while (clock.instant().isBefore(nextPoll)) {
                if (stop.getAsBoolean() || !CodeWaits.sleep(SLICE_MS)) {
                    return new SecretTyping.Refused("The run was stopped while waiting for a one-time code");
                }
                if (!clock.instant().isBefore(deadline)) {
                    return new SecretTyping.Refused("totp_verification_url gave no new code within "
                            + wait.toSeconds() + " s");
                }
            }
        }
    }

    private Optional<String> pollOnce() {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(body, signingKey))
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(clock.instant().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2 || response.body().length > 65_536) {
                return Optional.empty();
            }
            JsonNode answer = Json.mapper().readTree(response.body());
            JsonNode totp = answer.has("totp") ? answer.get("totp") : answer.path("data").path("totp");
            return totp != null && totp.isValueNode() && CODE.matcher(totp.asText().trim()).matches()
                    ? Optional.of(totp.asText().trim()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public String description() {
        return "a code from " + url.getHost();
    }
}
