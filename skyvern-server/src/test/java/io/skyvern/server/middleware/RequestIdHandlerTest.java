package io.skyvern.server.middleware;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdHandlerTest {
    /** The rule the handler used to check with a regex. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    @Test
    void generated_ids_are_distinct_version_4_uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIdHandler.newId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(seen.add(id)).isTrue();
        }
    }

    @Test
    void well_formed_check_agrees_with_the_pattern() {
        String[] samples = {"", "a", "trace-abc.123_x", "a b", "x".repeat(128), "x".repeat(129), "abc\r\nX: 1",
            "ünïcode", "a/b", "A-Z.0_9", "-", ".", "tab\t", "semi;colon", "%41"};
        for (String sample : samples) {
            assertThat(RequestIdHandler.isWellFormed(sample)).as(sample)
                    .isEqualTo(WELL_FORMED.matcher(sample).matches());
        }
        for (char c = 0; c < 256; c++) {
            String one = String.valueOf(c);
            assertThat(RequestIdHandler.isWellFormed(one)).as("char " + (int) c)
                    .isEqualTo(WELL_FORMED.matcher(one).matches());
        }
    }
}
