package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.skyvern.server.components.Replies.act;
import static io.skyvern.server.components.Replies.actions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A virtualised data grid (Tabulator, 1,000 rows in a 320 px high scroll area): only the rows near
 * the area's scroll position exist in the DOM, and scrolling the window does not move the area. The
 * model scrolls the area itself ({@code scroll} with the {@code element_id} the prompt marks as
 * scrollable) until the wanted row is rendered.
 */
class VirtualGridIT {
    @RegisterExtension
    static final ComponentSuite suite = new ComponentSuite();

    @Test
    void the_grid_is_scrolled_by_element_id_until_the_wanted_row_is_rendered_and_approved() {
        Scenario s = suite.scenario("virtual-grid").onAction(t -> {
            if (t.shows("Order 150 approved")) {
                return Replies.complete();
            }
            if (t.hasElement("button", "Approve order 150\"")) {
                return actions(act("click", "element_id", t.element("button", "Approve order 150\"")));
            }
            // The grid's scroll area, as the prompt marks scrollable containers; which way is told by the
            // order numbers in view (about 35 rows are rendered around the scroll position).
            String area = t.element("div|section|main", "(?i)scroll");
            int firstShown = t.findAll("aria-label=\"Approve order (\\d+)\"").stream().mapToInt(Integer::parseInt).min()
                    .orElseThrow(() -> new ScenarioException("no rows of the grid in the prompt"));
            return actions(act("scroll", "direction", firstShown > 150 ? "up" : "down", "pixels", 1000,
                    "element_id", area));
        });

        JsonNode task = suite.run(s, suite.site().page("grid.html"), "Approve order 150", 8);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(s.turns(Turn.Kind.ACTION).get(0).prompt()).doesNotContain("Approve order 150\"");
        assertThat(suite.site().single("approval").field("order")).isEqualTo("150");
    }
}
