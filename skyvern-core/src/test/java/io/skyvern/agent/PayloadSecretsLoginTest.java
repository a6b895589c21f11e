package io.skyvern.agent;

import io.skyvern.common.Json;
import io.skyvern.totp.Base32;
import io.skyvern.totp.TotpGenerator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadSecretsLoginTest {
    private static final String SECRET = Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    private static final Clock AT_59 = Clock.fixed(Instant.ofEpochSecond(59), ZoneOffset.UTC);

    @Test
    void a_payload_totp_secret_becomes_a_placeholder_that_types_the_code_of_the_moment() throws Exception {
        PayloadSecrets secrets = PayloadSecrets.builder(Json.mapper().readTree(
                "{\"user\":\"ann\",\"mfa\":{\"totp_secret\":\"" + SECRET + "\",\"digits\":8}}")).clock(AT_59).build();

        assertThat(secrets.maskedPayload().toString()).isEqualTo("{\"user\":\"ann\",\"mfa\":\"{{totp:mfa}}\"}");
        // 59 s is 1 s before the end of its window: the next window's code (RFC 6238 vector at 60 s... 89 s).
        String typed = ((SecretTyping.Ready) secrets.forTyping("{{totp:mfa}}", "https://any.example")).text();
        assertThat(typed).isEqualTo(new TotpGenerator("12345678901234567890".getBytes(StandardCharsets.US_ASCII), 8,
                30, io.skyvern.totp.TotpAlgorithm.SHA1).codeAt(Instant.ofEpochSecond(60)));
        assertThat(secrets.redact("secret " + SECRET + " code " + typed)).doesNotContain(SECRET).doesNotContain(typed);
    }

    @Test
    void credential_values_are_typed_only_on_allowed_domains() {
        PayloadSecrets secrets = PayloadSecrets.builder(null).credential("ann", "pa55word!", Optional.empty(),
                Optional.empty(), List.of("example.com")).build();

        assertThat(secrets.maskedPayload().path("credential").path("password").asText())
                .isEqualTo("{{secret:credential.password}}");
        assertThat(secrets.forTyping("{{secret:credential.password}}", "https://login.example.com/x"))
                .isEqualTo(new SecretTyping.Ready("pa55word!"));
        assertThat(secrets.forTyping("{{secret:credential.password}}", "https://example.com.evil.net/"))
                .isInstanceOfSatisfying(SecretTyping.Refused.class, r -> assertThat(r.reason())
                        .contains("phishing guard").contains("example.com.evil.net").doesNotContain("pa55word!"));
        assertThat(secrets.forTyping("plain text", "https://evil.net")).isEqualTo(new SecretTyping.Ready("plain text"));
        assertThat(secrets.redact("echo pa55word!")).isEqualTo("echo {{secret:credential.password}}");
    }

    @Test
    void the_one_time_code_placeholder_takes_the_next_code_or_reports_why_none_came() {
        PayloadSecrets none = PayloadSecrets.of(null);
        assertThat(none.forTyping("{{totp}}", "https://a.b")).isInstanceOf(SecretTyping.Refused.class);

        PayloadSecrets secrets = PayloadSecrets.builder(null).oneTimeCodes(new OneTimeCodes() {
            private int calls;

            @Override
            public SecretTyping next() {
                return ++calls == 1 ? new SecretTyping.Ready("424242") : new SecretTyping.Refused("no code");
            }

            @Override
            public String description() {
                return "test";
            }
        }).build();
        assertThat(secrets.maskedPayload().path("one_time_code").asText()).isEqualTo("{{totp}}");
        assertThat(secrets.forTyping("{{totp}}", "https://a.b")).isEqualTo(new SecretTyping.Ready("424242"));
        assertThat(secrets.redact("code 424242")).isEqualTo("code {{totp}}");
        assertThat(secrets.forTyping("{{totp}}", "https://a.b")).isEqualTo(new SecretTyping.Refused("no code"));
    }
}
