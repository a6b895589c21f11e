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
 * @param screen      where the node was when the snapshot was taken, in viewport heights: 0 on
 *                    screen, 1 within the next screen below, -1 within the one above (the page
 *                    budget keeps what is near the screen first)
 */
public record ElementNode(String id, String tag, Map<String, String> attributes, String text, String label,
                          List<ElementOption> options, int depth, String frame, boolean interactable, int screen) {
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

    /** A node on screen. */
    public ElementNode(String id, String tag, Map<String, String> attributes, String text, String label,
                       List<ElementOption> options, int depth, String frame, boolean interactable) {
        this(id, tag, attributes, text, label, options, depth, frame, interactable, 0);
    }

    /** This node with another label (the renderer names a field by the swatch before it). */
    public ElementNode withLabel(String newLabel) {
        return new ElementNode(id, tag, attributes, text, newLabel, options, depth, frame, interactable, screen);
    }

    /** This node with another text (an icon control named by its accessible name; a tag without its text). */
    public ElementNode withText(String newText) {
        return new ElementNode(id, tag, attributes, newText, label, options, depth, frame, interactable, screen);
    }

    /** The attribute value, or empty string when absent. */
    public String attribute(String name) {
        return attributes.getOrDefault(name, "");
    }
}
