package io.skyvern.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Renders snapshot nodes for the prompt, compactly: every interactable element with its id and
 * every text a person can read, each said once. One line per node: elements as tags, text bare
 * (headings keep their tag, list items get a dash), indented one space per level
 * (at most {@value #MAX_INDENT}); a table row is one line of cells ({@code | #18342 | Jane | <a
 * id="e9">View</a> |}); a control whose text a paragraph or cell already shows is written inline
 * in that text instead of on a line of its own; a text that only repeats the label of a field in
 * it (a list item or label around a checkbox) is left out, the field carrying it as {@code label};
 * attributes are formatted by {@link NodeFormatter}. A page over the token budget is fitted by
 * {@link PageBudget} (what is on and near the screen first, the rest summarised with where it is);
 * the output is then capped in characters, a last safety net: when the next line would pass the cap,
 * a marker line says how many nodes were left out. Pure and thread-safe.
 */
public final class ElementTreeRenderer {
    static final int MAX_INDENT = 8;

    private final int maxChars;
    private final int pageTokens;
    private final ToIntFunction<String> tokens;

    /** A renderer with only the character cap (no token budget). */
    public ElementTreeRenderer(int maxChars) {
        this(maxChars, 0, text -> 0);
    }

    /**
     * @param maxChars   hard cap on the rendered text (a truncation marker ends it)
     * @param pageTokens the page's token budget ({@link PageBudget}); 0 for none
     * @param tokens     counts the tokens of a text (o200k in production)
     */
    public ElementTreeRenderer(int maxChars, int pageTokens, ToIntFunction<String> tokens) {
        if (maxChars < 200) {
            throw new IllegalArgumentException("maxChars must be >= 200, was " + maxChars);
        }
        if (pageTokens != 0 && pageTokens < MIN_PAGE_TOKENS) {
            throw new IllegalArgumentException("pageTokens must be 0 or >= " + MIN_PAGE_TOKENS + ", was " + pageTokens);
        }
        this.maxChars = maxChars;
        this.pageTokens = pageTokens;
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** The smallest page budget that still shows a screen of a page. */
    public static final int MIN_PAGE_TOKENS = 500;

    /** The rendered text and whether it was cut. */
    public record Rendered(String text, boolean truncated) {
        public Rendered {
            Objects.requireNonNull(text, "text");
        }
    }

    public Rendered render(List<ElementNode> nodes) {
        List<RenderedLine> lines = joinControls(lines(nodes, new NodeFormatter()));
        if (pageTokens > 0) {
            lines = PageBudget.fit(lines, pageTokens, tokens);
        }
        StringBuilder sb = new StringBuilder();
        int left = nodes.size();
        for (RenderedLine line : lines) {
            String marker = truncationMarker(left);
            if (sb.length() + line.text().length() + 1 + marker.length() > maxChars) {
                sb.append(marker);
                return new Rendered(sb.toString(), true);
            }
            if (!line.text().isEmpty()) {
                sb.append(line.text()).append('\n');
            }
            left -= line.nodes();
        }
        return new Rendered(sb.toString(), false);
    }

    /**
     * Runs of lines that are only elements at the same indentation (a swatch row, a toolbar) joined
     * on one line of at most {@value #MAX_JOINED} characters: a line break and its indentation cost a
     * token each. Headings stay on their own line; list items of one control each (a menu) become one
     * dashed line.
     */
    static List<RenderedLine> joinControls(List<RenderedLine> lines) {
        List<RenderedLine> out = new ArrayList<>(lines.size());
        for (RenderedLine line : lines) {
            RenderedLine last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (line.text().isEmpty() && last != null) {
                out.set(out.size() - 1, new RenderedLine(last.text(), last.nodes() + line.nodes(), last.screen()));
            } else if (last != null && isSeparator(line.text())) {
                // a breadcrumb's "/" or "›" goes after the crumb before it, not on a dashed line of its own
                String sep = line.text().strip().replaceFirst("^- ", "");
                out.set(out.size() - 1, new RenderedLine(last.text() + " " + sep, last.nodes() + line.nodes(), last.screen()));
            } else if (last != null && isControlLine(last.text()) && isControlLine(line.text())
                    && indentOf(last.text()) == indentOf(line.text())
                    && last.text().startsWith("- ", indentOf(last.text())) == line.text().startsWith("- ", indentOf(line.text()))
                    && last.text().length() + line.text().length() - indentOf(line.text()) < MAX_JOINED) {
                String next = line.text().strip();
                next = next.startsWith("- ") ? next.substring(2) : next;   // a run of list items: one dash for the run
                out.set(out.size() - 1, new RenderedLine(last.text() + " " + next, last.nodes() + line.nodes(), last.screen()));
            } else {
                out.add(line);
            }
        }
        return out;
    }

    static final int MAX_JOINED = 200;

    /** A short line of punctuation only ({@code - /}, {@code ›}, {@code |}): a separator between items. */
    static boolean isSeparator(String line) {
        String t = line.strip().replaceFirst("^- ", "");
        return !t.isEmpty() && t.length() <= 3 && t.codePoints().noneMatch(Character::isLetterOrDigit) && !t.startsWith("<");
    }

    private static boolean isControlLine(String line) {
        String t = line.strip();
        t = t.startsWith("- ") ? t.substring(2) : t;
        return t.startsWith("<") && t.endsWith(">") && !(t.length() > 2 && t.charAt(1) == 'h' && Character.isDigit(t.charAt(2)));
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    static String truncationMarker(int leftOut) {
        return "... [truncated: " + leftOut + " more elements not shown]\n";
    }

    /** One node alone, as a line (tests and callers that show a single element). */
    public String renderNode(ElementNode node) {
        return indent(node.depth()) + new NodeFormatter().format(node) + "\n";
    }

    private List<RenderedLine> lines(List<ElementNode> nodes, NodeFormatter formatter) {
        List<RenderedLine> lines = new ArrayList<>(nodes.size());
        boolean[] used = new boolean[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            if (used[i]) {
                continue;
            }
            ElementNode node = nodes.get(i);
            int end = subtreeEnd(nodes, i);
            if (node.tag().equals("tr") && node.id().isEmpty()) {
                lines.add(row(nodes, i, end, used, formatter));
            } else if (isEmptyLabel(node) && i + 1 < nodes.size() && isField(nodes.get(i + 1))) {
                used[i] = true;   // a swatch or custom box: the field after it says what it is
                lines.add(new RenderedLine("", 1, node.screen()));
                nodes = withLabel(nodes, i + 1, firstNonEmpty(node.attribute("title"), node.attribute("aria-label")));
            } else if (!node.text().isEmpty() && repeatsAFieldLabel(nodes, i, end)) {
                used[i] = true;
                lines.add(new RenderedLine("", 1, node.screen()));   // said by the field's label: no line, but counted
            } else if (!node.text().isEmpty() && node.options().isEmpty()) {
                lines.add(new RenderedLine(indent(node.depth()) + inline(nodes, i, end, used, formatter),
                        countUsed(used, i, end), node.screen()));
            } else {
                used[i] = true;
                lines.add(new RenderedLine(indent(node.depth()) + formatter.format(node), 1, node.screen()));
            }
        }
        return lines;
    }

    /** The node's text with the leaf controls under it whose text it contains written in place. */
    private static String inline(List<ElementNode> nodes, int at, int end, boolean[] used, NodeFormatter formatter) {
        ElementNode node = nodes.get(at);
        used[at] = true;
        String text = node.text();
        StringBuilder out = new StringBuilder();
        int cursor = 0;
        boolean placed = false;
        for (int k = at + 1; k < end; k++) {
            ElementNode child = nodes.get(k);
            if (!used[k] && isIconLeaf(nodes, k)) {
                // an icon control (named by aria-label, no text of its own) stays with the text it
                // sits in, after what came before it, not on a line after the whole block
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                out.append(formatter.format(child));
                used[k] = true;
                placed = true;
                continue;
            }
            if (used[k] || !isInlineLeaf(nodes, k)) {
                continue;
            }
            int found = wordAt(text, child.text(), cursor);
            if (found < 0) {
                continue;
            }
            out.append(NodeFormatter.escapeText(text.substring(cursor, found))).append(formatter.format(child));
            cursor = found + child.text().length();
            used[k] = true;
        }
        if (node.id().isEmpty()) {
            return plainText(node.tag(), out.append(NodeFormatter.escapeText(text.substring(cursor))).toString());
        }
        if (cursor == 0 && !placed) {
            return formatter.format(node);
        }
        out.append(NodeFormatter.escapeText(text.substring(cursor)));
        // an interactable with long text: its own tag around the text
        String open = formatter.format(node.withText(""));
        return open.substring(0, open.length() - ("</" + node.tag() + ">").length()) + out + "</" + node.tag() + ">";
    }

    /** Text is written bare (lines that do not start with a tag are text); headings keep theirs, list items a dash. */
    private static String plainText(String tag, String text) {
        if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
            return "<" + tag + ">" + text + "</" + tag + ">";
        }
        return tag.equals("li") ? "- " + text : text;
    }

    /** Where {@code word} occurs in {@code text} from {@code from} on as a whole word (not the 7 of 37%); -1 if not. */
    static int wordAt(String text, String word, int from) {
        for (int at = text.indexOf(word, from); at >= 0; at = text.indexOf(word, at + 1)) {
            int after = at + word.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))
                    || !Character.isLetterOrDigit(word.charAt(0));
            boolean endOk = after == text.length() || !Character.isLetterOrDigit(text.charAt(after))
                    || !Character.isLetterOrDigit(word.charAt(word.length() - 1));
            if (startOk && endOk) {
                return at;
            }
        }
        return -1;
    }

    /** A table row as one line: its cells' text, controls written in place, separated by bars. */
    private static RenderedLine row(List<ElementNode> nodes, int at, int end, boolean[] used, NodeFormatter formatter) {
        used[at] = true;
        formatter.inRow(true);
        StringBuilder sb = new StringBuilder(indent(nodes.get(at).depth())).append('|');
        for (int k = at + 1; k < end; k++) {
            if (used[k]) {
                continue;
            }
            ElementNode cell = nodes.get(k);
            int cellEnd = subtreeEnd(nodes, k);
            if (isEmptyLabel(cell) && k + 1 < end && isField(nodes.get(k + 1))) {
                used[k] = true;   // the row's checkbox follows and is what the model acts on
                continue;
            }
            String shown = !cell.text().isEmpty() && cell.options().isEmpty() ? inline(nodes, k, cellEnd, used, formatter)
                    : formatter.format(cell);
            used[k] = true;
            sb.append(' ').append(shown).append(" |");
        }
        formatter.inRow(false);
        return new RenderedLine(sb.toString(), end - at, nodes.get(at).screen());
    }

    /** Whether the text of node {@code at} only repeats the label of a field inside it or right after it. */
    private static boolean repeatsAFieldLabel(List<ElementNode> nodes, int at, int end) {
        ElementNode node = nodes.get(at);
        if (!node.options().isEmpty() || isField(node)) {
            return false;
        }
        int last = Math.min(nodes.size(), Math.max(end, at + 3));
        for (int k = at + 1; k < last; k++) {
            ElementNode other = nodes.get(k);
            if (isField(other) && NodeFormatter.same(other.label(), node.text())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmptyLabel(ElementNode node) {
        return node.interactable() && node.tag().equals("label") && node.text().isEmpty();
    }

    /** The list with the field at {@code at} given {@code label} when it has none. */
    private static List<ElementNode> withLabel(List<ElementNode> nodes, int at, String label) {
        ElementNode f = nodes.get(at);
        if (label.isEmpty() || !f.label().isEmpty()) {
            return nodes;
        }
        List<ElementNode> copy = new ArrayList<>(nodes);
        copy.set(at, f.withLabel(label));
        return copy;
    }

    private static String firstNonEmpty(String a, String b) {
        return a.isEmpty() ? b : a;
    }

    private static boolean isField(ElementNode node) {
        return node.interactable() && (node.tag().equals("input") || node.tag().equals("select")
                || node.tag().equals("textarea"));
    }

    /** An interactable without text of its own (an icon button named by aria-label), not a field, with nothing under it. */
    private static boolean isIconLeaf(List<ElementNode> nodes, int k) {
        ElementNode n = nodes.get(k);
        return n.interactable() && !n.id().isEmpty() && n.text().isEmpty() && n.options().isEmpty() && !isField(n)
                && !n.tag().equals("label") && subtreeEnd(nodes, k) == k + 1;
    }

    /** An interactable with text and nothing under it: it can be written inside its parent's text. */
    private static boolean isInlineLeaf(List<ElementNode> nodes, int k) {
        ElementNode n = nodes.get(k);
        return n.interactable() && !n.text().isEmpty() && n.options().isEmpty() && subtreeEnd(nodes, k) == k + 1;
    }

    /** The index after the last node nested under node {@code at} (deeper and contiguous). */
    private static int subtreeEnd(List<ElementNode> nodes, int at) {
        int depth = nodes.get(at).depth();
        int k = at + 1;
        while (k < nodes.size() && nodes.get(k).depth() > depth && nodes.get(k).frame().equals(nodes.get(at).frame())) {
            k++;
        }
        return k;
    }

    private static int countUsed(boolean[] used, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            n += used[k] ? 1 : 0;
        }
        return n;
    }

    private static String indent(int depth) {
        return " ".repeat(Math.min(depth, MAX_INDENT));
    }
}
