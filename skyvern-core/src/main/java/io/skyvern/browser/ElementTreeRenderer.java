package io.skyvern.browser;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Renders snapshot nodes for the prompt, one per line, as HTML-like text indented by depth:
 * {@code <input id="e12" type="email" placeholder="Email">}. Fields show their bound label as a
 * {@code label} attribute; selects list their options on the following lines. The output is capped:
 * when the next line would pass the cap, a marker line says how many nodes were left out.
 * Pure and thread-safe.
 */
public final class ElementTreeRenderer {
    private static final Set<String> VOID_TAGS = Set.of("input", "img", "br", "hr", "area");
    private static final String INDENT = "  ";

    private final int maxChars;

    public ElementTreeRenderer(int maxChars) {
        if (maxChars < 200) {
            throw new IllegalArgumentException("maxChars must be >= 200, was " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /** The rendered text and whether it was cut. */
    public record Rendered(String text, boolean truncated) {
        public Rendered {
            Objects.requireNonNull(text, "text");
        }
    }

    public Rendered render(List<ElementNode> nodes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            String block = renderNode(nodes.get(i));
            String marker = truncationMarker(nodes.size() - i);
            if (sb.length() + block.length() + marker.length() > maxChars) {
                sb.append(marker);
                return new Rendered(sb.toString(), true);
            }
            sb.append(block);
        }
        return new Rendered(sb.toString(), false);
    }

    static String truncationMarker(int leftOut) {
        return "... [truncated: " + leftOut + " more elements not shown]\n";
    }

    /** One node, possibly several lines (a select and its options), each ending in a newline. */
    public String renderNode(ElementNode node) {
        String indent = INDENT.repeat(Math.min(node.depth(), 40));
        StringBuilder sb = new StringBuilder(indent).append('<').append(node.tag());
        if (!node.id().isEmpty()) {
            attr(sb, "id", node.id());
        }
        if (!node.label().isEmpty() && !node.label().equals(node.text())) {
            attr(sb, "label", node.label());
        }
        node.attributes().forEach((k, v) -> attr(sb, k, v));
        sb.append('>');
        if (!node.options().isEmpty()) {
            sb.append('\n');
            for (ElementOption o : node.options()) {
                sb.append(indent).append(INDENT).append("<option");
                attr(sb, "value", o.value());
                if (o.selected()) {
                    sb.append(" selected");
                }
                sb.append('>').append(escapeText(o.label())).append("</option>\n");
            }
            return sb.append(indent).append("</").append(node.tag()).append(">\n").toString();
        }
        if (VOID_TAGS.contains(node.tag()) || "iframe".equals(node.tag())) {
            return sb.append('\n').toString();
        }
        return sb.append(escapeText(node.text())).append("</").append(node.tag()).append(">\n").toString();
    }

    private static void attr(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name).append("=\"").append(escapeAttr(value)).append('"');
    }

    static String escapeAttr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace("\n", " ");
    }

    static String escapeText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ");
    }
}
