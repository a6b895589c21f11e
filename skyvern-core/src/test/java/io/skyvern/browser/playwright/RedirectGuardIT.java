package io.skyvern.browser.playwright;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.sun.net.httpserver.HttpServer;
import io.skyvern.netpolicy.NetworkPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A redirect hop to a refused address is caught: a loopback page that answers 302 to a cloud
 * metadata address (refused under every policy) is reported as a violation (the session then
 * leaves the page and fails the step), while an allowed redirect is followed with each hop
 * requested once. Playwright does not route redirect hops, so the hop is checked as the browser
 * issues it (a fetch-it-ourselves guard kept the page's other requests from going out while idle).
 */
class RedirectGuardIT {
    private HttpServer site;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @BeforeEach
    void serve() throws IOException {
        TestBrowsers.onlyOncePerBuild();
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");
        redirect("/to-metadata-v6", "http://[fd00:ec2::254]/latest/meta-data/");
        redirect("/to-page", "/page");
        site.createContext("/page", exchange -> {
            count("/page");
            byte[] body = "<html><body><h1>arrived</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
    }

    private void redirect(String path, String location) {
        site.createContext(path, exchange -> {
            count(path);
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
    }

    private void count(String path) {
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }

    private int hitsOf(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    @AfterEach
    void stop() {
        if (site != null) {
            site.stop(0);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    @Test
    void a_redirect_to_a_metadata_address_is_reported_and_an_allowed_one_followed() {
        assumeTrue(Files.isExecutable(Path.of(TestBrowsers.CHROMIUM)), "needs " + TestBrowsers.CHROMIUM);
        try (Playwright playwright = Playwright.create();
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Path.of(TestBrowsers.CHROMIUM)).setHeadless(true))) {
            BrowserContext context = browser.newContext();
            Page page = context.newPage();
            NavigationGuard guard = new NavigationGuard(NetworkPolicy.PRIVATE_ALLOWED);
            guard.install(context, page);

            page.navigate(url("/to-page"));

            assertThat(page.url()).isEqualTo(url("/page"));
            assertThat(page.textContent("h1")).isEqualTo("arrived");
            assertThat(hitsOf("/to-page")).as("the redirect was requested once").isEqualTo(1);
            assertThat(hitsOf("/page")).as("its target was requested once").isEqualTo(1);
            assertThat(guard.takeViolation()).isEmpty();

            for (String path : List.of("/to-metadata", "/to-metadata-v6")) {
                try {
                    page.navigate(url(path));
                } catch (PlaywrightException expected) {
                    // the hop fails (nothing answers there); the guard has noted it either way
                }
                assertThat(hitsOf(path)).as(path).isEqualTo(1);
                assertThat(guard.takeViolation()).as(path).hasValueSatisfying(v -> assertThat(v).contains("metadata"));
            }
        }
    }
}
