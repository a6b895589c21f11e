package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.skyvern.server.components.Replies.act;
import static io.skyvern.server.components.Replies.actions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second custom combobox (Choices.js), unlike Tom Select a {@code <div role="combobox">} that
 * opens on mousedown, over a hidden native select, with {@code role="option"} items that are in the
 * DOM but not shown while it is closed. The site must receive the chosen country in the POST.
 */
class ChoicesComboboxIT {
    @RegisterExtension
    static final ComponentSuite suite = new ComponentSuite();

    @Test
    void the_combobox_is_opened_an_option_clicked_and_the_form_sent() {
        Scenario s = suite.scenario("choices").onAction(t -> {
            if (t.shows("Thank you")) {
                return Replies.complete();
            }
            if (t.hasElement("div", "role=\"option\"", ">Portugal<")) {
                return actions(act("click", "element_id", t.element("div", "role=\"option\"", ">Portugal<")),
                        act("click", "element_id", t.element("button", ">Save shipping")));
            }
            if (t.hasElement("div", "role=\"combobox\"", "Portugal")) {
                return actions(act("click", "element_id", t.element("button", ">Save shipping")));
            }
            return actions(act("click", "element_id", t.element("div", "role=\"combobox\"")));
        });

        JsonNode task = suite.run(s, suite.site().page("shipping.html"), "Ship my order to Portugal", 5);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(suite.site().single("shipping").field("country")).as(s.transcript()).isEqualTo("PT");
        // Closed, the options are in the DOM but not shown: the first prompt must not list them.
        assertThat(s.turns(Turn.Kind.ACTION).get(0).hasElement("div", "role=\"option\"", ">Portugal<"))
                .as(s.transcript()).isFalse();
    }
}
