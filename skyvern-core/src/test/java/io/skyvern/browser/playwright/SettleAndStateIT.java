package io.skyvern.browser.playwright;

import io.skyvern.browser.ElementNode;
import io.skyvern.browser.PageSnapshot;
import io.skyvern.browser.PageState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Snapshots wait for late content; pageState sees navigations and new interactables. */
class SettleAndStateIT extends FixtureSiteBrowserTest {

    @Test
    void navigation_waits_for_content_rendered_and_fetched_after_load() {
        session.navigate(site.url("/web/late"));
        PageSnapshot s = session.snapshot();

        assertThat(s.text()).contains("Rendered after load", "Fetched: late content").doesNotContain("Loading");
    }

    @Test
    void snapshot_after_a_click_waits_for_the_request_it_started() {
        session.navigate(site.url("/web/late"));
        String more = session.snapshot().interactables().stream().filter(e -> e.text().equals("Load more"))
                .findFirst().orElseThrow().id();

        session.click(more);
        PageSnapshot s = session.snapshot();

        assertThat(s.text()).contains("More: late content");
        assertThat(s.settle().waitedMs()).isPositive();
        assertThat(s.settle().waitedFor()).contains("network").doesNotContain("timed out");
    }

    @Test
    void snapshot_of_a_static_page_reports_it_waited_for_nothing() {
        session.navigate(site.url("/login"));
        session.waitFor(java.time.Duration.ofMillis(250));

        assertThat(session.snapshot().settle().waitedFor()).isEqualTo("nothing");
    }

    @Test
    void page_state_counts_interactables_a_menu_opened_and_changes_document_on_reload() {
        session.navigate(site.url("/web/menu"));
        PageSnapshot s = session.snapshot();
        PageState before = session.pageState();
        String actions = s.interactables().stream().filter(e -> e.text().equals("Actions")).map(ElementNode::id)
                .findFirst().orElseThrow();

        session.click(actions);
        PageState after = session.pageState();

        assertThat(before.unseenInteractables()).isZero();
        assertThat(after.unseenInteractables()).isEqualTo(2);
        assertThat(after.documentId()).isEqualTo(before.documentId()).isNotEmpty();
        assertThat(after.tabId()).isEqualTo("t1");
        session.snapshot();
        assertThat(session.pageState().unseenInteractables()).isZero();

        session.navigate(site.url("/web/menu"));
        assertThat(session.pageState().documentId()).isNotEqualTo(before.documentId());
    }
}
