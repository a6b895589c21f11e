package io.skyvern.browser;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a page snapshot: an interactable element (with an {@link #id()} such as {@code e12},
 * or {@code f1e3} inside the first iframe) or a visible block of text (empty id).
 *
 * @param id          the element id actions take; empty for text blocks and frame markers
 * @param tag         lower-case tag name
 * @param attributes  the attributes that help choose an element, in a stable order
 * @param text        visible text, trimmed and capped
 * @param label       the text of the label bound to a field (for/wrapping/aria-labelledby), or empty
 * @param options     the options of a select, else empty
 * @param depth       nesting among the emitted nodes (0 = top level), for indentation
 * @param frame       the frame id ({@code f1}…) or empty for the main document
 * @param interactable whether actions may target this node
 */
public record ElementNode(String id, String tag, Map<String, String> attributes, String text, String label,
                          List<ElementOption> options, int depth, String frame, boolean interactable) {
    public ElementNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tag, "tag");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(attributes, "attributes")));
        text = text == null ? "" : text;
        label = label == null ? "" : label;
        options = List.copyOf(options == null ? List.of() : options);
        frame = frame == null ? "" : frame;
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be >= 0");
        }
    }

    /** The attribute value, or empty string when absent. */
    public String attribute(String name) {
        return attributes.getOrDefault(name, "");
    }
}
