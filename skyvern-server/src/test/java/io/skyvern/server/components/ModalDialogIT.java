package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.skyvern.server.components.Replies.act;
import static io.skyvern.server.components.Replies.actions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A modal dialog library (SweetAlert2): the modal animates in, asks for text before it can be
 * confirmed, and hides the page behind it from assistive technology. The site must receive the
 * typed account name from the form the page sends once the modal is confirmed.
 */
class ModalDialogIT {
    @RegisterExtension
    static final ComponentSuite suite = new ComponentSuite();

    private static boolean modalOpen(Turn t) {
        return t.hasElement("button", ">Yes, close it");
    }

    @Test
    void the_modal_is_filled_and_confirmed_and_the_site_gets_the_typed_name() {
        Scenario s = suite.scenario("modal").onAction(t -> {
            if (t.shows("Thank you")) {
                return Replies.complete();
            }
            if (modalOpen(t)) {
                return actions(act("input_text", "element_id", t.element("input", "Account name"), "text", "harbour-shop"),
                        act("click", "element_id", t.element("button", ">Yes, close it")));
            }
            return actions(act("click", "element_id", t.element("button", ">Close my account")));
        });

        JsonNode task = suite.run(s, suite.site().page("modal.html"), "Close the account harbour-shop", 4);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(suite.site().single("close-account").field("account")).isEqualTo("harbour-shop");
        Turn second = s.turns(Turn.Kind.ACTION).get(1);
        assertThat(modalOpen(second)).as(s.transcript()).isTrue();
        assertThat(second.hasElement("button", ">Close my account")).as("the page behind the modal is left out")
                .isFalse();
    }
}
