package io.skyvern.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class SsrfGuardTest {
    private final SsrfGuard strict = new SsrfGuard(false);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.5.5.5", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
            "fd00::1", "fc00::abcd", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1"})
    void private_loopback_and_link_local_addresses_are_refused(String ip) throws Exception {
        assertThat(SsrfGuard.isPrivate(InetAddress.getByName(ip))).as(ip).isTrue();
        String host = ip.contains(":") ? "[" + ip + "]" : ip;
        assertThat(strict.refusal(URI.create("http://" + host + ":8080/hook"))).as(ip).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "93.184.216.34", "2606:4700::1111"})
    void public_addresses_are_allowed(String ip) throws Exception {
        assertThat(SsrfGuard.isPrivate(InetAddress.getByName(ip))).as(ip).isFalse();
        String host = ip.contains(":") ? "[" + ip + "]" : ip;
        assertThat(strict.refusal(URI.create("https://" + host + "/hook"))).as(ip).isEmpty();
    }

    @Test
    void only_http_and_https_with_a_host_are_allowed() {
        assertThat(strict.refusal(URI.create("file:///etc/passwd"))).isPresent();
        assertThat(strict.refusal(URI.create("ftp://8.8.8.8/x"))).isPresent();
        assertThat(strict.refusal(URI.create("/relative"))).isPresent();
        assertThat(new SsrfGuard(true).refusal(URI.create("gopher://127.0.0.1/"))).isPresent();
    }

    @Test
    void localhost_by_name_is_refused_unless_private_networks_are_allowed() {
        assertThat(strict.refusal(URI.create("http://localhost:9000/"))).isPresent();
        assertThat(new SsrfGuard(true).refusal(URI.create("http://localhost:9000/"))).isEmpty();
        assertThat(new SsrfGuard(true).refusal(URI.create("http://10.0.0.1/"))).isEmpty();
    }
}
