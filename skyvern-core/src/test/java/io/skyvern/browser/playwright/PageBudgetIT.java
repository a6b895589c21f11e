package io.skyvern.browser.playwright;

import com.sun.net.httpserver.HttpServer;
import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.ElementBox;
import io.skyvern.browser.ElementNode;
import io.skyvern.browser.PageSnapshot;
import io.skyvern.browser.SessionOptions;
import io.skyvern.browser.SetOfMarks;
import io.skyvern.config.BrowserConfig;
import io.skyvern.llm.TokenCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page far larger than the page budget in a real Chromium: the tree stays within the budget, says
 * how many rows are left out below, and the button at the very end is reachable by scrolling to it.
 */
class PageBudgetIT {
    private static final int BUDGET = 2_000;
    private static HttpServer server;
    private static PlaywrightBrowserManager manager;

    @BeforeAll
    static void start() throws IOException {
        TestBrowsers.onlyOncePerBuild();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/orders", ex -> {
            byte[] body = ordersPage().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        BrowserConfig base = TestBrowsers.config();
        manager = new PlaywrightBrowserManager(new BrowserConfig(base.executable(), "", true, 1280, 800, false,
                base.settleMs(), BUDGET), 1);
    }

    @AfterAll
    static void stop() {
        if (manager != null) {
            manager.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    /** 400 order rows (about 13 screens) and, after them, the button that loads more. */
    private static String ordersPage() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            rows.append("<tr><td>#").append(18000 + i).append("</td><td>Customer ").append(i)
                    .append("</td><td>$").append(10 + i).append(".00</td><td><button>View</button></td></tr>");
        }
        return "<!doctype html><html><head><title>Orders</title></head><body><h1>Orders</h1>"
                + "<label>Search <input name=q></label><table><tr><th>Order</th><th>Customer</th><th>Total</th>"
                + "<th></th></tr>" + rows + "</table>"
                + "<button onclick=\"this.textContent='All orders loaded'\">Load more orders</button></body></html>";
    }

    @Test
    void a_huge_page_fits_the_budget_says_what_is_below_and_its_last_button_is_reachable_by_scrolling() {
        TokenCounter o200k = TokenCounter.o200k();
        try (BrowserSession session = manager.openSession(SessionOptions.fresh())) {
            session.navigate("http://127.0.0.1:" + server.getAddress().getPort() + "/orders");
            PageSnapshot top = session.snapshot();
            String tree = top.renderedTree();

            assertThat(o200k.count(tree)).as(tree).isLessThanOrEqualTo(BUDGET);
            assertThat(tree).contains("<h1>Orders</h1>", "| #18000 | Customer 0 | $10.00 |", "label=Search")
                    .containsPattern("… \\d+ more rows( and \\d+ more lines?)? \\(\\d+ elements\\) below; scroll down to see them")
                    .doesNotContain("#18399", "Load more orders");
            assertThat(top.element("e1")).isPresent();

            session.scroll(0, 100_000);
            PageSnapshot bottom = session.snapshot();
            for (int i = 0; i < 20 && !bottom.renderedTree().contains("#18399"); i++) {
                session.waitFor(Duration.ofMillis(250));   // a wheel scroll lands a frame or two later
                bottom = session.snapshot();
            }
            assertThat(bottom.renderedTree()).as(bottom.renderedTree()).contains("#18399")
                    .containsPattern("… \\d+ more rows.* above; scroll up to see them");
            ElementNode more = bottom.interactables().stream().filter(e -> e.text().equals("Load more orders"))
                    .findFirst().orElseThrow();
            assertThat(bottom.renderedTree()).contains("<button id=" + more.id() + ">Load more orders</button>");

            session.click(more.id());
            assertThat(session.snapshot().renderedTree()).contains("All orders loaded");
        }
    }

    @Test
    void the_model_image_marks_only_elements_on_screen_and_is_a_jpeg_at_most_1280_wide() {
        try (BrowserSession session = manager.openSession(SessionOptions.fresh())) {
            session.navigate("http://127.0.0.1:" + server.getAddress().getPort() + "/orders");
            PageSnapshot s = session.snapshot();
            List<ElementBox> boxes = session.visibleBoxes();

            String search = s.interactables().get(0).id();
            String loadMore = s.interactables().get(s.interactables().size() - 1).id();
            assertThat(boxes).extracting(ElementBox::id).contains(search).doesNotContain(loadMore);
            assertThat(boxes).allMatch(b -> b.y() < 800 && b.y() + b.height() > 0);

            SetOfMarks.Marked marked = SetOfMarks.draw(session.screenshot(), boxes);
            assertThat(marked.mediaType()).isEqualTo("image/jpeg");
            assertThat(marked.bytes().length).isPositive();
        }
    }
}
