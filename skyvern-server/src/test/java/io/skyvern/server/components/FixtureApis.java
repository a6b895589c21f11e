package io.skyvern.server.components;

import com.sun.net.httpserver.HttpExchange;
import io.skyvern.common.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The server side of the fixture pages: the next pages of the infinite feed, the slow JSON of the
 * single-page app, and a CSV export. Values a scenario must find are made per site (random), so a
 * scenario cannot pass on a value written into the test.
 */
final class FixtureApis {
    static final int FEED_PAGES = 3;
    static final int FEED_PAGE_SIZE = 10;
    static final String ORDERS_CSV = "order,customer,total\n1001,Ada Lovelace,120.00\n1002,Alan Turing,75.50\n"
            + "1003,Grace Hopper,310.25\n";
    /** How long the single-page app's data (and the consent banner's) takes to arrive: they render after {@code load}. */
    static final long PLANS_DELAY_MS = 400;

    private final String quoteReference = "QR-" + randomHex();
    private final String ticket = "T-" + randomHex();

    private static String randomHex() {
        byte[] bytes = new byte[3];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /** Values pages show, written into them as {@code {{NAME}}}. */
    Map<String, String> placeholders() {
        StringBuilder firstPage = new StringBuilder();
        for (int n = 1; n <= FEED_PAGE_SIZE; n++) {
            firstPage.append(article(n));
        }
        return Map.of("TICKET", ticket, "FEED_PAGE_1", firstPage.toString());
    }

    /** The support ticket number the dialogs page shows only in an {@code alert}. */
    String ticket() {
        return ticket;
    }

    /** The quote reference the single-page app shows in the Team plan's details, only after a click. */
    String quoteReference() {
        return quoteReference;
    }

    /** Handles {@code path} when it is one of the endpoints; false when it is not. */
    boolean handle(HttpExchange ex, String path) throws IOException {
        switch (path) {
            case "/api/feed" -> feed(ex);
            case "/api/plans" -> plans(ex);
            case "/api/consent-config" -> consentConfig(ex);
            case "/export/orders.csv" -> {
                ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"orders.csv\"");
                ComponentSite.send(ex, 200, "text/csv; charset=utf-8", ORDERS_CSV.getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Page N of the feed (2..FEED_PAGES) as infinite-scroll fetches it: articles and, but on the last page, a next link. */
    private static void feed(HttpExchange ex) throws IOException {
        String q = ex.getRequestURI().getQuery();
        int page = q == null ? 0 : Integer.parseInt(FormBodies.parse(q).getOrDefault("page", "0"));
        if (page < 2 || page > FEED_PAGES) {
            ComponentSite.send(ex, 404, "text/html", "<p>No more articles</p>".getBytes(StandardCharsets.UTF_8));
            return;
        }
        StringBuilder html = new StringBuilder("<!doctype html><html><body><div class=\"feed\">");
        for (int n = (page - 1) * FEED_PAGE_SIZE + 1; n <= page * FEED_PAGE_SIZE; n++) {
            html.append(article(n));
        }
        html.append("</div>");
        if (page < FEED_PAGES) {
            html.append("<a class=\"feed-next\" href=\"/api/feed?page=").append(page + 1).append("\">Next</a>");
        }
        ComponentSite.send(ex, 200, "text/html; charset=utf-8", html.append("</body></html>").toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    private static final List<String> TOPICS = List.of("Harbour lights", "Winter gardens", "Night trains",
            "Paper maps", "Tide tables", "Old bridges", "Glass houses", "Salt roads", "Quiet rivers", "Stone walls");

    /** One article of the feed, as page 1 (static) also writes it. */
    static String article(int n) {
        return "<article class=\"article\"><h2>Article " + n + ": " + TOPICS.get((n - 1) % TOPICS.size()) + "</h2>"
                + "<p>Notes and pictures for reader issue " + n + ".</p>"
                + "<button type=\"button\" class=\"save\" data-article=\"" + n + "\">Save article " + n + "</button></article>";
    }

    /** What a consent manager loads before it shows its banner: the banner comes after {@code load}. */
    private static void consentConfig(HttpExchange ex) throws IOException {
        pause(PLANS_DELAY_MS);
        ComponentSite.send(ex, 200, "application/json", Json.mapper().writeValueAsBytes(Map.of(
                "message", "We use cookies to measure our audience and show you relevant offers.",
                "allow", "Allow cookies", "deny", "Decline")));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void plans(HttpExchange ex) throws IOException {
        pause(PLANS_DELAY_MS);
        List<Map<String, Object>> plans = new ArrayList<>();
        plans.add(Map.of("id", "solo", "name", "Solo", "price", 9, "description",
                "One seat, community support and the standard export formats for a single person."));
        plans.add(Map.of("id", "team", "name", "Team", "price", 49, "description",
                "Twenty seats, shared workspaces, audit history and priority support within one business day. "
                        + "Your quote reference is " + quoteReference + "; give it when you call sales."));
        plans.add(Map.of("id", "enterprise", "name", "Enterprise", "price", 199, "description",
                "Unlimited seats, single sign-on, a dedicated manager and a contract of your own."));
        ComponentSite.send(ex, 200, "application/json", Json.mapper().writeValueAsBytes(plans));
    }
}
