package io.skyvern.browser.playwright;

import io.skyvern.browser.BrowserEvent;
import io.skyvern.browser.DialogResponse;
import io.skyvern.browser.ElementNode;
import io.skyvern.browser.PageSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** alert, confirm, prompt and beforeunload are answered at once and reported. */
class DialogsIT extends FixtureSiteBrowserTest {

    private String click(String text) {
        PageSnapshot s = session.snapshot();
        String id = s.interactables().stream().filter(e -> e.text().equals(text)).map(ElementNode::id).findFirst()
                .orElseThrow(() -> new AssertionError(text + " not in\n" + s.renderedTree()));
        session.click(id);
        return session.snapshot().text();
    }

    @Test
    void alert_confirm_and_prompt_are_accepted_by_default_and_reported() {
        session.navigate(site.url("/web/dialogs"));

        assertThat(click("Alert")).contains("after alert");
        assertThat(click("Confirm")).contains("confirmed");
        assertThat(click("Prompt")).contains("name=anon");

        assertThat(session.drainEvents()).containsExactly(
                new BrowserEvent.DialogShown("alert", "Saved!", true, ""),
                new BrowserEvent.DialogShown("confirm", "Delete everything?", true, ""),
                new BrowserEvent.DialogShown("prompt", "Your name?", true, "anon"));
    }

    @Test
    void the_answer_set_for_the_next_dialog_is_used_once() {
        session.navigate(site.url("/web/dialogs"));

        session.answerNextDialog(new DialogResponse(false, null));
        assertThat(click("Confirm")).contains("cancelled");
        assertThat(click("Confirm")).contains("confirmed");
        session.answerNextDialog(new DialogResponse(true, "Robin"));
        assertThat(click("Prompt")).contains("name=Robin");

        assertThat(session.drainEvents()).extracting(e -> ((BrowserEvent.DialogShown) e).accepted())
                .containsExactly(false, true, true);
    }

    @Test
    void beforeunload_on_leaving_a_touched_page_is_answered_and_the_navigation_happens() {
        session.navigate(site.url("/web/unload"));
        PageSnapshot s = session.snapshot();
        String draft = s.interactables().stream().filter(e -> "draft".equals(e.attribute("name"))).findFirst()
                .orElseThrow().id();
        session.click(draft);  // a user gesture: Chromium only asks pages the user touched
        session.fill(draft, "text");

        assertThat(click("Leave the editor")).contains("Leaf frame");

        assertThat(session.drainEvents()).singleElement().isInstanceOfSatisfying(BrowserEvent.DialogShown.class,
                d -> assertThat(d.dialogType()).isEqualTo("beforeunload"));
    }
}
