package io.skyvern.browser.playwright;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A lane's spare page in Chromium: made on request, handed out once, not counted, never from a dead browser. */
class SparePageIT {

    @Test
    void a_spare_is_handed_out_once_is_not_an_open_context_and_dies_with_its_browser() {
        BrowserLane lane = new BrowserLane("spare-test", new BrowserLauncher(TestBrowsers.config()));
        try {
            lane.refillSpare(b -> b.newContext());
            assertThat(lane.call(lane::takeSpare)).as("no browser runs: a spare never launches one").isEmpty();

            lane.run(() -> lane.browser());
            lane.refillSpare(b -> b.newContext());
            assertThat(lane.openContexts()).as("a spare is not an open context").isZero();
            Optional<BrowserLane.Spare> spare = lane.call(lane::takeSpare);
            assertThat(spare).isPresent();
            assertThat(lane.call(() -> spare.get().page().url())).isEqualTo("about:blank");
            assertThat(lane.call(lane::takeSpare)).as("handed out once").isEmpty();
            assertThat(lane.openContexts()).as("taken, it is a session's context").isOne();
            lane.run(() -> spare.get().context().close());

            lane.refillSpare(b -> b.newContext());
            lane.killBrowser();
            assertThat(lane.call(lane::takeSpare)).as("it died with its browser").isEmpty();
        } finally {
            lane.close();
        }
    }
}
