package io.skyvern.browser.playwright;

import io.skyvern.browser.ElementDescriptor;
import io.skyvern.browser.ElementNode;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durable element descriptors in Chromium: an element described on one version of a page is found
 * again on another (other ids, wrappers, order) by what a person sees, and a unique match by a
 * weak clue (an id) is refused when its role or name is no longer the recorded one.
 */
class ElementDescriptorIT extends FixtureSiteBrowserTest {
    private void show(String html) {
        session.navigate(site.url("/web/leaf.html"));
        session.evaluate("document.body.innerHTML = html; return true", Map.of("html", html));
    }

    private ElementDescriptor describe(String tag, String text) {
        ElementNode node = session.snapshot().interactables().stream()
                .filter(e -> e.tag().equals(tag) && (text.isEmpty() || e.text().contains(text))).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + tag + " " + text));
        return session.describe(node.id()).orElseThrow();
    }

    private String headingOf(String id) {
        return String.valueOf(session.evaluate("return document.querySelector('[data-skyvern-id=\"' + id + '\"]')"
                + ".closest('section').querySelector('h2').textContent", Map.of("id", id)));
    }

    @Test
    void the_same_control_twice_is_told_apart_by_the_text_around_it() {
        show("<section><h2>Shipping</h2><button>Continue</button></section>"
                + "<section><h2>Billing</h2><button>Continue</button></section>");
        ElementDescriptor billing = describe("button", "Continue");   // the last one: Billing's
        assertThat(billing.nearText()).contains("Billing");

        show("<main><section class=\"b\"><h2>Billing</h2><p><button class=\"x\" id=\"k2\">Continue</button></p></section>"
                + "<div><section><h2>Shipping</h2><button id=\"k1\">Continue</button></section></div></main>");
        Optional<String> found = session.find(billing);

        assertThat(found).isPresent();
        assertThat(headingOf(found.get())).isEqualTo("Billing");
    }

    @Test
    void an_element_under_its_recorded_id_but_named_otherwise_is_not_found() {
        show("<form><button id=\"primary\" type=\"button\">Sign in</button></form>");
        ElementDescriptor signIn = describe("button", "Sign in");
        assertThat(signIn.attributes()).containsEntry("id", "primary");

        show("<form><button id=\"primary\" type=\"button\">Delete my account</button></form>");
        assertThat(session.find(signIn)).as("found by its id alone").isEmpty();

        show("<form><a href=\"#x\" id=\"primary\">Sign in</a></form>");
        assertThat(session.find(signIn)).as("a link now, not a button").isEmpty();

        show("<div><span><button id=\"other\" type=\"button\">sign   IN</button></span></div>");
        assertThat(session.find(signIn)).as("the same name in other case and spacing").isPresent();

        show("<form><input type=\"submit\" id=\"primary\" value=\"Sign in\" onclick=\"return false\"></form>");
        assertThat(session.find(signIn)).as("another tag, the same role and name").isPresent();
    }

    @Test
    void a_list_inside_its_label_is_found_again_after_a_choice() {
        show("<label>Country <select><option>France</option><option>Japan</option></select></label>");
        ElementDescriptor country = describe("select", "");
        assertThat(country.name()).isEqualTo("Country");

        show("<div><label class=\"l\">Country <select name=\"c\"><option>Japan</option><option selected>France</option>"
                + "</select></label></div>");
        assertThat(session.find(country)).isPresent();
    }
}
