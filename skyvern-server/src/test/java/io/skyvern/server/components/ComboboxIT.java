package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.skyvern.server.components.Replies.act;
import static io.skyvern.server.components.Replies.actions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A custom combobox (Tom Select): the native select is hidden and replaced by a text input with a
 * listbox of {@code role="option"} elements that exist only while it is open, and that covers what
 * lies under it. The site must receive the chosen values in the form's POST.
 */
class ComboboxIT {
    @RegisterExtension
    static final ComponentSuite suite = new ComponentSuite();

    private static String combobox(Turn t, String label) {
        return t.element("input", "role=\"combobox\"", label);
    }

    private static boolean optionShown(Turn t, String label) {
        return t.hasElement("div", "role=\"option\"", ">" + label + "<");
    }

    private static String option(Turn t, String label) {
        return t.element("div", "role=\"option\"", ">" + label + "<");
    }

    private static String submit(Turn t) {
        return t.element("button", ">Place order");
    }

    @Test
    void typing_into_the_combobox_and_pressing_enter_on_it_submits_the_matching_option() {
        Scenario s = suite.scenario("combobox-typed").onAction(t -> {
            if (t.shows("Thank you")) {
                return Replies.complete();
            }
            if (optionShown(t, "Mango")) {
                return actions(act("keypress", "keys", "Enter", "element_id", combobox(t, "Fruit")),
                        act("click", "element_id", submit(t)));
            }
            if (t.index() == 0) {
                return actions(act("input_text", "element_id", combobox(t, "Fruit"), "text", "Mang"),
                        act("keypress", "keys", "Enter", "element_id", combobox(t, "Fruit")),
                        act("click", "element_id", submit(t)));
            }
            return actions(act("click", "element_id", submit(t)));
        });

        JsonNode task = suite.run(s, suite.site().page("combobox.html"), "Order a fruit box with mango", 5);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(suite.site().single("fruit-box").field("fruit")).as(s.transcript()).isEqualTo("mango");
    }

    @Test
    void options_of_an_open_multi_select_listbox_are_clicked_one_by_one() {
        Scenario s = suite.scenario("combobox-clicked").onAction(t -> {
            if (t.shows("Thank you")) {
                return Replies.complete();
            }
            // Tom Select keeps a multi-select's list open and takes chosen options out of it.
            if (optionShown(t, "Honey jar")) {
                return actions(act("click", "element_id", option(t, "Honey jar")));
            }
            if (optionShown(t, "Greeting card")) {
                return actions(act("click", "element_id", option(t, "Greeting card")));
            }
            if (t.index() == 0) {
                return actions(act("click", "element_id", combobox(t, "Extras")));
            }
            // Both chosen: close the list that covers the button, then order.
            return actions(act("keypress", "keys", "Escape", "element_id", combobox(t, "Extras")),
                    act("click", "element_id", submit(t)));
        });

        JsonNode task = suite.run(s, suite.site().page("combobox.html"),
                "Order a fruit box with a honey jar and a greeting card", 6);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(suite.site().single("fruit-box").field("extras")).as(s.transcript()).isEqualTo("honey,card");
    }
}
