package io.skyvern.browser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageAddressTest {
    @Test
    void keeps_host_port_and_path_and_drops_the_rest() {
        assertThat(PageAddress.of("https://user:pw@shop.example:8443/cart/?token=s3cret#top"))
                .isEqualTo("//shop.example:8443/cart");
        assertThat(PageAddress.of("http://127.0.0.1:4000")).isEqualTo("//127.0.0.1:4000/");
    }

    @Test
    void the_same_page_over_http_and_https_with_other_queries() {
        assertThat(PageAddress.same("http://a.test/login?next=1", "https://a.test/login/")).isTrue();
        assertThat(PageAddress.same("http://a.test/login", "http://a.test/logout")).isFalse();
        assertThat(PageAddress.same("http://a.test:1/x", "http://a.test:2/x")).isFalse();
        assertThat(PageAddress.same("http://a.test/x", "http://b.test/x")).isFalse();
    }

    @Test
    void pages_without_an_address_are_never_the_same() {
        assertThat(PageAddress.of("about:blank")).isEmpty();
        assertThat(PageAddress.of("not a url")).isEmpty();
        assertThat(PageAddress.of(null)).isEmpty();
        assertThat(PageAddress.same("about:blank", "about:blank")).isFalse();
    }
}
