package io.skyvern.workflow.engine;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpServer;
import io.skyvern.browser.BrowserActionException;
import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.SessionOptions;
import io.skyvern.browser.playwright.PlaywrightBrowserManager;
import io.skyvern.config.BrowserConfig;
import io.skyvern.netpolicy.NetworkPolicy;
import io.skyvern.workflow.block.Block;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 17, item 5: one policy, the same answer for a browser navigation and an http_request block
 * on the same URL; metadata refused in every path, also behind a redirect.
 */
class NetworkPolicyPathsIT {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private HttpServer site;
    private final AtomicInteger pageHits = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/page", exchange -> {
            pageHits.incrementAndGet();
            byte[] body = "<html><body><h1>internal</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.createContext("/to-metadata", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://[fd00:ec2::254]/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        site.start();
    }

    @AfterEach
    void stop() {
        site.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    private static boolean browserRefuses(BrowserSession session, String url) {
        try {
            session.navigate(url);
            return session.currentUrl().startsWith("about:");
        } catch (BrowserActionException e) {
            return e.getMessage().contains("network policy");
        }
    }

    private static boolean httpBlockRefuses(NetworkPolicy policy, String url) {
        HttpRequestRunner runner = new HttpRequestRunner(new TemplateRenderer(), policy);
        BlockOutcome outcome = runner.run(new Block.HttpRequestBlock("h", false, NullNode.getInstance(),
                TextNode.valueOf(url), NullNode.getInstance(), NullNode.getInstance(), NullNode.getInstance()),
                new TemplateContext(null, Map.of(), Optional.empty(), Map.of()));
        return outcome instanceof BlockOutcome.Failed f && f.reason().contains("network policy");
    }

    @Test
    void a_browser_task_and_an_http_request_block_get_the_same_answer_under_both_policies() {
        assumeTrue(Files.isExecutable(Path.of(CHROMIUM)), "needs " + CHROMIUM);
        BrowserConfig config = new BrowserConfig(CHROMIUM, "", true, 1280, 800, false);
        for (NetworkPolicy policy : List.of(NetworkPolicy.PUBLIC_ONLY, NetworkPolicy.PRIVATE_ALLOWED)) {
            try (PlaywrightBrowserManager browsers = new PlaywrightBrowserManager(config, 1, policy);
                 BrowserSession session = browsers.openSession(SessionOptions.fresh())) {
                int hitsBefore = pageHits.get();
                boolean browser = browserRefuses(session, url("/page"));
                boolean http = httpBlockRefuses(policy, url("/page"));
                assertThat(browser).as("browser, %s", policy).isEqualTo(http)
                        .isEqualTo(!policy.allowsPrivateNetwork());
                if (!policy.allowsPrivateNetwork()) {
                    assertThat(pageHits.get()).as("the refused page was never requested").isEqualTo(hitsBefore);
                }
                for (String metadata : List.of("http://169.254.169.254/latest/meta-data/", url("/to-metadata"))) {
                    assertThat(browserRefuses(session, metadata)).as("browser, %s, %s", policy, metadata).isTrue();
                }
                assertThat(httpBlockRefuses(policy, "http://169.254.169.254/latest/meta-data/")).isTrue();
            }
        }
    }
}
