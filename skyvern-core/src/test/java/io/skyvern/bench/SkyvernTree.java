package io.skyvern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skyvern.browser.BrowserSession;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Skyvern's element tree of the current page, built and rendered by Skyvern's own code read at run
 * time from a checkout of its public repository: {@code domUtils.js} injected and
 * {@code buildTreeFromBody("main.frame", 0, [], false)} called as its scraper does, then its Python
 * cleanup, {@code trim_element_tree} and {@code json_to_html} (through {@code skyvern_tree.py}).
 * Nothing of Skyvern's is stored in this repository.
 */
final class SkyvernTree {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BUILD = """
            const t0 = performance.now();
            const result = await buildTreeFromBody('main.frame', 0, [], false);
            return {ms: performance.now() - t0, tree: result[1], elements: result[0].length};""";

    /** One call: in-page build time, the whole round trip (inject, flag, build), and the raw tree. */
    record Built(double buildMs, double roundTripMs, Object tree) {
    }

    /** The rendered tree and how many element ids it shows. */
    record Rendered(String html, int ids) {
    }

    private final String checkout;
    private final Path helper;
    private final String injection;

    private SkyvernTree(String checkout, Path helper, String injection) {
        this.checkout = checkout;
        this.helper = helper;
        this.injection = injection;
    }

    static SkyvernTree load(String checkout) throws IOException, InterruptedException {
        Path helper = Files.createTempFile("skyvern_tree", ".py");
        helper.toFile().deleteOnExit();
        try (InputStream in = SkyvernTree.class.getResourceAsStream("/bench/skyvern_tree.py")) {
            Files.write(helper, in.readAllBytes());
        }
        SkyvernTree t = new SkyvernTree(checkout, helper, "");
        return new SkyvernTree(checkout, helper, t.python("script", ""));
    }

    int injectionChars() {
        return injection.length();
    }

    /** As a Skyvern scrape: SkyvernFrame.create_instance injects the script, the flag is set, the tree built. */
    Built build(BrowserSession session) {
        long t0 = System.nanoTime();
        session.evaluate(injection, Map.of());
        session.evaluate("window.GlobalEnableEnrichedElementTree = false;", Map.of());
        Object r = session.evaluate(BUILD, Map.of());
        double rt = (System.nanoTime() - t0) / 1e6;
        Map<?, ?> m = (Map<?, ?>) r;
        return new Built(((Number) m.get("ms")).doubleValue(), rt, m.get("tree"));
    }

    Rendered render(Object tree) throws IOException, InterruptedException {
        JsonNode out = MAPPER.readTree(python("render", MAPPER.writeValueAsString(tree)));
        return new Rendered(out.path("html").asText(), out.path("ids").asInt());
    }

    private String python(String mode, String stdin) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("bench.python", "python3"), helper.toString(), checkout, mode));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread writer = new Thread(() -> {
            try (var out = p.getOutputStream()) {
                out.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        writer.join();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("skyvern_tree.py " + mode + " did not finish in 120 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("skyvern_tree.py " + mode + " failed (exit " + p.exitValue() + ")");
        }
        return text;
    }
}
