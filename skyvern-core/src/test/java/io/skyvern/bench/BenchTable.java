package io.skyvern.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Prints {@link ElementTreeBenchmark}'s figures: sizes, then times, per page and in total, with ratios ours/Skyvern. */
final class BenchTable {
    private BenchTable() {
    }

    static void print(List<ElementTreeBenchmark.Row> rows, String checkout, int injectionChars, int warm) {
        System.out.printf("== Element tree benchmark: Skyvern (%s, domUtils.js injection %,d chars) vs ours; o200k tokens; "
                + "Chromium 1280x800; cold = first call after a fresh load, warm = median of %d%n", checkout, injectionChars, warm);
        System.out.println("Skyvern = buildTreeFromBody(\"main.frame\", 0, [], false) -> cleanup (no SVG LLM) -> trim_element_tree"
                + " -> json_to_html(need_skyvern_attrs=True), Skyvern's own Python run from the checkout");
        System.out.printf("%n%-16s %7s | %8s %7s %5s | %8s %7s %5s | %9s %8s | %7s %7s %7s%n", "page", "html ch",
                "sky ch", "sky tok", "ids", "our ch", "our tok", "ids", "prompt ch", "prm tok", "tree x", "prompt x", "chars x");
        for (ElementTreeBenchmark.Row r : rows) {
            sizeLine(r.page(), r.htmlChars(), r.skyChars(), r.skyTokens(), r.skyIds(), r.ourChars(), r.ourTokens(),
                    r.ourIds(), r.promptChars(), r.promptTokens());
        }
        sizeLine("TOTAL", sum(rows, ElementTreeBenchmark.Row::htmlChars), sum(rows, ElementTreeBenchmark.Row::skyChars),
                sum(rows, ElementTreeBenchmark.Row::skyTokens), sum(rows, ElementTreeBenchmark.Row::skyIds),
                sum(rows, ElementTreeBenchmark.Row::ourChars), sum(rows, ElementTreeBenchmark.Row::ourTokens),
                sum(rows, ElementTreeBenchmark.Row::ourIds), sum(rows, ElementTreeBenchmark.Row::promptChars),
                sum(rows, ElementTreeBenchmark.Row::promptTokens));
        System.out.println("tree x = our tree tokens / Skyvern tree tokens (target <= 0.50); prompt x = our whole first-step"
                + " prompt tokens (system + user) / Skyvern tree tokens (target <= 0.50); chars x = our tree chars / Skyvern's");
        System.out.printf("%n%-16s | %9s %9s %9s %9s | %9s %9s %9s %9s | %7s %7s%n", "ms", "sky bld c", "sky bld w",
                "sky rt c", "sky rt w", "our bld c", "our bld w", "our rt c", "our rt w", "rt c x", "rt w x");
        for (ElementTreeBenchmark.Row r : rows) {
            timeLine(r.page(), r.sky(), r.ours());
        }
        timeLine("TOTAL", total(rows, true), total(rows, false));
        System.out.println("bld = in-page build (page clock); rt = evaluate round trip from Java: Skyvern's inject + flag +"
                + " buildTreeFromBody (three evaluates, as each Skyvern scrape does), ours = session.snapshot()"
                + " (settle + script + parse + render); rt x = ours / Skyvern (target <= 0.25)");
    }

    private static void sizeLine(String page, int html, int skyCh, int skyTok, int skyIds, int ourCh, int ourTok, int ourIds,
                                 int promptCh, int promptTok) {
        System.out.printf("%-16s %7d | %8d %7d %5d | %8d %7d %5d | %9d %8d | %6.2fx %6.2fx %6.2fx%n", page, html, skyCh, skyTok,
                skyIds, ourCh, ourTok, ourIds, promptCh, promptTok, (double) ourTok / skyTok, (double) promptTok / skyTok,
                (double) ourCh / skyCh);
    }

    private static void timeLine(String page, ElementTreeBenchmark.Times sky, ElementTreeBenchmark.Times ours) {
        System.out.printf("%-16s | %9.1f %9.1f %9.1f %9.1f | %9.1f %9.1f %9.1f %9.1f | %6.2fx %6.2fx%n", page, sky.buildCold(),
                sky.buildWarm(), sky.rtCold(), sky.rtWarm(), ours.buildCold(), ours.buildWarm(), ours.rtCold(), ours.rtWarm(),
                ours.rtCold() / sky.rtCold(), ours.rtWarm() / sky.rtWarm());
    }

    private static ElementTreeBenchmark.Times total(List<ElementTreeBenchmark.Row> rows, boolean skyvern) {
        ToDoubleFunction<ElementTreeBenchmark.Row> bc = r -> (skyvern ? r.sky() : r.ours()).buildCold();
        ToDoubleFunction<ElementTreeBenchmark.Row> bw = r -> (skyvern ? r.sky() : r.ours()).buildWarm();
        ToDoubleFunction<ElementTreeBenchmark.Row> rc = r -> (skyvern ? r.sky() : r.ours()).rtCold();
        ToDoubleFunction<ElementTreeBenchmark.Row> rw = r -> (skyvern ? r.sky() : r.ours()).rtWarm();
        return new ElementTreeBenchmark.Times(rows.stream().mapToDouble(bc).sum(), rows.stream().mapToDouble(bw).sum(),
                rows.stream().mapToDouble(rc).sum(), rows.stream().mapToDouble(rw).sum());
    }

    private static int sum(List<ElementTreeBenchmark.Row> rows, java.util.function.ToIntFunction<ElementTreeBenchmark.Row> f) {
        return rows.stream().mapToInt(f).sum();
    }
}
