package io.skyvern.browser.playwright;

import io.skyvern.browser.BrowserActionException;
import io.skyvern.browser.BrowserEvent;
import io.skyvern.browser.ElementNode;
import io.skyvern.browser.PageSnapshot;
import io.skyvern.browser.TabInfo;
import io.skyvern.testing.FixtureSite;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pages the context opens are followed as tabs; switching, closing, downloads from another tab. */
class TabsIT extends FixtureSiteBrowserTest {

    private String idOf(PageSnapshot s, String text) {
        return s.interactables().stream().filter(e -> e.text().startsWith(text)).map(ElementNode::id).findFirst()
                .orElseThrow(() -> new AssertionError(text + " not in\n" + s.renderedTree()));
    }

    @Test
    void target_blank_link_opens_a_tab_that_becomes_current() {
        session.navigate(site.url("/web/tabs"));
        session.click(idOf(session.snapshot(), "Open leaf"));

        PageSnapshot s = session.snapshot();
        List<BrowserEvent> events = session.drainEvents();

        assertThat(s.url()).endsWith("/web/leaf");
        assertThat(s.tabs()).extracting(TabInfo::tabId, TabInfo::current)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t1", false), org.assertj.core.groups.Tuple.tuple("t2", true));
        assertThat(events).singleElement().isInstanceOfSatisfying(BrowserEvent.TabOpened.class, e -> {
            assertThat(e.tabId()).isEqualTo("t2");
            assertThat(e.url()).endsWith("/web/leaf");
            assertThat(e.followed()).isTrue();
        });
        assertThat(session.pageState().tabId()).isEqualTo("t2");
    }

    @Test
    void popup_is_followed_and_closing_itself_returns_to_the_opener() {
        session.navigate(site.url("/web/tabs"));
        session.click(idOf(session.snapshot(), "Open popup"));
        PageSnapshot popup = session.snapshot();
        assertThat(popup.title()).isEqualTo("Popup");
        session.drainEvents();

        session.click(idOf(popup, "Close this window"));
        session.waitFor(java.time.Duration.ofMillis(200));

        assertThat(session.snapshot().title()).isEqualTo("Tabs");
        assertThat(session.drainEvents()).singleElement().isInstanceOfSatisfying(BrowserEvent.TabClosed.class, e -> {
            assertThat(e.tabId()).isEqualTo("t2");
            assertThat(e.nowCurrent()).isEqualTo("t1");
        });
    }

    @Test
    void switch_and_close_tabs_and_the_last_tab_stays() {
        session.navigate(site.url("/web/tabs"));
        session.click(idOf(session.snapshot(), "Open leaf"));
        session.snapshot();

        session.switchTab("t1");
        assertThat(session.currentUrl()).endsWith("/web/tabs");
        session.switchTab("t2");
        session.closeTab("t2");

        assertThat(session.tabs()).extracting(TabInfo::tabId).containsExactly("t1");
        assertThat(session.currentUrl()).endsWith("/web/tabs");
        assertThatThrownBy(() -> session.closeTab("t1")).isInstanceOf(BrowserActionException.class)
                .hasMessageContaining("last open tab");
        assertThatThrownBy(() -> session.switchTab("t9")).isInstanceOf(BrowserActionException.class)
                .hasMessageContaining("No open tab t9");
    }

    @Test
    void a_download_started_in_a_popup_is_saved_and_reported() throws Exception {
        session.navigate(site.url("/web/tabs"));
        session.click(idOf(session.snapshot(), "Open popup"));
        session.click(idOf(session.snapshot(), "Export CSV"));
        List<BrowserEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < 50 && events.stream().noneMatch(e -> e instanceof BrowserEvent.DownloadSaved); i++) {
            session.waitFor(java.time.Duration.ofMillis(100));   // the download finishes on its own time
            events.addAll(session.drainEvents());
        }

        BrowserEvent.DownloadSaved saved = events.stream().filter(e -> e instanceof BrowserEvent.DownloadSaved)
                .map(e -> (BrowserEvent.DownloadSaved) e).findFirst().orElseThrow(() -> new AssertionError(events));
        assertThat(saved.tabId()).isEqualTo("t2");
        assertThat(saved.file().getFileName().toString()).isEqualTo("report.csv");
        assertThat(Files.readString(saved.file())).isEqualTo(FixtureSite.CSV);
        Files.deleteIfExists(saved.file());
        Files.deleteIfExists(saved.file().getParent());
    }

    @Test
    void download_action_still_returns_its_file_without_an_event() throws Exception {
        session.navigate(site.url("/web/popup"));
        Path dir = Files.createTempDirectory("dl");

        Path file = session.download(idOf(session.snapshot(), "Export CSV"), dir);

        assertThat(Files.readString(file)).isEqualTo(FixtureSite.CSV);
        assertThat(session.drainEvents()).noneMatch(e -> e instanceof BrowserEvent.DownloadSaved);
        Files.delete(file);
        Files.delete(dir);
    }
}
