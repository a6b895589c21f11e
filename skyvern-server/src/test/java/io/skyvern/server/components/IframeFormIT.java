package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static io.skyvern.server.components.Replies.act;
import static io.skyvern.server.components.Replies.actions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A booking form inside an iframe: of the page's own origin, and of another origin (another host
 * and port, so another site: Chromium runs it in its own process). The form posts to its own
 * origin, so the site knows which frame the agent really used.
 */
class IframeFormIT {
    @RegisterExtension
    static final ComponentSuite suite = new ComponentSuite();

    private static Scenario booking(String name) {
        return suite.scenario(name).onAction(t -> {
            if (t.shows("Thank you")) {
                return Replies.complete();
            }
            return actions(
                    act("input_text", "element_id", t.element("input", "Name on the booking"), "text", "Ada Lovelace"),
                    act("select_option", "element_id", t.element("select", "Number of guests"), "option", Map.of("label", "4 guests")),
                    act("check", "element_id", t.element("input", "type=\"checkbox\"", "terrace")),
                    act("click", "element_id", t.element("button", ">Book now")));
        });
    }

    @Test
    void a_form_in_a_same_origin_iframe_is_filled_and_submitted() {
        Scenario s = booking("iframe-same");

        JsonNode task = suite.run(s, suite.site().page("iframe-same-origin.html"),
                "Book a table for 4 on the terrace for Ada Lovelace", 3);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        Submission sent = suite.site().single("booking");
        assertThat(sent.origin()).isEqualTo(suite.site().mainOrigin());
        assertThat(sent.fields()).containsEntry("guest", "Ada Lovelace").containsEntry("party", "4")
                .containsEntry("terrace", "yes");
    }

    @Test
    void a_form_in_a_cross_origin_iframe_is_shown_with_its_origin_filled_and_submitted() {
        Scenario s = booking("iframe-cross");

        JsonNode task = suite.run(s, suite.site().page("iframe-cross-origin.html"),
                "Book a table for 4 on the terrace for Ada Lovelace", 3);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        Submission sent = suite.site().single("booking");
        assertThat(sent.origin()).isEqualTo(suite.site().otherOrigin());
        assertThat(sent.fields()).containsEntry("guest", "Ada Lovelace").containsEntry("party", "4")
                .containsEntry("terrace", "yes");
        // The frame line says where the frame comes from.
        assertThat(s.turns(Turn.Kind.ACTION).get(0).prompt()).contains(suite.site().otherOrigin().replace("http://", ""));
    }
}
