package io.skyvern.workflow.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpRequestRunnerTest {
    @Test
    void loopback_private_link_local_and_unspecified_addresses_are_private() {
        assertThat(HttpRequestRunner.isPrivate("127.0.0.1")).isTrue();
        assertThat(HttpRequestRunner.isPrivate("localhost")).isTrue();
        assertThat(HttpRequestRunner.isPrivate("10.1.2.3")).isTrue();
        assertThat(HttpRequestRunner.isPrivate("192.168.0.10")).isTrue();
        assertThat(HttpRequestRunner.isPrivate("172.16.5.4")).isTrue();
        assertThat(HttpRequestRunner.isPrivate("169.254.169.254")).isTrue();
        assertThat(HttpRequestRunner.isPrivate("0.0.0.0")).isTrue();
        assertThat(HttpRequestRunner.isPrivate("100.64.1.1")).isTrue();
        assertThat(HttpRequestRunner.isPrivate("[::1]".replace("[", "").replace("]", ""))).isTrue();
        assertThat(HttpRequestRunner.isPrivate("fd00::1")).isTrue();
        assertThat(HttpRequestRunner.isPrivate("")).isTrue();
    }

    @Test
    void public_addresses_are_not_private() {
        assertThat(HttpRequestRunner.isPrivate("93.184.216.34")).isFalse();
        assertThat(HttpRequestRunner.isPrivate("8.8.8.8")).isFalse();
        assertThat(HttpRequestRunner.isPrivate("2606:4700::1111")).isFalse();
    }
}
