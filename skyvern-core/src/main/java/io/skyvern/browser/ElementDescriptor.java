package io.skyvern.browser;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to find an element again on a later load of its page, without the ephemeral ids a snapshot
 * gives: its ARIA role and accessible name, tag, label, placeholder and visible text, its stable
 * attributes ({@code id}, {@code name}, {@code data-testid}, {@code aria-*}, {@code href}…), a CSS
 * path and an XPath, the CSS paths of the iframes it sits in (outermost first; empty in the main
 * document) with the address of each frame's document ({@link PageAddress}: host, port and path,
 * no query; a frame that moved on its page is found again by it), and the text around it. A replay
 * tries them in that order and accepts a unique match only, whose role and name (its tag, when it
 * has no role) must still be the recorded ones.
 * Immutable.
 */
public record ElementDescriptor(String role, String name, String tag, String label, String placeholder, String text,
                                Map<String, String> attributes, @JsonProperty("css_path") String cssPath,
                                String xpath, @JsonProperty("frame_path") List<String> framePath,
                                @JsonProperty("near_text") String nearText,
                                @JsonProperty("frame_urls") List<String> frameUrls) {
    public ElementDescriptor {
        role = orEmpty(role);
        name = orEmpty(name);
        tag = orEmpty(tag);
        label = orEmpty(label);
        placeholder = orEmpty(placeholder);
        text = orEmpty(text);
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        cssPath = orEmpty(cssPath);
        xpath = orEmpty(xpath);
        framePath = framePath == null ? List.of() : List.copyOf(framePath);
        nearText = orEmpty(nearText);
        frameUrls = frameUrls == null ? List.of() : List.copyOf(frameUrls);
    }

    /** A descriptor without the frames' document addresses (as recorded before they were kept). */
    public ElementDescriptor(String role, String name, String tag, String label, String placeholder, String text,
                             Map<String, String> attributes, String cssPath, String xpath, List<String> framePath,
                             String nearText) {
        this(role, name, tag, label, placeholder, text, attributes, cssPath, xpath, framePath, nearText, List.of());
    }

    /** The same element, inside the iframes at {@code path} whose documents are at {@code urls} ({@link PageAddress}). */
    public ElementDescriptor inFrames(List<String> path, List<String> urls) {
        return new ElementDescriptor(role, name, tag, label, placeholder, text, attributes, cssPath, xpath, path,
                nearText, urls);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
