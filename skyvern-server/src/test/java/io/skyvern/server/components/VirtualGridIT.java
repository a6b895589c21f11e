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
            if (t.has("Order 150 approved")) {
                return Replies.complete();
            }
            if (t.hasElement("button", "Approve order 150\"")) {
                return actions(act("click", "element_id", t.element("button", "Approve order 150\"")));
            }
            // The scroll area of the grid, as the prompt marks scrollable containers.
            String area = t.element("div|section|main", "(?i)scroll");
            return actions(act("scroll", "direction", "down", "pixels", 2500, "element_id", area));
        });

        JsonNode task = suite.run(s, suite.site().page("grid.html"), "Approve order 150", 6);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(s.turns(Turn.Kind.ACTION).get(0).prompt()).doesNotContain("Approve order 150\"");
        assertThat(suite.site().single("approval").field("order")).isEqualTo("150");
    }
}
