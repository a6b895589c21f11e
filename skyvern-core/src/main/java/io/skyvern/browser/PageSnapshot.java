package io.skyvern.browser;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the agent sees of a page at one moment.
 *
 * @param url          the page URL
 * @param title        the document title
 * @param elements     interactable elements and visible text blocks, in document order
 * @param renderedTree {@link #elements()} rendered for the prompt (one element per line, capped)
 * @param htmlSize     length in chars of the main document's outer HTML, for comparison
 * @param truncated    whether the rendered tree was cut at the size cap
 * @param took         how long taking the snapshot took
 * @param tabs         the session's open tabs, the current one marked (empty when unknown)
 * @param settle       what the snapshot waited for before reading the page
 */
public record PageSnapshot(String url, String title, List<ElementNode> elements, String renderedTree,
                           int htmlSize, boolean truncated, Duration took, List<TabInfo> tabs, SettleReport settle) {
    public PageSnapshot {
        tabs = List.copyOf(tabs == null ? List.of() : tabs);
        settle = settle == null ? SettleReport.NONE : settle;
        Objects.requireNonNull(url, "url");
        title = title == null ? "" : title;
        elements = List.copyOf(elements);
        Objects.requireNonNull(renderedTree, "renderedTree");
        Objects.requireNonNull(took, "took");
    }

    /** A snapshot of a single-tab session that did not wait. */
    public PageSnapshot(String url, String title, List<ElementNode> elements, String renderedTree,
                        int htmlSize, boolean truncated, Duration took) {
        this(url, title, elements, renderedTree, htmlSize, truncated, took, List.of(), SettleReport.NONE);
    }

    /** The interactable element with this id, if the snapshot has it. */
    public Optional<ElementNode> element(String id) {
        return elements.stream().filter(e -> e.interactable() && e.id().equals(id)).findFirst();
    }

    /** Only the elements actions can target. */
    public List<ElementNode> interactables() {
        return elements.stream().filter(ElementNode::interactable).toList();
    }

    /** All visible text of the snapshot, one node per line, for reading and extraction. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (ElementNode e : elements) {
            if (!e.text().isEmpty()) {
                sb.append(e.text()).append('\n');
            }
        }
        return sb.toString();
    }
}
