package io.skyvern.netpolicy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkPolicyTest {
    private static final List<String> METADATA = List.of("http://169.254.169.254/latest/meta-data/",
            "http://[fd00:ec2::254]/", "http://[::ffff:169.254.169.254]/", "http://169.254.170.2/v2/credentials",
            "https://100.100.100.200/latest/meta-data");

    @Test
    void metadata_addresses_are_refused_even_when_private_networks_are_allowed() {
        for (String url : METADATA) {
            assertThat(NetworkPolicy.PRIVATE_ALLOWED.refusal(url)).as(url).hasValueSatisfying(r ->
                    assertThat(r).contains("metadata"));
            assertThat(NetworkPolicy.PUBLIC_ONLY.refusal(url)).as(url).isPresent();
        }
    }

    @Test
    void private_and_loopback_addresses_are_refused_unless_allowed() {
        for (String url : List.of("http://127.0.0.1:8080/", "http://10.1.2.3/", "http://192.168.1.1/",
                "http://[::1]/", "http://[fd12::1]/", "http://100.64.0.1/", "http://0.0.0.0/", "http://localhost/")) {
            assertThat(NetworkPolicy.PUBLIC_ONLY.refusal(url)).as(url).isPresent();
            assertThat(NetworkPolicy.PRIVATE_ALLOWED.refusal(url)).as(url).isEmpty();
        }
    }

    @Test
    void public_addresses_pass_and_other_schemes_never_do() {
        assertThat(NetworkPolicy.PUBLIC_ONLY.refusal("https://93.184.216.34/page")).isEmpty();
        for (String url : List.of("file:///etc/passwd", "ftp://93.184.216.34/", "gopher://1.2.3.4/", "http:///x",
                "not a url")) {
            assertThat(NetworkPolicy.PRIVATE_ALLOWED.refusal(url)).as(url).isPresent();
        }
    }

    @Test
    void ranges_parse_without_dns_and_match_by_prefix() {
        IpRange ten = IpRange.parse("10.0.0.0/8").orElseThrow();
        assertThat(ten.contains(IpRange.literal("10.200.1.1").orElseThrow())).isTrue();
        assertThat(ten.contains(IpRange.literal("11.0.0.1").orElseThrow())).isFalse();
        assertThat(IpRange.parse("fd00::/8").orElseThrow().contains(IpRange.literal("[fd00:ec2::254]").orElseThrow()))
                .isTrue();
        for (String bad : List.of("example.com", "999.1.1.1", "10.0.0.0/33", "", "1.2.3.4/x")) {
            assertThat(IpRange.parse(bad)).as(bad).isEmpty();
        }
    }
}
