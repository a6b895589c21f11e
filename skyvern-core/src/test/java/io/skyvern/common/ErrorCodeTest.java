package io.skyvern.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCodeTest {
    @Test
    void every_code_is_a_specific_name_not_an_http_number() {
        for (ErrorCode c : ErrorCode.values()) {
            assertThat(c.code()).as(c.name()).isEqualTo(c.name()).doesNotStartWith("HTTP_");
        }
    }

    @Test
    void plain_http_statuses_get_the_specific_code() {
        assertThat(ErrorCode.forStatus(401)).isEqualTo("UNAUTHORIZED");
        assertThat(ErrorCode.forStatus(404)).isEqualTo("NOT_FOUND");
        assertThat(ErrorCode.forStatus(413)).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(ErrorCode.forStatus(414)).isEqualTo("URI_TOO_LONG");
        assertThat(ErrorCode.forStatus(431)).isEqualTo("REQUEST_HEADERS_TOO_LARGE");
        assertThat(ErrorCode.forStatus(502)).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(ErrorCode.forStatus(418)).isEqualTo("HTTP_418");
    }
}
