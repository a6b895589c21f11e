package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static io.skyvern.server.components.Replies.act;
import static io.skyvern.server.components.Replies.actions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A single-page app (Vue) whose content arrives after {@code load} from a slow API and whose
 * details appear only after a click. The value to extract is made by the server for this run.
 */
class SinglePageAppIT {
    @RegisterExtension
    static final ComponentSuite suite = new ComponentSuite();

    @Test
    void content_rendered_after_load_and_after_a_click_is_acted_on_and_extracted() {
        Scenario s = suite.scenario("vue-app").onAction(t -> {
            if (t.shows("Quote requested for Team")) {
                return Replies.complete();
            }
            if (t.hasElement("button", ">Request a quote for Team")) {
                return actions(act("click", "element_id", t.element("button", ">Request a quote for Team")));
            }
            if (t.hasElement("button", ">Details of Team")) {
                return actions(act("click", "element_id", t.element("button", ">Details of Team")));
            }
            return actions(act("wait", "seconds", 1));
        }).onExtraction(t -> Replies.extracted(Map.of("quote_reference", t.find("(QR-[0-9A-F]{6})")
                .orElseThrow(() -> new ScenarioException("no quote reference on the page")))));

        JsonNode task = suite.run(s, suite.site().page("spa.html"), "Request a quote for the Team plan",
                "The quote reference of the Team plan", 5);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(task.at("/extracted_information/quote_reference").asText())
                .isEqualTo(suite.site().apis().quoteReference());
        assertThat(suite.site().single("quote").field("plan")).isEqualTo("team");
        assertThat(s.turns(Turn.Kind.ACTION).get(0).prompt()).as("the first snapshot waited for the app")
                .contains("Details of Team");
    }
}
