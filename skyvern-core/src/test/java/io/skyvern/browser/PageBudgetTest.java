package io.skyvern.browser;

import io.skyvern.llm.TokenCounter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;

class PageBudgetTest {
    /** One token per word: the budget's arithmetic is easy to follow. */
    private static final ToIntFunction<String> WORDS = t -> t.isBlank() ? 0 : t.strip().split("\\s+").length;

    private static RenderedLine line(String text, int screen) {
        return new RenderedLine(text, 1, screen);
    }

    private static List<String> texts(List<RenderedLine> lines) {
        return lines.stream().map(RenderedLine::text).toList();
    }

    @Test
    void a_page_within_the_budget_is_left_whole() {
        List<RenderedLine> page = List.of(line("a b c", 0), line("d e", 3));
        assertThat(PageBudget.fit(page, 100, WORDS)).isSameAs(page);
    }

    @Test
    void rows_far_below_the_screen_become_one_line_that_says_how_many_and_where() {
        List<RenderedLine> page = new ArrayList<>();
        page.add(line("<h1>Orders</h1>", 0));
        page.add(line("<button id=e1>Export</button>", 0));
        for (int i = 0; i < 40; i++) {
            page.add(line("| #" + i + " | Jane Doe | $12.00 | paid |", 2 + i / 10));
        }
        List<RenderedLine> fitted = PageBudget.fit(page, 60, WORDS);

        assertThat(texts(fitted)).startsWith("<h1>Orders</h1>", "<button id=e1>Export</button>");
        String last = fitted.get(fitted.size() - 1).text();
        assertThat(last).matches("… \\d+ more rows below; scroll down to see them");
        int shownRows = (int) fitted.stream().filter(RenderedLine::isRow).count();
        assertThat(last).startsWith("… " + (40 - shownRows) + " more rows");
        assertThat(fitted.stream().mapToInt(RenderedLine::nodes).sum()).as("every node is shown or counted").isEqualTo(42);
        assertThat(fitted.stream().mapToInt(l -> WORDS.applyAsInt(l.text()) + 1).sum()).isLessThanOrEqualTo(60);
    }

    @Test
    void elements_far_away_are_kept_before_far_text_and_what_is_above_says_scroll_up() {
        List<RenderedLine> page = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            page.add(line("old paragraph number " + i + " with several words in it", -5));
        }
        page.add(line("on screen text", 0));
        for (int i = 0; i < 10; i++) {
            page.add(line("long paragraph number " + i + " with several words in it", 4));
        }
        page.add(line("<a id=e9>Next page</a>", 5));
        List<RenderedLine> fitted = PageBudget.fit(page, 60, WORDS);

        assertThat(texts(fitted)).contains("on screen text", "<a id=e9>Next page</a>");
        assertThat(texts(fitted).get(0)).isEqualTo("… 10 more lines above; scroll up to see them");
        assertThat(texts(fitted)).anyMatch(t -> t.matches("… \\d+ more lines below; scroll down to see them"));
    }

    @Test
    void near_the_screen_comes_before_further_away() {
        String twenty = " w".repeat(19);
        List<RenderedLine> page = List.of(line("here", 0), line("near" + twenty, 1), line("far" + twenty, 6));
        // 16 for the summary + 2 + 21 fit in 42; the far line (21 more, one summary less) does not
        List<RenderedLine> fitted = PageBudget.fit(page, 42, WORDS);

        assertThat(texts(fitted)).containsExactly("here", "near" + twenty, "… 1 more line below; scroll down to see them");
    }

    @Test
    void an_on_screen_text_larger_than_the_budget_is_cut_not_dropped() {
        String article = "word ".repeat(2_000).strip();
        List<RenderedLine> fitted = PageBudget.fit(List.of(line(article, 0), line("<a id=e2>More</a>", 2)), 600, WORDS);

        assertThat(fitted.get(0).text()).startsWith("word word").endsWith(" …");
        assertThat(fitted.stream().mapToInt(l -> WORDS.applyAsInt(l.text()) + 1).sum()).isLessThanOrEqualTo(600);
    }

    @Test
    void the_renderer_applies_the_budget_with_a_real_tokenizer() {
        List<ElementNode> nodes = new ArrayList<>();
        nodes.add(new ElementNode("", "h1", Map.of(), "Orders", "", List.of(), 0, "", false, 0));
        for (int i = 0; i < 300; i++) {
            int screen = i / 20;
            nodes.add(new ElementNode("", "tr", Map.of(), "", "", List.of(), 0, "", false, screen));
            nodes.add(new ElementNode("", "td", Map.of(), "#" + (18000 + i), "", List.of(), 1, "", false, screen));
            nodes.add(new ElementNode("e" + i, "button", Map.of(), "More actions", "", List.of(), 1, "", true, screen));
        }
        TokenCounter o200k = TokenCounter.o200k();
        ElementTreeRenderer.Rendered r = new ElementTreeRenderer(1_000_000, 1_000, o200k::count).render(nodes);

        assertThat(o200k.count(r.text())).isLessThanOrEqualTo(1_000);
        assertThat(r.text()).startsWith("<h1>Orders</h1>\n| #18000 | <button id=e0>More actions</button> |")
                .containsPattern("… \\d+ more rows \\(\\d+ elements\\) below; scroll down to see them\n$");
        assertThat(new ElementTreeRenderer(1_000_000, 0, o200k::count).render(nodes).text()).contains("#18299");
    }
}
