package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.skyvern.server.components.Replies.act;
import static io.skyvern.server.components.Replies.actions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A menu that opens only on {@code :hover} (Pure CSS, {@code pure-menu-allow-hover}): its entries
 * are not rendered, and must not be in the prompt, until the pointer is over "Reports". Also the
 * hrefs the prompt shows, relative, work with {@code goto_url}.
 */
class HoverMenuIT {
    @RegisterExtension
    static final ComponentSuite suite = new ComponentSuite();

    @Test
    void hovering_opens_the_menu_and_its_entry_is_clicked() {
        Scenario s = suite.scenario("hover-menu").onAction(t -> {
            if (t.shows("Thank you")) {
                return Replies.complete();
            }
            if (t.hasElement("a", ">Quarterly report")) {
                return actions(act("click", "element_id", t.element("a", ">Quarterly report")));
            }
            return actions(act("hover", "element_id", t.element("a", ">Reports")));
        });

        JsonNode task = suite.run(s, suite.site().page("hover-menu.html"), "Open the quarterly report", 4);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(suite.site().single("report").field("kind")).isEqualTo("quarterly");
        assertThat(s.turns(Turn.Kind.ACTION).get(0).prompt()).as("a closed menu is not in the tree")
                .doesNotContain("Quarterly report");
    }

    @Test
    void a_relative_href_from_the_prompt_opens_with_goto_url() {
        Scenario s = suite.scenario("relative-goto").onAction(t -> {
            if (t.shows("Thank you")) {
                return Replies.complete();
            }
            String href = t.find("<a [^>]*href=\"([^\"]+)\"[^>]*>on its own page")
                    .orElseThrow(() -> new ScenarioException("no href of the tide table link"));
            return actions(act("goto_url", "url", href));
        });

        JsonNode task = suite.run(s, suite.site().page("hover-menu.html"), "Open the tide table", 3);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(s.turns(Turn.Kind.ACTION).get(0).prompt()).contains("href=\"/submit/tides?week=current\"");
        assertThat(suite.site().single("tides").field("week")).isEqualTo("current");
    }
}
