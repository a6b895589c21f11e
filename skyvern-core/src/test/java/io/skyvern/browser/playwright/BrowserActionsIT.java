package io.skyvern.browser.playwright;

import io.skyvern.browser.BrowserActionException;
import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.ElementNode;
import io.skyvern.browser.OptionChoice;
import io.skyvern.browser.PageSnapshot;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.testing.FixtureSite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserActionsIT extends FixtureSiteBrowserTest {
    static String id(PageSnapshot s, Predicate<ElementNode> p) {
        return s.interactables().stream().filter(p).findFirst()
                .orElseThrow(() -> new AssertionError("not found in\n" + s.renderedTree())).id();
    }

    static Predicate<ElementNode> named(String name) {
        return e -> name.equals(e.attribute("name"));
    }

    static Predicate<ElementNode> text(String text) {
        return e -> text.equals(e.text());
    }

    static void logIn(BrowserSession session, FixtureSite site) {
        session.navigate(site.url("/login"));
        PageSnapshot s = session.snapshot();
        session.fill(id(s, named("username")), FixtureSite.USER);
        session.fill(id(s, named("password")), FixtureSite.PASSWORD);
        session.click(id(s, text("Sign in")));
    }

    @Test
    void login_with_fill_and_click_shows_welcome_and_account_number() {
        logIn(session, site);

        PageSnapshot account = session.snapshot();
        assertThat(account.url()).endsWith("/account");
        assertThat(account.text()).contains("Welcome, alice", FixtureSite.accountNumber("alice"));
        assertThat(site.lastSubmission("/login")).get().extracting(sub -> sub.fields().get("password"))
                .isEqualTo(FixtureSite.PASSWORD);
    }

    @Test
    void multi_step_form_with_select_checkbox_radio_and_upload_gives_confirmation(@TempDir Path dir) throws Exception {
        Path doc = Files.writeString(dir.resolve("passport.txt"), "passport scan");
        session.navigate(site.url("/form/step1"));
        PageSnapshot step1 = session.snapshot();
        session.fill(id(step1, named("name")), "Ada Lovelace");
        session.fill(id(step1, named("email")), "ada@example.com");
        session.click(id(step1, text("Next")));

        PageSnapshot step2 = session.snapshot();
        assertThat(step2.text()).contains("Applicant: Ada Lovelace (ada@example.com)");
        session.selectOption(id(step2, named("country")), OptionChoice.label("Japan"));
        session.setChecked(id(step2, named("terms")), true);
        session.setChecked(id(step2, e -> "pro".equals(e.attribute("value"))), true);
        session.uploadFile(id(step2, named("document")), doc);
        PageSnapshot filled = session.snapshot();
        assertThat(filled.element(id(step2, named("country")))).get()
                .extracting(e -> e.attribute("selected")).isEqualTo("Japan");
        assertThat(filled.element(id(step2, named("terms")))).get()
                .extracting(e -> e.attribute("checked")).isEqualTo("true");
        session.click(id(step2, text("Submit application")));

        String expected = FixtureSite.confirmationCode("Ada Lovelace", "ada@example.com", "jp", "pro", "passport.txt");
        assertThat(session.snapshot().text()).contains("Your confirmation code is", expected);
        FixtureSite.Submission sub = site.lastSubmission("/form/submit").orElseThrow();
        assertThat(sub.fields()).containsEntry("country", "jp").containsEntry("plan", "pro")
                .containsEntry("terms", "on").containsEntry("name", "Ada Lovelace");
        assertThat(new String(sub.files().get("document").content(), StandardCharsets.UTF_8)).isEqualTo("passport scan");
    }

    @Test
    void a_links_target_is_its_resolved_href_and_a_non_link_has_none() {
        session.navigate(site.url("/account"));   // not signed in: a page with a relative "Log in" link
        PageSnapshot s = session.snapshot();
        assertThat(session.linkTarget(id(s, text("Log in")))).contains(site.url("/login"));
        assertThat(session.linkTarget("no-such-id")).isEmpty();
    }

    @Test
    void select_by_value_and_index_and_unknown_option_fails() {
        session.navigate(site.url("/form/step2?name=x&email=y"));
        PageSnapshot s = session.snapshot();
        String country = id(s, named("country"));

        session.selectOption(country, OptionChoice.value("fr"));
        assertThat(session.snapshot().element(country).orElseThrow().attribute("selected")).isEqualTo("France");
        session.selectOption(country, OptionChoice.index(1));
        assertThat(session.snapshot().element(country).orElseThrow().attribute("selected")).isEqualTo("Germany");
        assertThatThrownBy(() -> session.selectOption(country, OptionChoice.label("Atlantis")))
                .isInstanceOf(BrowserActionException.class).hasMessageContaining(country);
    }

    @Test
    void javascript_rendered_content_appears_after_click_and_wait() {
        session.navigate(site.url("/dynamic"));
        PageSnapshot before = session.snapshot();
        assertThat(before.text()).doesNotContain("Shipment 7781");

        session.click(id(before, text("Load details")));
        session.waitFor(Duration.ofMillis(400));

        assertThat(session.snapshot().text()).contains("Shipment 7781 departs on Tuesday");
    }

    @Test
    void download_saves_the_csv(@TempDir Path dir) throws Exception {
        session.navigate(site.url("/download"));
        PageSnapshot s = session.snapshot();

        Path file = session.download(id(s, e -> e.text().startsWith("Download the quarterly")), dir);

        assertThat(file.getFileName().toString()).isEqualTo("report.csv");
        assertThat(file.getParent()).isEqualTo(dir);
        assertThat(Files.readString(file)).isEqualTo(FixtureSite.CSV);
    }

    @Test
    void unknown_element_id_is_an_action_exception_and_the_session_keeps_working() {
        session.navigate(site.url("/login"));

        assertThatThrownBy(() -> session.click("e99")).isInstanceOf(BrowserActionException.class)
                .hasMessage("No element with id e99 on the page");
        assertThatThrownBy(() -> session.fill("f7e1", "x")).isInstanceOf(BrowserActionException.class)
                .hasMessage("No element with id f7e1 on the page");
        assertThatThrownBy(() -> session.click("not-an-id")).isInstanceOf(BrowserActionException.class);
        assertThat(session.title()).isEqualTo("Log in");
    }

    @Test
    void navigation_error_and_wrong_element_kind_are_action_exceptions() {
        session.navigate(site.url("/login"));
        String button = id(session.snapshot(), text("Sign in"));

        assertThatThrownBy(() -> session.selectOption(button, OptionChoice.index(0)))
                .isInstanceOf(BrowserActionException.class).hasMessageStartingWith("Selecting");
        assertThatThrownBy(() -> session.navigate("http://127.0.0.1:1/nothing"))
                .isInstanceOf(BrowserActionException.class).hasMessageContaining("Navigation to");
    }

    @Test
    void evaluate_returns_json_values_and_sees_args() {
        session.navigate(site.url("/products"));

        Object rows = session.evaluate("return Array.from(document.querySelectorAll('tbody tr'))"
                + ".slice(0, limit).map(r => ({name: r.cells[0].textContent, stock: Number(r.cells[2].textContent)}));",
                Map.of("limit", 2));
        Object awaited = session.evaluate("await new Promise(r => setTimeout(r, 10)); return a + b;",
                Map.of("a", 2, "b", 3));

        assertThat(rows).isEqualTo(List.of(Map.of("name", "Blue Widget", "stock", 42),
                Map.of("name", "Red Gadget", "stock", 0)));
        assertThat(awaited).isEqualTo(5);
        assertThat(session.evaluate("document.title;", Map.of())).isNull();
        assertThatThrownBy(() -> session.evaluate("throw new Error('boom')", Map.of()))
                .isInstanceOf(BrowserActionException.class).hasMessageContaining("boom");
    }

    @Test
    void hover_scroll_press_back_and_screenshot_work() {
        session.navigate(site.url("/list?page=1"));
        PageSnapshot page1 = session.snapshot();
        session.hover(id(page1, text("Next")));
        session.scroll(0, 300);
        session.click(id(page1, text("Next")));
        assertThat(session.snapshot().text()).contains("Item 6");
        session.goBack();
        assertThat(session.currentUrl()).endsWith("/list?page=1");

        session.navigate(site.url("/login"));
        String user = id(session.snapshot(), named("username"));
        session.click(user);
        session.press("a");
        session.press("b");
        assertThat(session.snapshot().element(user).orElseThrow().attribute("value")).isEqualTo("ab");

        byte[] png = session.screenshot();
        assertThat(png).hasSizeGreaterThan(1000);
        assertThat(new byte[]{png[1], png[2], png[3]}).isEqualTo("PNG".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void closed_session_refuses_actions() {
        session.navigate(site.url("/login"));
        session.close();

        assertThat(session.closed()).isTrue();
        assertThatThrownBy(() -> session.title()).isInstanceOf(SkyvernException.class)
                .extracting(e -> ((SkyvernException) e).errorCode()).isEqualTo(ErrorCode.BROWSER_SESSION_CLOSED);
    }
}
