package io.skyvern.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {
    private static final byte[] BODY = "{\"task_id\":\"tsk_1\",\"status\":\"completed\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signature_is_the_hex_hmac_sha256_of_the_body() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(WebhookSignature.sign("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII), "Jefe"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void verify_accepts_the_right_signature_in_any_case() {
        String sig = WebhookSignature.sign(BODY, "whsec_k");
        assertThat(WebhookSignature.verify(BODY, sig, "whsec_k")).isTrue();
        assertThat(WebhookSignature.verify(BODY, sig.toUpperCase(), "whsec_k")).isTrue();
    }

    @Test
    void verify_rejects_another_key_a_changed_body_or_garbage() {
        String sig = WebhookSignature.sign(BODY, "whsec_k");
        assertThat(WebhookSignature.verify(BODY, sig, "whsec_other")).isFalse();
        byte[] changed = BODY.clone();
        changed[3] = 'X';
        assertThat(WebhookSignature.verify(changed, sig, "whsec_k")).isFalse();
        assertThat(WebhookSignature.verify(BODY, "", "whsec_k")).isFalse();
        assertThat(WebhookSignature.verify(BODY, null, "whsec_k")).isFalse();
    }
}
