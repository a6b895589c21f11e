package io.skyvern.browser.playwright;

import io.skyvern.browser.BrowserActionException;
import io.skyvern.browser.ElementNode;
import io.skyvern.browser.PageSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scroll containers are marked with how far they can move, and scrolling one loads what it should. */
class ScrollAreasIT extends FixtureSiteBrowserTest {

    private static List<ElementNode> scrollables(PageSnapshot s) {
        return s.interactables().stream().filter(e -> !e.attribute("scrollable").isEmpty()).toList();
    }

    @Test
    void scroll_containers_get_ids_and_their_room_to_scroll() {
        session.navigate(site.url("/web/scroll"));
        PageSnapshot s = session.snapshot();

        assertThat(scrollables(s)).hasSize(2);
        assertThat(scrollables(s).get(0).attribute("scrollable")).matches("up 0px, down \\d+px");
        assertThat(scrollables(s).get(1).attribute("scrollable")).matches("up 0px, down 9\\d{4}px");
        assertThat(s.text()).contains("Post 1", "Row 1").doesNotContain("Row 300");
    }

    @Test
    void scrolling_an_infinite_feed_loads_more_posts() {
        session.navigate(site.url("/web/scroll"));
        String feed = scrollables(session.snapshot()).get(0).id();

        session.scrollElement(feed, 0, 2000);
        PageSnapshot s = session.snapshot();

        assertThat(s.text()).contains("Post 11", "Post 20");
        assertThat(scrollables(s).get(0).attribute("scrollable")).doesNotStartWith("up 0px");
    }

    @Test
    void scrolling_a_virtualised_grid_renders_the_rows_in_view() {
        session.navigate(site.url("/web/scroll"));
        String grid = scrollables(session.snapshot()).get(1).id();

        session.scrollElement(grid, 0, 6000);
        PageSnapshot s = session.snapshot();

        assertThat(s.text()).contains("Row 301").doesNotContain("Row 1\n");
        assertThat(scrollables(s).get(1).attribute("scrollable")).startsWith("up 6000px");
    }

    @Test
    void scrolling_an_element_inside_a_container_scrolls_the_container_and_says_when_it_cannot() {
        session.navigate(site.url("/web/scroll"));
        PageSnapshot s = session.snapshot();
        String grid = scrollables(s).get(1).id();

        assertThatThrownBy(() -> session.scrollElement(grid, 0, -100)).isInstanceOf(BrowserActionException.class)
                .hasMessageContaining("cannot scroll further");
    }
}
