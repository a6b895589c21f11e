package io.skyvern.totp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TotpGeneratorTest {
    private static final byte[] SEED20 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED32 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED64 = ("1234567890".repeat(6) + "1234").getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238, Appendix B. */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void the_rfc_6238_test_vectors_come_out(long time, String sha1, String sha256, String sha512) {
        Instant at = Instant.ofEpochSecond(time);
        assertThat(new TotpGenerator(SEED20, 8, 30, TotpAlgorithm.SHA1).codeAt(at)).isEqualTo(sha1);
        assertThat(new TotpGenerator(SEED32, 8, 30, TotpAlgorithm.SHA256).codeAt(at)).isEqualTo(sha256);
        assertThat(new TotpGenerator(SEED64, 8, 30, TotpAlgorithm.SHA512).codeAt(at)).isEqualTo(sha512);
    }

    @Test
    void six_digit_codes_are_the_last_six_digits_with_leading_zeros() {
        TotpGenerator six = new TotpGenerator(SEED20, 6, 30, TotpAlgorithm.SHA1);
        assertThat(six.codeAt(Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(TotpGenerator.of(Base32.encode(SEED20)).codeAt(Instant.ofEpochSecond(59))).isEqualTo("287082");
    }

    @Test
    void near_the_end_of_a_window_the_next_windows_code_is_typed() {
        TotpGenerator g = new TotpGenerator(SEED20, 8, 30, TotpAlgorithm.SHA1);
        assertThat(g.codeToType(Instant.ofEpochSecond(1111111110 - 30 + 20))).isEqualTo(g.codeAt(Instant.ofEpochSecond(1111111080)));
        // 1111111109 is 1 s before the window ends: the code of 1111111110's window.
        assertThat(g.codeToType(Instant.ofEpochSecond(1111111109))).isEqualTo("14050471");
        assertThat(g.codeToType(Instant.ofEpochSecond(1111111105))).isEqualTo("07081804");
    }

    @Test
    void bad_settings_are_refused_without_quoting_the_secret() {
        assertThatThrownBy(() -> new TotpGenerator(SEED20, 5, 30, TotpAlgorithm.SHA1)).hasMessageContaining("digits");
        assertThatThrownBy(() -> TotpGenerator.of("not base32 !!")).hasMessage(
                "the secret is not Base32 (letters A-Z and digits 2-7)");
        assertThat(TotpGenerator.of(Base32.encode(SEED20)).toString()).doesNotContain(Base32.encode(SEED20));
    }

    @Test
    void base32_round_trips_and_tolerates_spaces_case_and_padding() {
        String text = Base32.encode(SEED20);
        assertThat(text).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Base32.decode(text.toLowerCase().replaceAll("(.{4})", "$1 ") + "====")).isEqualTo(SEED20);
    }
}
