package io.skyvern.browser;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Formats one snapshot node as HTML-like text for the model, {@code <input id="e12" type="email"
 * placeholder="Email">}, leaving out what says nothing: {@code checked="false"} (a checked box says
 * {@code checked}), boolean attributes spelled out, a {@code value} or {@code title} that repeats the
 * visible text, a select's {@code selected} attribute (its options mark it), {@code href}s that go
 * nowhere ({@code #}, {@code javascript:}) and the query strings of long links to other sites
 * (tracking parameters the model never needs). Pure and thread-safe.
 */
final class NodeFormatter {
    static final Set<String> VOID_TAGS = Set.of("input", "img", "br", "hr", "area", "iframe");
    private static final Set<String> FLAGS = Set.of("disabled", "required", "readonly", "multiple", "contenteditable");
    /** Options shown for one select; the model can still choose any other by its label. */
    static final int MAX_OPTIONS = 25;
    private static final int MAX_HREF = 48;

    /** The opening tag with its attributes, and for a non-void tag its text and closing tag. */
    String format(ElementNode node) {
        StringBuilder sb = new StringBuilder("<").append(node.tag());
        if (!node.id().isEmpty()) {
            attr(sb, "id", node.id());
        }
        String text = node.text();
        if (!node.label().isEmpty() && !same(node.label(), text)) {
            attr(sb, "label", node.label());
        }
        for (Map.Entry<String, String> a : node.attributes().entrySet()) {
            appendAttribute(sb, node, a.getKey(), a.getValue());
        }
        sb.append('>');
        if (!node.options().isEmpty()) {
            return sb.append(options(node.options())).append("</").append(node.tag()).append('>').toString();
        }
        if (VOID_TAGS.contains(node.tag())) {
            return sb.toString();
        }
        return sb.append(escapeText(text)).append("</").append(node.tag()).append('>').toString();
    }

    private static void appendAttribute(StringBuilder sb, ElementNode node, String name, String value) {
        switch (name) {
            case "type" -> {
                boolean defaultType = (node.tag().equals("button") && value.equals("button"))
                        || (node.tag().equals("input") && value.equals("text"));
                if (!defaultType) {
                    attr(sb, name, value);
                }
            }

            case "checked" -> {
                if (value.equals("true")) {
                    sb.append(" checked");
                } else if (!value.equals("false")) {
                    attr(sb, name, value);      // aria-checked="mixed"
                }
            }
            case "selected" -> {
                if (node.options().isEmpty()) {
                    attr(sb, name, value);
                }
            }
            case "value", "title", "aria-label" -> {
                if (!same(value, node.text()) && !same(value, node.label()) && !(name.equals("value") && saysNothing(node, value))) {
                    attr(sb, name, value);
                }
            }
            case "href" -> {
                String href = href(value);
                if (!href.isEmpty()) {
                    attr(sb, name, href);
                }
            }
            default -> {
                if (FLAGS.contains(name) && value.equals("true")) {
                    sb.append(' ').append(name);
                } else if (!value.isEmpty()) {
                    attr(sb, name, value);
                }
            }
        }
    }

    /** A checkbox's {@code on}, a record id ({@code 5600002409221}) or a value its label already says. */
    private static boolean saysNothing(ElementNode node, String value) {
        if (!isChoice(node)) {
            return false;
        }
        return value.equals("on") || value.matches("[0-9a-fA-F-]{8,}") || node.label().contains(value);
    }

    private static boolean isChoice(ElementNode node) {
        String type = node.attribute("type");
        return node.tag().equals("input") && (type.equals("checkbox") || type.equals("radio"));
    }

    /** Options on one line by their labels, {@code Germany | Japan (selected) | …} (select_option takes a label). */
    static String options(List<ElementOption> options) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (ElementOption o : options) {
            if (shown == MAX_OPTIONS && !o.selected()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            sb.append(escapeText(o.label().isEmpty() ? o.value() : o.label()));
            if (o.selected()) {
                sb.append(" (selected)");
            }
            shown++;
        }
        if (options.size() > shown) {
            sb.append(" | … ").append(options.size() - shown).append(" more options");
        }
        return sb.toString();
    }

    /** An href worth showing: none for {@code #} and scripts; long foreign links without their query. */
    static String href(String raw) {
        String h = raw.strip();
        String lower = h.toLowerCase(Locale.ROOT);
        if (h.isEmpty() || h.equals("#") || lower.startsWith("javascript:")) {
            return "";
        }
        if (h.length() > MAX_HREF && (h.contains("?") || h.contains("#"))) {
            int cut = h.contains("?") ? h.indexOf('?') : h.indexOf('#');
            h = h.substring(0, cut) + h.charAt(cut) + "…";
        }
        return h.length() > MAX_HREF ? h.substring(0, MAX_HREF - 1) + "…" : h;
    }

    static boolean same(String a, String b) {
        return !a.isEmpty() && normalize(a).equals(normalize(b));
    }

    static String normalize(String s) {
        return s.replaceAll("[\\s:*]+", " ").strip();
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
