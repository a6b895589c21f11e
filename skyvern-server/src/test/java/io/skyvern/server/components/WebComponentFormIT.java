package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.skyvern.server.components.Replies.act;
import static io.skyvern.server.components.Replies.actions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form of web components (Shoelace {@code sl-input}, {@code sl-checkbox}, {@code sl-button}): the
 * real inputs live in shadow roots, and the checkbox's input is visually hidden (opacity 0, no
 * pointer events) under its styled box. Shoelace adds the values to the native form's POST.
 */
class WebComponentFormIT {
    @RegisterExtension
    static final ComponentSuite suite = new ComponentSuite();

    @Test
    void a_shadow_dom_form_with_a_visually_hidden_checkbox_is_filled_checked_and_submitted() {
        Scenario s = suite.scenario("shoelace-form").onAction(t -> {
            if (t.shows("Thank you")) {
                return Replies.complete();
            }
            return actions(
                    act("input_text", "element_id", t.element("input", "Full name"), "text", "Ada Lovelace"),
                    act("input_text", "element_id", t.element("input", "Email address"), "text", "ada@example.com"),
                    act("check", "element_id", t.element("input", "type=\"checkbox\"")),
                    act("click", "element_id", t.element("sl-button|button", "Subscribe")));
        });

        JsonNode task = suite.run(s, suite.site().page("web-components.html"),
                "Subscribe Ada Lovelace (ada@example.com) to the newsletter, accepting the terms", 4);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        Submission sent = suite.site().single("newsletter");
        assertThat(sent.fields()).as(s.transcript()).containsEntry("name", "Ada Lovelace")
                .containsEntry("email", "ada@example.com").containsEntry("terms", "accepted");
    }
}
