package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.skyvern.server.components.Replies.act;
import static io.skyvern.server.components.Replies.actions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages the site opens by itself: a {@code target=_blank} link and a {@code window.open} popup. The
 * agent follows the new tab, can switch back ({@code switch_tab}) or close it ({@code close_tab}),
 * and the prompt lists the open tabs by id.
 */
class NewTabIT {
    @RegisterExtension
    static final ComponentSuite suite = new ComponentSuite();

    /** The id (t1, t2, …) the prompt's list of open tabs gives the tab at a URL with {@code urlPart}. */
    private static String tab(Turn t, String urlPart) {
        return t.find("\\b(t\\d+)\\b[^;\\n]*?" + urlPart).orElseThrow(
                () -> new ScenarioException("no tab line with " + urlPart));
    }

    @Test
    void a_target_blank_link_opens_a_tab_that_the_agent_follows_and_leaves_with_switch_tab() {
        Scenario s = suite.scenario("new-tab").onAction(t -> {
            if (t.shows("we will be in touch")) {
                return Replies.complete();
            }
            if (t.shows("Thank you")) {
                return actions(act("switch_tab", "tab_id", tab(t, "tabs\\.html")));
            }
            if (t.hasElement("input", "Shop name")) {
                return actions(act("input_text", "element_id", t.element("input", "Shop name"), "text", "Harbour Bakery"),
                        act("input_text", "element_id", t.element("input", "Contact email"), "text", "bake@example.com"),
                        act("click", "element_id", t.element("button", ">Send application")));
            }
            if (t.index() == 0) {
                return actions(act("click", "element_id", t.element("a", "Open the partner application")));
            }
            return actions(act("click", "element_id", t.element("button", ">I have applied")));
        });

        JsonNode task = suite.run(s, suite.site().page("tabs.html"),
                "Apply for the partner programme as Harbour Bakery (bake@example.com), then say so on the programme page", 7);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(suite.site().single("partner").fields()).containsEntry("shop", "Harbour Bakery")
                .containsEntry("contact", "bake@example.com");
        assertThat(suite.site().submissions("applied")).hasSize(1);
        String second = s.turns(Turn.Kind.ACTION).get(1).prompt();
        assertThat(second).as("the prompt after the click is the new tab's, with both tabs listed")
                .contains("partner-form.html").containsPattern("\\bt1\\b").containsPattern("\\bt2\\b");
    }

    @Test
    void a_window_open_popup_is_followed_then_closed_and_the_work_goes_on_in_the_first_tab() {
        Scenario s = suite.scenario("popup").onAction(t -> {
            if (t.shows("we will be in touch")) {
                return Replies.complete();
            }
            if (t.shows("Message sent")) {
                return actions(act("close_tab", "tab_id", tab(t, "chat-popup\\.html")));
            }
            if (t.hasElement("textarea", "Your message")) {
                return actions(act("input_text", "element_id", t.element("textarea", "Your message"), "text",
                                "Can bakeries join the programme?"),
                        act("click", "element_id", t.element("button", ">Send message")));
            }
            if (t.index() == 0) {
                return actions(act("click", "element_id", t.element("button", ">Chat with us")));
            }
            return actions(act("click", "element_id", t.element("button", ">I have applied")));
        });

        JsonNode task = suite.run(s, suite.site().page("tabs.html"),
                "Ask in the chat whether bakeries can join, close the chat, then confirm you have applied", 6);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(suite.site().single("chat").field("message")).isEqualTo("Can bakeries join the programme?");
        assertThat(suite.site().submissions("applied")).hasSize(1);
    }
}
