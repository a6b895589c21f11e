package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.skyvern.server.components.Replies.act;
import static io.skyvern.server.components.Replies.actions;
import static io.skyvern.server.components.Replies.remember;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task of two sub-goals on one account page that looks the same before and after the first: only
 * the step history in the prompt (and the model's own memory note) tells the model that the
 * newsletter is done, so that it goes on with the profile instead of subscribing again.
 */
class StepHistoryIT {
    @RegisterExtension
    static final ComponentSuite suite = new ComponentSuite();

    private static final String NOTE = "newsletter subscription sent for ada@example.com";
    /** An earlier step's input_text of the e-mail, as the history shows it (the goal line has the address too). */
    private static final String TYPED_EMAIL = "input_text[^\\n]*ada@example\\.com";

    @Test
    void a_finished_sub_goal_is_not_repeated_because_the_prompt_shows_the_earlier_steps() {
        Scenario s = suite.scenario("history").onAction(t -> {
            if (t.shows("display_name: Ada L\\.")) {
                return Replies.complete();
            }
            if (t.shows("We received your newsletter form")) {
                return actions(act("click", "element_id", t.element("a", "Back to the previous page")));
            }
            if (t.has(TYPED_EMAIL)) {
                return actions(act("input_text", "element_id", t.element("input", "Display name"), "text", "Ada L."),
                        act("click", "element_id", t.element("button", ">Save profile")));
            }
            return remember(NOTE, act("input_text", "element_id", t.element("input", "Email for the newsletter"),
                            "text", "ada@example.com"),
                    act("click", "element_id", t.element("button", ">Subscribe")));
        });

        JsonNode task = suite.run(s, suite.site().page("account.html"),
                "Subscribe ada@example.com to the newsletter, then set the display name to Ada L.", 6);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(suite.site().submissions("newsletter")).as(s.transcript()).hasSize(1);
        assertThat(suite.site().single("profile").field("display_name")).isEqualTo("Ada L.");
        var prompts = s.turns(Turn.Kind.ACTION);
        assertThat(prompts.get(1).prompt()).as("the second prompt shows the first step's actions")
                .containsPattern(TYPED_EMAIL).containsPattern("(?m)click\\b");
        assertThat(prompts.get(2).prompt()).as("two steps later the history still has the first step, and the note")
                .containsPattern(TYPED_EMAIL).contains(NOTE);
    }
}
