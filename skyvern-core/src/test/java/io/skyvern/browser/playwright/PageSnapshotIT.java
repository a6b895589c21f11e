package io.skyvern.browser.playwright;

import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.ElementNode;
import io.skyvern.browser.PageSnapshot;
import io.skyvern.browser.SessionOptions;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageSnapshotIT extends FixtureSiteBrowserTest {
    private PageSnapshot snapshotOf(String path) {
        session.navigate(site.url(path));
        return session.snapshot();
    }

    private static ElementNode byAttr(PageSnapshot s, String attr, String value) {
        return s.interactables().stream().filter(e -> value.equals(e.attribute(attr))).findFirst()
                .orElseThrow(() -> new AssertionError("no element with " + attr + "=" + value + " in\n" + s.renderedTree()));
    }

    @Test
    void login_page_fields_have_ids_and_labels_and_no_password_value() {
        PageSnapshot s = snapshotOf("/login");

        ElementNode user = byAttr(s, "name", "username");
        ElementNode password = byAttr(s, "name", "password");
        assertThat(user.id()).matches("e\\d+");
        assertThat(user.label()).isEqualTo("Username");
        assertThat(user.attribute("placeholder")).isEqualTo("Your username");
        assertThat(user.attribute("required")).isEqualTo("true");
        assertThat(password.label()).isEqualTo("Password");
        assertThat(password.attributes()).doesNotContainKey("value");
        assertThat(s.renderedTree()).doesNotContain("prefilled-secret")
                .contains("<input id=" + user.id() + " label=Username placeholder=\"Your username\" required>")   // name=username only repeated the label
                .contains("Sign in</button>")
                .contains("<h1>Log in to your account</h1>");
        assertThat(s.title()).isEqualTo("Log in");
        assertThat(s.htmlSize()).isGreaterThan(100);
    }

    @Test
    void ids_stay_the_same_across_snapshots_of_one_page() {
        PageSnapshot first = snapshotOf("/login");
        PageSnapshot second = session.snapshot();

        assertThat(second.interactables()).extracting(ElementNode::id)
                .containsExactlyElementsOf(first.interactables().stream().map(ElementNode::id).toList());
    }

    @Test
    void hidden_elements_are_left_out_and_special_interactables_kept() {
        PageSnapshot s = snapshotOf("/widgets");
        String tree = s.renderedTree();

        assertThat(tree).doesNotContain("csrf", "display none", "Invisible button", "Flat button",
                "Aria hidden button", "Hidden details text");
        List<String> texts = s.interactables().stream().map(ElementNode::text).toList();
        assertThat(texts).contains("Clickable card", "Inline handler", "Editable note", "Role button",
                "More info", "Shadow button", "Send me news");
        assertThat(byAttr(s, "name", "agree").label()).isEqualTo("I agree to the rules");
        assertThat(byAttr(s, "name", "news").label()).isEqualTo("Send me news");
        assertThat(byAttr(s, "name", "comment").attribute("value")).isEqualTo("Hello");
        ElementNode size = byAttr(s, "name", "size");
        assertThat(size.attribute("selected")).isEqualTo("Medium");
        assertThat(size.options()).extracting(o -> o.value() + ":" + o.label() + ":" + o.selected())
                .containsExactly("s:Small:false", "m:Medium:true");
        assertThat(tree).contains("\nVisible paragraph of text.\n");
    }

    @Test
    void shadow_root_element_is_present_and_clickable() {
        PageSnapshot s = snapshotOf("/widgets");
        ElementNode shadow = s.interactables().stream().filter(e -> e.text().equals("Shadow button")).findFirst()
                .orElseThrow();

        session.click(shadow.id());

        assertThat(session.title()).isEqualTo("Shadow clicked");
    }

    @Test
    void iframe_elements_have_frame_prefixed_ids_and_are_actionable() {
        PageSnapshot s = snapshotOf("/iframe");
        ElementNode input = byAttr(s, "name", "value");
        ElementNode submit = s.interactables().stream().filter(e -> e.text().equals("Subscribe")).findFirst()
                .orElseThrow();

        assertThat(input.id()).matches("f\\d+e\\d+");
        assertThat(input.frame()).isNotEmpty();
        assertThat(input.label()).isEqualTo("Nickname");
        assertThat(s.renderedTree()).contains("<iframe src=/frame-form frame=" + input.frame() + " origin="
                + site.baseUrl() + ">");

        session.fill(input.id(), "robin");
        session.click(submit.id());
        session.waitFor(java.time.Duration.ofMillis(300));

        assertThat(session.snapshot().text()).contains("Iframe submitted: robin");
        assertThat(site.lastSubmission("/frame-form/submit")).get()
                .extracting(sub -> sub.fields().get("value")).isEqualTo("robin");
    }

    @Test
    void product_table_and_list_text_is_readable() {
        PageSnapshot products = snapshotOf("/products");
        assertThat(products.text()).contains("Blue Widget", "$19.99", "42", "Yellow Doohickey", "Stock");
        assertThat(products.renderedTree()).contains("| Green Gizmo |");

        PageSnapshot list = snapshotOf("/list?page=2");
        assertThat(list.text()).contains("Item 6", "Item 10", "Page 2 of 3").doesNotContain("Item 11");
        assertThat(list.interactables()).extracting(ElementNode::text).contains("Previous", "Next");
        assertThat(byAttr(list, "href", "/list?page=3").text()).isEqualTo("Next");
    }

    @Test
    void rendered_tree_is_capped_with_a_marker() {
        session.navigate(site.url("/widgets"));
        BrowserSession small = manager.openSession(SessionOptions.fresh().withMaxTreeChars(300));
        try {
            small.navigate(site.url("/widgets"));
            PageSnapshot s = small.snapshot();
            assertThat(s.truncated()).isTrue();
            assertThat(s.renderedTree().length()).isLessThanOrEqualTo(300);
            assertThat(s.renderedTree()).contains("[truncated:");
        } finally {
            small.close();
        }
    }
}
