package io.skyvern.browser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

/**
 * Fits a rendered page into a token budget ({@code SKYVERN_PROMPT_PAGE_TOKENS}). A page within the
 * budget is left whole. A larger one keeps, in this order, what is on screen, what is within one
 * screen of it, the lines with elements further away, then other text by distance; what is left out
 * becomes one line per run of left-out lines saying how much and where, {@code … 38 more rows below;
 * scroll down to see them}, so the model knows to scroll rather than think the page ends there.
 * Kept lines stay in page order. Each summary line is paid for when choosing (a line kept between
 * two left-out runs costs a summary more). Pure and thread-safe.
 */
final class PageBudget {
    /** What one summary line costs, about, in tokens. */
    static final int SUMMARY_TOKENS = 16;
    /** A line on screen too long for what is left of the budget is cut when at least this much is left. */
    private static final int MIN_CUT_TOKENS = 64;

    private PageBudget() {
    }

    static List<RenderedLine> fit(List<RenderedLine> lines, int budget, ToIntFunction<String> tokens) {
        int[] cost = new int[lines.size()];
        long total = 0;
        for (int i = 0; i < cost.length; i++) {
            cost[i] = lines.get(i).text().isEmpty() ? 0 : tokens.applyAsInt(lines.get(i).text()) + 1;
            total += cost[i];
        }
        if (total <= budget) {
            return lines;
        }
        boolean[] kept = new boolean[lines.size()];
        String[] shown = lines.stream().map(RenderedLine::text).toArray(String[]::new);
        int used = SUMMARY_TOKENS;   // the page is cut: at least one summary
        List<Integer> order = IntStream.range(0, lines.size()).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> tier(lines.get(i)))
                        .thenComparingInt(i -> Math.abs(lines.get(i).screen())).thenComparingInt(i -> i))
                .toList();
        for (int i : order) {
            int delta = cost[i] + SUMMARY_TOKENS * gapChange(kept, i);
            if (used + delta <= budget) {
                kept[i] = true;
                used += delta;
            } else if (lines.get(i).screen() == 0 && budget - used - SUMMARY_TOKENS >= MIN_CUT_TOKENS) {
                shown[i] = cut(shown[i], budget - used - SUMMARY_TOKENS, tokens);
                kept[i] = true;
                used += tokens.applyAsInt(shown[i]) + 1 + SUMMARY_TOKENS * gapChange(kept, i);
            }
        }
        return assemble(lines, kept, shown);
    }

    /** Lower comes first: on screen, near it, lines with elements, other text. */
    private static int tier(RenderedLine line) {
        int away = Math.abs(line.screen());
        if (away == 0) {
            return 0;
        }
        return away == 1 ? 1 : line.ids() > 0 ? 2 : 3;
    }

    /** How the number of left-out runs changes when line {@code i} is kept (edges count as kept). */
    private static int gapChange(boolean[] kept, int i) {
        boolean left = i == 0 || kept[i - 1];
        boolean right = i == kept.length - 1 || kept[i + 1];
        return left && right ? -1 : !left && !right ? 1 : 0;
    }

    /** The start of a line too long for the budget, cut at a word where it can be. */
    private static String cut(String text, int maxTokens, ToIntFunction<String> tokens) {
        int chars = Math.min(text.length(), maxTokens * 3);
        String part = text.substring(0, chars);
        while (part.length() > 10 && tokens.applyAsInt(part) + 2 > maxTokens) {
            part = part.substring(0, part.length() * 3 / 4);
        }
        int space = part.lastIndexOf(' ');
        return (space > part.length() / 2 ? part.substring(0, space) : part) + " …";
    }

    private static List<RenderedLine> assemble(List<RenderedLine> lines, boolean[] kept, String[] shown) {
        List<RenderedLine> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (kept[i] || lines.get(i).text().isEmpty()) {
                out.add(new RenderedLine(shown[i], lines.get(i).nodes(), lines.get(i).screen()));
                i++;
                continue;
            }
            int end = i;
            while (end < lines.size() && !kept[end]) {
                end++;
            }
            List<RenderedLine> run = lines.subList(i, end);
            out.add(new RenderedLine(summary(run), run.stream().mapToInt(RenderedLine::nodes).sum(), run.get(0).screen()));
            i = end;
        }
        return out;
    }

    /** {@code … 38 more rows and 4 more lines (12 elements) below; scroll down to see them}. */
    static String summary(List<RenderedLine> run) {
        int rows = 0;
        int others = 0;
        int ids = 0;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (RenderedLine l : run) {
            if (l.text().isEmpty()) {
                continue;
            }
            if (l.isRow()) {
                rows++;
            } else {
                others++;
            }
            ids += l.ids();
            min = Math.min(min, l.screen());
            max = Math.max(max, l.screen());
        }
        StringBuilder sb = new StringBuilder("… ");
        if (rows > 0) {
            sb.append(rows).append(rows == 1 ? " more row" : " more rows");
        }
        if (others > 0) {
            sb.append(rows > 0 ? " and " : "").append(others).append(others == 1 ? " more line" : " more lines");
        }
        if (ids > 0) {
            sb.append(" (").append(ids).append(ids == 1 ? " element)" : " elements)");
        }
        if (min > 0) {
            return sb.append(" below; scroll down to see them").toString();
        }
        if (max < 0) {
            return sb.append(" above; scroll up to see them").toString();
        }
        return sb.append(" not shown here (page token budget)").toString();
    }
}
