package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.skyvern.server.components.Replies.act;
import static io.skyvern.server.components.Replies.actions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The completion check: a model that answers {@code complete} before it placed the order is
 * contradicted by the verification call (which sees the page), the rejection comes back to it as a
 * failed action, and the run then finishes properly.
 */
class CompletionCheckIT {
    @RegisterExtension
    static final ComponentSuite suite = new ComponentSuite();

    private static final String REASON = "The order was not placed: the page still offers the Place order button";

    @Test
    void a_premature_complete_is_rejected_and_the_run_finishes_after_the_real_work() {
        Scenario s = suite.scenario("premature-complete").onAction(t -> {
            if (t.index() == 0 || t.shows("Thank you")) {
                return Replies.complete();
            }
            return actions(act("click", "element_id", t.element("button", ">Place order")));
        }).onVerification(t -> t.shows("Thank you") ? Replies.verdict(true, "The order is confirmed.")
                : Replies.verdict(false, REASON));

        JsonNode task = suite.run(s, suite.site().page("checkout.html"), "Buy the tea towel", 5);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(suite.site().submissions("order")).as(s.transcript()).hasSize(1);
        assertThat(s.turns(Turn.Kind.VERIFICATION)).as(s.transcript()).hasSize(2);
        assertThat(s.turns(Turn.Kind.ACTION).get(1).prompt()).as("the rejection comes back as a failed action")
                .containsPattern("(?i)complete[^\\n]*FAILED[^\\n]*" + REASON.substring(0, 20));
    }
}
