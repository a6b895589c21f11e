package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.skyvern.server.components.Replies.act;
import static io.skyvern.server.components.Replies.actions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * JavaScript dialogs: an {@code alert} whose text the model needs, a {@code confirm} accepted by the
 * documented default or dismissed with {@code handle_dialog}, and a {@code prompt} answered with the
 * model's text. Dialog texts reach the next prompt.
 */
class DialogIT {
    @RegisterExtension
    static final ComponentSuite suite = new ComponentSuite();

    private static final String CONFIRM_TEXT = "Delete the draft \"Q3 plan\"? This cannot be undone.";

    @Test
    void the_text_of_an_alert_reaches_the_next_prompt_and_is_used() {
        Scenario s = suite.scenario("alert").onAction(t -> {
            if (t.shows("Thank you")) {
                return Replies.complete();
            }
            if (t.index() == 0) {
                return actions(act("click", "element_id", t.element("button", ">Show my ticket number")));
            }
            String ticket = t.find("support ticket number is (T-[0-9A-F]{6})")
                    .orElseThrow(() -> new ScenarioException("the alert's text is not in the prompt"));
            return actions(act("input_text", "element_id", t.element("input", "Ticket number"), "text", ticket),
                    act("click", "element_id", t.element("button", ">Track ticket")));
        });

        JsonNode task = suite.run(s, suite.site().page("dialogs.html"), "Track my support ticket", 4);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(suite.site().single("track").field("ticket")).isEqualTo(suite.site().apis().ticket());
    }

    @Test
    void a_confirm_is_accepted_by_default_and_its_text_is_shown_in_the_next_prompt() {
        Scenario s = suite.scenario("confirm-accepted").onAction(t -> {
            if (t.shows("Draft deleted")) {
                return Replies.complete();
            }
            return actions(act("click", "element_id", t.element("button", ">Delete draft")));
        });

        JsonNode task = suite.run(s, suite.site().page("dialogs.html"), "Delete the draft Q3 plan", 3);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(suite.site().single("draft").field("decision")).isEqualTo("deleted");
        assertThat(s.turns(Turn.Kind.ACTION).get(1).prompt()).as(s.transcript()).contains(CONFIRM_TEXT);
    }

    @Test
    void handle_dialog_answers_a_prompt_with_the_text_the_model_chose() {
        Scenario s = suite.scenario("prompt-answered").onAction(t -> {
            if (t.shows("Draft renamed to")) {
                return Replies.complete();
            }
            return actions(act("handle_dialog", "accept", true, "text", "Q4 plan"),
                    act("click", "element_id", t.element("button", ">Rename draft")));
        });

        JsonNode task = suite.run(s, suite.site().page("dialogs.html"), "Rename the draft Q3 plan to Q4 plan", 3);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(suite.site().single("rename").field("name")).isEqualTo("Q4 plan");
    }

    @Test
    void handle_dialog_dismisses_the_confirm_of_the_next_action() {
        Scenario s = suite.scenario("confirm-dismissed").onAction(t -> {
            if (t.shows("Draft kept")) {
                return Replies.complete();
            }
            return actions(act("handle_dialog", "accept", false),
                    act("click", "element_id", t.element("button", ">Delete draft")));
        });

        JsonNode task = suite.run(s, suite.site().page("dialogs.html"),
                "Open the delete dialog of the draft Q3 plan but keep the draft", 3);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(suite.site().single("draft").field("decision")).isEqualTo("kept");
        assertThat(s.turns(Turn.Kind.ACTION).get(1).prompt()).as(s.transcript()).contains(CONFIRM_TEXT)
                .containsPattern("(?i)dismissed");
    }
}
