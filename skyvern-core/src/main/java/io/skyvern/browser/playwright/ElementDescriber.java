package io.skyvern.browser.playwright;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Frame;
import io.skyvern.browser.BrowserActionException;
import io.skyvern.browser.ElementDescriptor;
import io.skyvern.browser.PageAddress;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes an element of the latest snapshot durably ({@code descriptor.js} in its frame, plus the
 * CSS paths and document addresses of the iframes above it), and finds the one element a descriptor
 * names on the live page, giving it an action id when the snapshot had not. Lane thread only.
 */
final class ElementDescriber {
    private static final String LIB = load();
    private static final String DESCRIBE = "el => { " + LIB + "\n return JSON.stringify(describe(el)); }";
    private static final String CSS_PATH = "el => { " + LIB + "\n return cssPath(el); }";
    private static final String FIND = "([d, prefix]) => { " + LIB + "\n return JSON.stringify(find(d, prefix)); }";
    private static final Pattern ID = Pattern.compile("(f\\d+)?e\\d+");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private ElementDescriber() {
    }

    static ElementDescriptor describe(Tab tab, String elementId) {
        Object json = ElementLocator.locate(tab, elementId).evaluate(DESCRIBE);
        ElementDescriptor d = read(String.valueOf(json), ElementDescriptor.class);
        Matcher m = ID.matcher(elementId);
        if (m.matches() && m.group(1) != null) {
            Optional<Frame> frame = tab.frame(m.group(1));
            if (frame.isPresent()) {
                List<String> path = new ArrayList<>();
                List<String> urls = new ArrayList<>();
                for (Frame f = frame.get(); f.parentFrame() != null; f = f.parentFrame()) {
                    path.add(0, cssPathOf(f));
                    urls.add(0, PageAddress.of(f.url()));
                }
                return d.inFrames(path, urls);
            }
        }
        return d;
    }

    /** The action id of the one element matching {@code d}, or the reason there is none. */
    static Found find(Tab tab, ElementDescriptor d) {
        Frame frame = tab.page().mainFrame();
        String prefix = "";
        for (int level = 0; level < d.framePath().size(); level++) {
            String css = d.framePath().get(level);
            String url = level < d.frameUrls().size() ? d.frameUrls().get(level) : "";
            Optional<Frame> child = childFrame(frame, css, url);
            if (child.isEmpty()) {
                return new Found("", "the frame " + css + (url.isEmpty() ? "" : " (" + url + ")") + " is not on the page");
            }
            frame = child.get();
            prefix = tab.frameId(frame);
        }
        Map<String, Object> arg = MAPPER.convertValue(d, new TypeReference<>() { });
        Object json = frame.evaluate(FIND, List.of(arg, prefix));
        return read(String.valueOf(json), Found.class);
    }

    /**
     * The child frame of {@code parent} the script meant: the one at the recorded CSS path when its
     * document is still the recorded one (or none was recorded), else the only child frame showing
     * that document (the page moved or renamed its iframe), else the one at the CSS path anyway (its
     * document moved; the element search inside it decides).
     */
    private static Optional<Frame> childFrame(Frame parent, String css, String url) {
        Frame byCss = null;
        ElementHandle owner = parent.querySelector(css);
        if (owner != null) {
            try {
                byCss = owner.contentFrame();
            } finally {
                owner.dispose();
            }
        }
        if (byCss != null && (url.isEmpty() || PageAddress.of(byCss.url()).equals(url))) {
            return Optional.of(byCss);
        }
        if (!url.isEmpty()) {
            List<Frame> same = parent.childFrames().stream().filter(f -> PageAddress.of(f.url()).equals(url)).toList();
            if (same.size() == 1) {
                return Optional.of(same.get(0));
            }
        }
        return Optional.ofNullable(byCss);
    }

    /** {@code id} empty when nothing matched uniquely; {@code how} is the strategy that matched, or why none did. */
    record Found(String id, String how) {
    }

    /** The CSS path, in its parent's document, of the iframe that holds {@code frame}. */
    private static String cssPathOf(Frame frame) {
        ElementHandle owner = frame.frameElement();
        try {
            return String.valueOf(owner.evaluate(CSS_PATH));
        } finally {
            owner.dispose();
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new BrowserActionException("The element descriptor could not be read: " + e.getOriginalMessage(), e);
        }
    }

    private static String load() {
        try (InputStream in = ElementDescriber.class.getResourceAsStream("/io/skyvern/browser/descriptor.js")) {
            if (in == null) {
                throw new IllegalStateException("descriptor.js is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
