package io.skyvern.browser.playwright;

import io.skyvern.browser.BrowserActionException;
import io.skyvern.browser.ElementNode;
import io.skyvern.browser.PageSnapshot;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hidden inputs of web components, covered targets, keys on an element. */
class RobustActionsIT extends FixtureSiteBrowserTest {

    private static String checkbox(PageSnapshot s, String name) {
        return s.interactables().stream().filter(e -> name.equals(e.attribute("name"))).map(ElementNode::id)
                .findFirst().orElseThrow(() -> new AssertionError(name + " not in\n" + s.renderedTree()));
    }

    private boolean checked(String host) {
        return Boolean.TRUE.equals(session.evaluate("return document.getElementById(id).checked", Map.of("id", host)));
    }

    @Test
    void hidden_checkbox_in_a_shadow_root_is_checked_through_its_label() {
        session.navigate(site.url("/web/checkbox"));
        String terms = checkbox(session.snapshot(), "terms");

        session.setChecked(terms, true);
        assertThat(checked("terms")).isTrue();
        session.setChecked(terms, false);
        assertThat(checked("terms")).isFalse();
    }

    @Test
    void hidden_checkbox_under_a_custom_box_is_checked_by_clicking_the_box() {
        session.navigate(site.url("/web/checkbox"));
        String news = checkbox(session.snapshot(), "news");

        session.setChecked(news, true);

        assertThat(checked("news")).isTrue();
        assertThat(session.snapshot().element(news).orElseThrow().attribute("checked")).isEqualTo("true");
    }

    @Test
    void click_on_a_covered_button_fails_fast_naming_the_cover_and_works_once_it_is_closed() {
        session.navigate(site.url("/web/covered"));
        PageSnapshot s = session.snapshot();
        String buy = s.interactables().stream().filter(e -> e.text().equals("Buy")).findFirst().orElseThrow().id();
        String accept = s.interactables().stream().filter(e -> e.text().equals("Accept all")).findFirst().orElseThrow().id();
        long start = System.nanoTime();

        assertThatThrownBy(() -> session.click(buy)).isInstanceOf(BrowserActionException.class)
                .hasMessageContaining("covered by <div id=\"consent\" class=\"cookie-banner\"> \"We use cookies");
        assertThat((System.nanoTime() - start) / 1_000_000).as("no 5 s wait").isLessThan(4_000);

        session.click(accept);
        session.click(buy);
        assertThat(session.snapshot().text()).contains("bought");
    }

    private static String byText(PageSnapshot s, String text) {
        return s.interactables().stream().filter(e -> e.text().equals(text)).map(ElementNode::id).findFirst()
                .orElseThrow(() -> new AssertionError(text + " not in\n" + s.renderedTree()));
    }

    @Test
    void a_control_drawn_by_its_child_is_listed_and_clicked_quickly() {
        session.navigate(site.url("/web/drawn"));
        PageSnapshot s = session.snapshot();
        String contents = byText(s, "Open contents");
        String zero = byText(s, "Open zero");
        long start = System.nanoTime();

        session.click(contents);
        assertThat(session.snapshot().text()).contains("contents clicked");
        session.click(zero);
        assertThat(session.snapshot().text()).contains("zero clicked");
        assertThat((System.nanoTime() - start) / 1_000_000).as("no wait for Playwright's visibility").isLessThan(4_000);
    }

    @Test
    void the_snapshot_after_a_click_waits_for_a_fade_out_to_end() {
        session.navigate(site.url("/web/drawn"));
        session.click(byText(session.snapshot(), "Fade away"));

        PageSnapshot after = session.snapshot();

        assertThat(after.text()).contains("faded");
        assertThat(after.interactables()).extracting(ElementNode::text).doesNotContain("Fade away");
        assertThat(after.settle().waitedFor()).as(after.settle().toString()).contains("animations");
    }

    @Test
    void press_on_an_element_focuses_it_first() {
        session.navigate(site.url("/login"));
        PageSnapshot s = session.snapshot();
        String user = s.interactables().stream().filter(e -> "username".equals(e.attribute("name"))).findFirst()
                .orElseThrow().id();

        session.press(user, "x");

        assertThat(session.evaluate("return document.activeElement.name + '=' + document.activeElement.value",
                Map.of())).isEqualTo("username=x");
    }
}
