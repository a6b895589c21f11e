package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.skyvern.server.components.Replies.act;
import static io.skyvern.server.components.Replies.actions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An infinite feed (metafizzy infinite-scroll): older articles are fetched and appended as the
 * window scrolls near the bottom. The wanted article is on the third page of the feed.
 */
class InfiniteScrollIT {
    @RegisterExtension
    static final ComponentSuite suite = new ComponentSuite();

    @Test
    void scrolling_down_loads_older_articles_until_the_wanted_one_can_be_saved() {
        Scenario s = suite.scenario("infinite-scroll").onAction(t -> {
            if (t.shows("Article 27:[\\s\\S]{0,300}?>Saved<")) {
                return Replies.complete();
            }
            if (t.hasElement("button", ">Save article 27<")) {
                return actions(act("click", "element_id", t.element("button", ">Save article 27<")));
            }
            return actions(act("scroll", "direction", "down", "pixels", 1500));
        });

        JsonNode task = suite.run(s, suite.site().page("feed.html"), "Save the article number 27 of the reader", 8);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(s.turns(Turn.Kind.ACTION).get(0).prompt()).doesNotContain("Article 27");
        assertThat(suite.site().single("saved").field("article")).isEqualTo("27");
        assertThat(suite.site().requests()).contains("/api/feed?page=2", "/api/feed?page=3");
    }
}
