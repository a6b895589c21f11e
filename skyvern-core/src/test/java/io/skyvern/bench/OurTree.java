package io.skyvern.bench;

import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.ElementNode;
import io.skyvern.browser.PageSnapshot;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our side of {@link ElementTreeBenchmark}: the production snapshot ({@link BrowserSession#snapshot()},
 * timed from the caller: settle, script, parse, render) and, separately, the in-page time of the same
 * snapshot script. The script and its arguments are read from {@code SnapshotReader} so that the
 * figures follow the production code whatever it becomes.
 */
final class OurTree {
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]+");
    private static final String TIMED = """
            const f = (0, eval)('(' + script + ')');
            const t0 = performance.now();
            const out = await f(opts);
            return {ms: performance.now() - t0};""";

    private final String script;
    private final Object limits;

    private OurTree(String script, Object limits) {
        this.script = script;
        this.limits = limits;
    }

    static OurTree load() throws ReflectiveOperationException {
        Class<?> reader = Class.forName("io.skyvern.browser.playwright.SnapshotReader");
        return new OurTree((String) field(reader, "SCRIPT"), Map.of("maxText", 100, "maxBlockText", field(reader, "MAX_BLOCK_TEXT")));
    }

    private static Object field(Class<?> type, String name) throws ReflectiveOperationException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }

    /** A production snapshot with its round trip in ms. */
    record Snap(PageSnapshot snapshot, double roundTripMs) {
    }

    Snap snapshot(BrowserSession session) {
        long t0 = System.nanoTime();
        PageSnapshot s = session.snapshot();
        return new Snap(s, (System.nanoTime() - t0) / 1e6);
    }

    /** In-page ms of one run of the snapshot script, as the page's clock measures it. */
    double buildMs(BrowserSession session) {
        Map<?, ?> r = (Map<?, ?>) session.evaluate(TIMED, Map.of("script", script, "opts", limits));
        return ((Number) r.get("ms")).doubleValue();
    }

    /** Interactable elements whose id the rendered tree shows. */
    static int shownIds(PageSnapshot s) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(s.renderedTree());
        while (m.find()) {
            words.add(m.group());
        }
        return (int) s.interactables().stream().map(ElementNode::id).filter(words::contains).count();
    }
}
