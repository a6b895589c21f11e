package io.skyvern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skyvern.agent.AgentPrompt;
import io.skyvern.agent.PromptBuilder;
import io.skyvern.agent.StepContext;
import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.PageSnapshot;
import io.skyvern.browser.SessionOptions;
import io.skyvern.browser.playwright.PlaywrightBrowserManager;
import io.skyvern.config.BrowserConfig;
import io.skyvern.llm.TokenCounter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the model sees (not a test): for each benchmark page, Skyvern's element tree and ours side
 * by side in the same headless Chromium, one session: rendered characters, o200k tokens, element ids
 * shown, in-page build ms and evaluate round trip ms (cold: first call after a fresh load; warm:
 * median of {@code bench.warm} more calls), our whole first-step prompt, and the ratios ours/Skyvern.
 * Skyvern's code is read at run time from the checkout given as {@code -Dbench.skyvern=/path}.
 * Run: {@code mvn -q -pl skyvern-core -am test-compile exec:java@tree-bench -Dbench.skyvern=/path/to/skyvern}
 * ({@code -Dbench.warm=N} warm runs, {@code -Dbench.dump=/tmp/dir} to write both renderings for reading).
 */
public final class ElementTreeBenchmark {
    private static final String CHROMIUM = System.getProperty("bench.chromium", "/usr/bin/chromium");
    private static final int WARM = Integer.getInteger("bench.warm", 5);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A page and the goal a user would plausibly give on it, with the data a task would carry. */
    record BenchPage(String file, String goal, JsonNode payload) {
    }

    /** The figures of one page. */
    record Row(String page, int htmlChars, int skyChars, int skyTokens, int skyIds, Times sky,
               int ourChars, int ourTokens, int ourIds, int promptChars, int promptTokens, Times ours) {
    }

    /** Cold and warm-median in-page build and round-trip times in ms. */
    record Times(double buildCold, double buildWarm, double rtCold, double rtWarm) {
    }

    private ElementTreeBenchmark() {
    }

    static List<BenchPage> pages() {
        JsonNode buyer = MAPPER.valueToTree(Map.of("email", "jordan.lee@example.com", "first_name", "Jordan",
                "last_name", "Lee", "address", "418 Alder Street, Apt 3B", "city", "Portland", "state", "Oregon",
                "zip", "97205", "card_number", "{{secret:card_number}}", "card_expiry", "{{secret:card_expiry}}",
                "card_cvc", "{{secret:card_cvc}}"));
        return List.of(
                new BenchPage("shop-category.html", "Show only waterproof Ridgeline jackets in size M, then add the "
                        + "cheapest one to the cart.", null),
                new BenchPage("checkout.html", "Fill in the checkout with the user's details, choose standard "
                        + "shipping, pay by credit card and place the order.", buyer),
                new BenchPage("news-article.html", "Find the comment by civil_eng_retired about the cost per foot "
                        + "and like it.", null),
                new BenchPage("admin-orders.html", "Refund order #18377 from its row's More actions menu.", null));
    }

    public static void main(String[] args) throws Exception {
        String checkout = System.getProperty("bench.skyvern", "");
        if (checkout.isBlank()) {
            System.err.println("Give a checkout of github.com/Skyvern-AI/skyvern: -Dbench.skyvern=/path (a work tree or a git dir)");
            System.exit(2);
        }
        SkyvernTree skyvern = SkyvernTree.load(checkout);
        OurTree ours = OurTree.load();
        TokenCounter tokens = TokenCounter.o200k();
        List<Row> rows = new ArrayList<>();
        BrowserConfig config = new BrowserConfig(CHROMIUM, "", true, 1280, 800, false);
        try (BenchPageServer server = BenchPageServer.start();
             PlaywrightBrowserManager manager = new PlaywrightBrowserManager(config, 1);
             BrowserSession session = manager.openSession(SessionOptions.fresh())) {
            session.navigate(server.url("checkout.html"));  // warm-up: browser start, JIT of both paths
            skyvern.build(session);
            ours.snapshot(session);
            for (BenchPage page : pages()) {
                rows.add(measure(session, server.url(page.file()), page, skyvern, ours, tokens));
            }
        }
        BenchTable.print(rows, checkout, skyvern.injectionChars(), WARM);
        System.exit(0);
    }

    private static Row measure(BrowserSession session, String url, BenchPage page, SkyvernTree skyvern, OurTree ours,
                               TokenCounter tokens) throws Exception {
        session.navigate(url);
        SkyvernTree.Built cold = skyvern.build(session);
        List<Double> build = new ArrayList<>();
        List<Double> rt = new ArrayList<>();
        SkyvernTree.Built last = cold;
        for (int i = 0; i < WARM; i++) {
            last = skyvern.build(session);
            build.add(last.buildMs());
            rt.add(last.roundTripMs());
        }
        Times skyTimes = new Times(cold.buildMs(), median(build), cold.roundTripMs(), median(rt));
        SkyvernTree.Rendered sky = skyvern.render(last.tree());

        session.navigate(url);
        OurTree.Snap ourCold = ours.snapshot(session);
        List<Double> ourRt = new ArrayList<>();
        OurTree.Snap snap = ourCold;
        for (int i = 0; i < WARM; i++) {
            snap = ours.snapshot(session);
            ourRt.add(snap.roundTripMs());
        }
        session.navigate(url);
        double buildCold = ours.buildMs(session);
        List<Double> ourBuild = new ArrayList<>();
        for (int i = 0; i < WARM; i++) {
            ourBuild.add(ours.buildMs(session));
        }
        Times ourTimes = new Times(buildCold, median(ourBuild), ourCold.roundTripMs(), median(ourRt));

        PageSnapshot s = snap.snapshot();
        String tree = s.renderedTree();
        AgentPrompt prompt = new PromptBuilder().actionPrompt(new StepContext(page.goal(), null, page.payload(),
                Map.of(), s.url(), s.title(), tree, "", "", List.of(), s.tabs(), 1, 10));
        String promptText = prompt.system() + "\n\n" + prompt.user();
        dump(page.file(), sky.html(), promptText);
        return new Row(page.file().replace(".html", ""), s.htmlSize(), sky.html().length(), tokens.count(sky.html()),
                sky.ids(), skyTimes, tree.length(), tokens.count(tree), OurTree.shownIds(s), promptText.length(),
                tokens.count(promptText), ourTimes);
    }

    /** With -Dbench.dump=DIR, writes both renderings there for reading (never into the repository). */
    private static void dump(String file, String skyvernHtml, String ourPrompt) throws java.io.IOException {
        String dir = System.getProperty("bench.dump", "");
        if (!dir.isBlank()) {
            java.nio.file.Path d = java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
            java.nio.file.Files.writeString(d.resolve(file.replace(".html", ".skyvern.html")), skyvernHtml);
            java.nio.file.Files.writeString(d.resolve(file.replace(".html", ".ours.txt")), ourPrompt);
        }
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
