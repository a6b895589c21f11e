package io.skyvern.browser.playwright;

import io.skyvern.browser.ElementNode;
import io.skyvern.browser.PageSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the model reads is what a person sees. */
class VisibleTextIT extends FixtureSiteBrowserTest {

    @Test
    void text_that_is_not_rendered_never_enters_the_tree() {
        session.navigate(site.url("/web/visible"));
        PageSnapshot s = session.snapshot();

        assertThat(s.renderedTree()).doesNotContain("DISPLAYNONE", "VISIBILITYHIDDEN", "ZEROSIZE", "CLOSEDDETAILS",
                "ARIAHIDDEN", "SRONLY", "TRANSPARENT", "Faded link", "Hidden menu").contains("Shown", "words", "More");
    }

    @Test
    void screen_reader_text_inside_a_control_names_it() {
        session.navigate(site.url("/web/visible"));
        PageSnapshot s = session.snapshot();

        // a thumb icon, "12" and a visually hidden " likes": the model must know what the button does
        assertThat(s.interactables()).extracting(ElementNode::text).contains("12 likes");
        assertThat(s.renderedTree()).contains("12 likes</button>").doesNotContain("SRONLY");
    }

    @Test
    void a_big_clickable_container_keeps_its_content_as_lines_of_their_own() {
        session.navigate(site.url("/web/visible"));
        PageSnapshot s = session.snapshot();

        assertThat(s.elements()).extracting(ElementNode::text).contains(
                "Visible paragraph one with enough words to be longer than a short control label, as real pages are.",
                "Visible paragraph two: the description that appears after a click must be its own line.", "Shop");
        assertThat(s.interactables()).filteredOn(e -> e.text().equals("Buy now")).hasSize(1);
    }
}
