package io.skyvern.browser.playwright;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.skyvern.browser.ElementNode;
import io.skyvern.browser.ElementOption;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds {@code io/skyvern/browser/snapshot.js} (run in one frame at a time by
 * {@link FrameSnapshotter}) and turns its JSON answer into element nodes. The script returns a
 * JSON string rather than an object so that one Jackson pass, not Playwright's value protocol,
 * carries the (possibly large) tree. Thread-safe.
 */
final class SnapshotReader {
    static final String SCRIPT = loadScript();
    /**
     * The longest text of one block (a paragraph, a comment): long enough that an article's
     * paragraphs are never cut; the renderer's token budget decides what of a large page is shown.
     */
    static final int MAX_BLOCK_TEXT = 20_000;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * The raw result of one run of the script; {@code sinceMutationMs} is how long ago the frame's
     * DOM last changed (-1 when unknown), {@code animatingMs} how long its longest short running
     * animation still has to go (0 when none).
     */
    record Raw(String url, String title, int htmlSize, List<ElementNode> elements, double sinceMutationMs,
               double animatingMs) {
        Raw(String url, String title, int htmlSize, List<ElementNode> elements) {
            this(url, title, htmlSize, elements, -1, 0);
        }
    }

    /** The script's argument for a frame whose ids start with {@code prefix} ({@code ""} or {@code f2}). */
    static Map<String, Object> options(String prefix, String topOrigin) {
        return Map.of("maxText", 100, "maxBlockText", SnapshotReader.MAX_BLOCK_TEXT, "prefix", prefix, "topOrigin", topOrigin);
    }

    /** The script's argument for the page-change guard's probe. */
    static Map<String, Object> probeOptions() {
        return Map.of("probe", true);
    }

    static Raw parse(String json) throws JsonProcessingException {
        JsonNode root = MAPPER.readTree(json);
        List<ElementNode> nodes = new ArrayList<>();
        for (JsonNode n : root.path("elements")) {
            Map<String, String> attrs = new LinkedHashMap<>();
            n.path("attributes").fields().forEachRemaining(f -> attrs.put(f.getKey(), f.getValue().asText()));
            List<ElementOption> options = new ArrayList<>();
            for (JsonNode o : n.path("options")) {
                options.add(new ElementOption(o.path("value").asText(), o.path("label").asText(),
                        o.path("selected").asBoolean()));
            }
            nodes.add(new ElementNode(n.path("id").asText(), n.path("tag").asText(), attrs,
                    n.path("text").asText(), n.path("label").asText(), options, n.path("depth").asInt(),
                    n.path("frame").asText(), n.path("interactable").asBoolean(), n.path("screen").asInt(0)));
        }
        return new Raw(root.path("url").asText(), root.path("title").asText(), root.path("htmlSize").asInt(), nodes,
                root.path("sinceMutation").asDouble(-1), root.path("animating").asDouble(0));
    }

    private static String loadScript() {
        try (InputStream in = SnapshotReader.class.getResourceAsStream("/io/skyvern/browser/snapshot.js")) {
            if (in == null) {
                throw new IllegalStateException("snapshot.js is missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Drop the leading comment lines: evaluate() wants the function expression itself.
            return text.lines().dropWhile(l -> l.startsWith("//")).reduce("", (a, b) -> a + b + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
