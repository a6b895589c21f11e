package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.skyvern.server.components.Replies.act;
import static io.skyvern.server.components.Replies.actions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A date picker (flatpickr): the field is read-only, and a calendar of day cells (no buttons, no
 * roles: spans with an {@code aria-label}) opens when it is clicked.
 */
class DatePickerIT {
    @RegisterExtension
    static final ComponentSuite suite = new ComponentSuite();

    @Test
    void a_day_is_picked_in_the_calendar_that_opens_from_the_field() {
        Scenario s = suite.scenario("flatpickr").onAction(t -> {
            if (t.shows("Thank you")) {
                return Replies.complete();
            }
            if (t.hasElement("span|div", "March 21, 2024")) {
                return actions(act("click", "element_id", t.element("span|div", "March 21, 2024")),
                        act("click", "element_id", t.element("button", ">Check availability")));
            }
            return actions(act("click", "element_id", t.element("input", "Check-in date")));
        });

        JsonNode task = suite.run(s, suite.site().page("date-picker.html"),
                "Check availability for 2 nights from 21 March 2024", 4);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(suite.site().single("stay").fields()).containsEntry("checkin", "2024-03-21").containsEntry("nights", "2");
    }
}
