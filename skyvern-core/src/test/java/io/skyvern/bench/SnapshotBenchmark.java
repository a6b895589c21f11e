package io.skyvern.bench;

import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.PageSnapshot;
import io.skyvern.browser.SessionOptions;
import io.skyvern.browser.playwright.PlaywrightBrowserManager;
import io.skyvern.config.BrowserConfig;
import io.skyvern.testing.FixtureSite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Prints, for each fixture page, the median time of a snapshot, of a screenshot and of both
 * together over {@code RUNS} runs, and the rendered tree's size against the page's HTML size.
 * Run: {@code java -cp <test classpath> io.skyvern.bench.SnapshotBenchmark [chromium path]}.
 */
public final class SnapshotBenchmark {
    private static final int RUNS = 10;
    private static final List<String> PAGES = List.of("/", "/login", "/form/step1", "/form/step2?name=a&email=b",
            "/products", "/list?page=2", "/dynamic", "/download", "/iframe", "/widgets");

    private SnapshotBenchmark() {
    }

    public static void main(String[] args) {
        String exe = args.length > 0 ? args[0] : "/usr/bin/chromium";
        BrowserConfig config = new BrowserConfig(exe, "", true, 1280, 800, false);
        try (FixtureSite site = FixtureSite.start();
             PlaywrightBrowserManager manager = new PlaywrightBrowserManager(config, 1);
             BrowserSession session = manager.openSession(SessionOptions.fresh())) {
            System.out.printf("%-28s %9s %9s %9s %8s %8s %7s %6s%n", "page", "snap ms", "shot ms", "both ms",
                    "tree ch", "html ch", "ratio", "nodes");
            for (String page : PAGES) {
                session.navigate(site.url(page));
                session.snapshot();
                session.screenshot(); // warm up
                List<Double> snap = new ArrayList<>();
                List<Double> shot = new ArrayList<>();
                List<Double> both = new ArrayList<>();
                PageSnapshot last = null;
                for (int i = 0; i < RUNS; i++) {
                    long t0 = System.nanoTime();
                    last = session.snapshot();
                    long t1 = System.nanoTime();
                    session.screenshot();
                    long t2 = System.nanoTime();
                    snap.add((t1 - t0) / 1e6);
                    shot.add((t2 - t1) / 1e6);
                    both.add((t2 - t0) / 1e6);
                }
                int tree = last.renderedTree().length();
                System.out.printf("%-28s %9.1f %9.1f %9.1f %8d %8d %6.0f%% %6d%n", page, median(snap), median(shot),
                        median(both), tree, last.htmlSize(), 100.0 * tree / Math.max(1, last.htmlSize()),
                        last.elements().size());
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
