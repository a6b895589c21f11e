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
 * nowhere ({@code #}, {@code javascript:}), long hrefs but for the origin of another site's
 * (tracking parameters the model never needs), an href the link just before already showed (a product
 * card's title, image and rating all link to the product) and a {@code name} that only repeats the
 * field's label ({@code checkout[email]} on "Email") or belongs to a checkbox or a labelled radio; links in
 * table rows go without href (fifty {@code /admin/orders/5600002409221} cost a thousand tokens; the row's
 * text says which record a link opens and a click takes its id). One formatter per
 * rendering: it remembers the last href it wrote, so it is not thread-safe.
 */
final class NodeFormatter {
    private String lastHref = "";
    /** Inside a table row, links go unaddressed: the row's text names the record, and a click takes the id. */
    private boolean inRow;

    static final Set<String> VOID_TAGS = Set.of("input", "img", "br", "hr", "area", "iframe");
    private static final Set<String> FLAGS = Set.of("disabled", "required", "readonly", "multiple", "contenteditable");
    /** Options shown for one select; the model can still choose any other by its label. */
    static final int MAX_OPTIONS = 15;
    /** Longer hrefs are dropped or shown as their origin: goto_url takes the link's element_id and follows its full href. */
    private static final int MAX_HREF = 40;

    /** Whether what is formatted next lies in a table row (its links are written without href). */
    void inRow(boolean inRow) {
        this.inRow = inRow;
    }

    /** The opening tag with its attributes, and for a non-void tag its text and closing tag. */
    String format(ElementNode node) {
        node = named(node);
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

    /**
     * An icon control (no text, no label) shown with its accessible name as its text,
     * {@code <button id=e7>Wishlist</button>}: what a screen reader says, three tokens shorter than the attribute.
     */
    private static ElementNode named(ElementNode node) {
        if (!node.text().isEmpty() || !node.label().isEmpty() || !node.options().isEmpty() || VOID_TAGS.contains(node.tag())) {
            return node;
        }
        String name = node.attribute("aria-label").isEmpty() ? node.attribute("title") : node.attribute("aria-label");
        if (name.isBlank()) {
            return node;
        }
        return node.withText(name.strip());
    }

    private void appendAttribute(StringBuilder sb, ElementNode node, String name, String value) {
        switch (name) {
            case "type" -> {
                boolean defaultType = (node.tag().equals("button") && (value.equals("button") || value.equals("submit")))
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
                String href = inRow ? "" : href(value);
                if (!href.isEmpty() && !href.equals(lastHref)) {
                    attr(sb, name, href);
                }
                lastHref = href;
            }
            case "name" -> {
                if (!nameSaysNothing(node, value)) {
                    attr(sb, name, value);
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

    /**
     * A field name the model does not need: a labelled checkbox's or radio's (its label says what it is), or
     * one that only repeats the label ({@code checkout[email]} on "Email", {@code zip} on "ZIP code").
     */
    static boolean nameSaysNothing(ElementNode node, String name) {
        if (node.tag().equals("input") && node.attribute("type").equals("checkbox")) {
            return true;   // a box says what it is by its label or its row; selected[] or agree=1 adds nothing
        }
        String label = node.label().isEmpty() ? node.attribute("aria-label") : node.label();
        if (label.isEmpty()) {
            return false;
        }
        if (isChoice(node)) {
            return true;
        }
        String n = letters(name);
        String l = letters(label);
        return !n.isEmpty() && !l.isEmpty() && (n.contains(l) || (n.length() >= 3 && l.contains(n)));   // q is not in "Title or author"
    }

    private static String letters(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
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

    /**
     * An href worth showing: none for {@code #} and scripts; a long one (which the model could not
     * follow anyway once cut; goto_url takes the link's id) as its origin when it leads to another
     * site ({@code https://adclick.g.doubleclick.net/…}: whose link it is), else not at all (a
     * same-site path cut mid-slug only repeats the link's text).
     */
    static String href(String raw) {
        String h = raw.strip();
        String lower = h.toLowerCase(Locale.ROOT);
        if (h.isEmpty() || h.equals("#") || lower.startsWith("javascript:")) {
            return "";
        }
        if (h.length() <= MAX_HREF) {
            return h;
        }
        int scheme = h.indexOf("://");
        if (scheme < 0) {
            return "";
        }
        int path = h.indexOf('/', scheme + 3);
        String origin = path < 0 ? h : h.substring(0, path);
        return origin.length() > MAX_HREF ? origin.substring(0, MAX_HREF - 1) + "…" : origin + "/…";
    }

    static boolean same(String a, String b) {
        return !a.isEmpty() && normalize(a).equals(normalize(b));
    }

    static String normalize(String s) {
        return s.replaceAll("[\\s:*]+", " ").strip();
    }

    /** Values HTML allows unquoted (no space, quote, {@code = < >} or backtick; not ending in a slash). */
    private static final java.util.regex.Pattern BARE = java.util.regex.Pattern.compile("[\\w.:#?&%+,;@~()\\[\\]!$*/-]*[\\w.:#?&%+,;@~()\\[\\]!$*-]");

    /** {@code name=value}, quoted only when HTML needs it: quotes cost two tokens on every element. */
    private static void attr(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name).append('=');
        if (BARE.matcher(value).matches()) {
            sb.append(value);
        } else {
            sb.append('"').append(escapeAttr(value)).append('"');
        }
    }

    static String escapeAttr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace("\n", " ");
    }

    static String escapeText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ");
    }
}
