package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.skyvern.server.components.Replies.act;
import static io.skyvern.server.components.Replies.actions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consent wall (Osano's cookieconsent, styled to cover the page) that appears after the page has
 * loaded, once its texts arrive from the server. The site must get the form with the consent
 * cookie set.
 */
class ConsentOverlayIT {
    @RegisterExtension
    static final ComponentSuite suite = new ComponentSuite();

    private static final String GOAL = "Subscribe ada@example.com to the monthly offers; allow cookies if asked";

    private static boolean consentAsked(Turn t) {
        return t.hasElement("a|button", "Allow cookies");
    }

    @Test
    void the_consent_wall_is_answered_first_then_the_form_behind_it_is_sent() {
        Scenario s = suite.scenario("consent").onAction(t -> {
            if (t.shows("Thank you")) {
                return Replies.complete();
            }
            if (consentAsked(t)) {
                return actions(act("click", "element_id", t.element("a|button", "Allow cookies")));
            }
            return actions(act("input_text", "element_id", t.element("input", "Email address"), "text", "ada@example.com"),
                    act("click", "element_id", t.element("button", ">Subscribe to offers")));
        });

        JsonNode task = suite.run(s, suite.site().page("consent.html"), GOAL, 4);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        // The wall came after load; the first snapshot waited for it.
        assertThat(consentAsked(s.turns(Turn.Kind.ACTION).get(0))).as(s.transcript()).isTrue();
        Submission sent = suite.site().single("offers");
        assertThat(sent.field("email")).isEqualTo("ada@example.com");
        assertThat(sent.cookies()).contains("cookieconsent_status=allow");
    }

    @Test
    void a_click_under_the_wall_fails_at_once_naming_what_covers_the_button() {
        Scenario s = suite.scenario("consent-covered").onAction(t -> {
            if (t.shows("Thank you")) {
                return Replies.complete();
            }
            if (t.index() == 0) {
                // A hasty model: goes straight for the form.
                return actions(act("input_text", "element_id", t.element("input", "Email address"), "text", "ada@example.com"),
                        act("click", "element_id", t.element("button", ">Subscribe to offers")));
            }
            if (consentAsked(t)) {
                return actions(act("click", "element_id", t.element("a|button", "Allow cookies")));
            }
            return actions(act("click", "element_id", t.element("button", ">Subscribe to offers")));
        });

        JsonNode task = suite.run(s, suite.site().page("consent.html"), GOAL, 5);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        String second = s.turns(Turn.Kind.ACTION).get(1).prompt();
        assertThat(second).as(s.transcript()).containsPattern("(?i)click[^\\n]*FAILED[^\\n]*covered by[^\\n]*cc-");
        assertThat(suite.site().single("offers").cookies()).contains("cookieconsent_status=allow");
    }
}
