package io.skyvern.agent;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ActionExecutorTest {
    private final ActionExecutor executor = new ActionExecutor(Path.of("."));
    private final FakeBrowserSession page = new FakeBrowserSession("http://site.test/shop/list?page=2");

    @Test
    void relative_urls_resolve_against_the_current_page() {
        assertThat(ActionExecutor.resolve("http://site.test/shop/list?page=2", "/cart")).contains("http://site.test/cart");
        assertThat(ActionExecutor.resolve("http://site.test/shop/list?page=2", "item/7")).contains("http://site.test/shop/item/7");
        assertThat(ActionExecutor.resolve("http://site.test/shop/list", "?page=3")).contains("http://site.test/shop/list?page=3");
        assertThat(ActionExecutor.resolve("http://site.test/a", "https://other.test/x")).contains("https://other.test/x");
        assertThat(ActionExecutor.resolve("http://site.test/a", "javascript:alert(1)")).isEmpty();
        assertThat(ActionExecutor.resolve("http://site.test/a", "file:///etc/passwd")).isEmpty();
        assertThat(ActionExecutor.resolve("about:blank", "/cart")).isEmpty();
    }

    @Test
    void goto_url_with_a_relative_href_opens_it() {
        ActionOutcome outcome = executor.execute(new Action.GotoUrl("../cart", null), page, PayloadSecrets.of(null), Set.of());
        assertThat(outcome.success()).as(outcome.message()).isTrue();
        assertThat(page.calls).contains("navigate http://site.test/cart");
    }

    @Test
    void keypress_and_scroll_with_an_element_act_on_that_element() {
        executor.execute(new Action.KeyPress("Enter", "e3", null), page, PayloadSecrets.of(null), Set.of());
        executor.execute(new Action.Scroll("up", 300, "e9", null), page, PayloadSecrets.of(null), Set.of());
        executor.execute(new Action.Scroll("down", 200, null), page, PayloadSecrets.of(null), Set.of());
        assertThat(page.calls).containsExactly("press e3 Enter", "scroll e9 -300", "scroll 200");
    }

    @Test
    void switching_to_a_tab_that_does_not_exist_is_a_failed_action_the_model_can_read() {
        ActionOutcome outcome = executor.execute(new Action.SwitchTab("t9", null), page, PayloadSecrets.of(null), Set.of());
        assertThat(outcome.success()).isFalse();
        assertThat(outcome.message()).isEqualTo("No tab t9");
        assertThat(outcome.download()).isEqualTo(Optional.empty());
    }
}
