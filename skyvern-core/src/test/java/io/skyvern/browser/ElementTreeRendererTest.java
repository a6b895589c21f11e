package io.skyvern.browser;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElementTreeRendererTest {
    private final ElementTreeRenderer renderer = new ElementTreeRenderer(1_000);

    private static Map<String, String> attrs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static ElementNode node(String id, String tag, Map<String, String> attrs, String text, String label, int depth) {
        return new ElementNode(id, tag, attrs, text, label, List.of(), depth, "", !id.isEmpty());
    }

    @Test
    void input_renders_as_void_tag_with_label_and_attributes_in_order() {
        ElementNode email = node("e12", "input", attrs("type", "email", "placeholder", "Email"), "", "Your email", 0);

        assertThat(renderer.renderNode(email))
                .isEqualTo("<input id=\"e12\" label=\"Your email\" type=\"email\" placeholder=\"Email\">\n");
    }

    @Test
    void text_nodes_and_buttons_close_their_tag_and_indent_by_depth() {
        List<ElementNode> nodes = List.of(
                node("", "h1", Map.of(), "Sign in", "", 0),
                node("e1", "button", attrs("type", "submit"), "Go", "", 1));

        assertThat(renderer.render(nodes).text())
                .isEqualTo("<h1>Sign in</h1>\n  <button id=\"e1\" type=\"submit\">Go</button>\n");
    }

    @Test
    void label_equal_to_text_is_not_repeated() {
        ElementNode link = node("e2", "a", attrs("href", "/x"), "Next", "Next", 0);

        assertThat(renderer.renderNode(link)).isEqualTo("<a id=\"e2\" href=\"/x\">Next</a>\n");
    }

    @Test
    void select_lists_its_options_and_marks_the_selected_one() {
        ElementNode select = new ElementNode("e3", "select", attrs("name", "country"), "", "Country",
                List.of(new ElementOption("de", "Germany", false), new ElementOption("jp", "Japan", true)), 1, "", true);

        assertThat(renderer.renderNode(select)).isEqualTo("""
                  <select id="e3" label="Country" name="country">
                    <option value="de">Germany</option>
                    <option value="jp" selected>Japan</option>
                  </select>
                """);
    }

    @Test
    void markup_in_values_and_text_is_escaped() {
        ElementNode n = node("e4", "button", attrs("title", "say \"hi\" <b>"), "a < b & c", "", 0);

        assertThat(renderer.renderNode(n))
                .isEqualTo("<button id=\"e4\" title=\"say &quot;hi&quot; &lt;b>\">a &lt; b &amp; c</button>\n");
    }

    @Test
    void output_is_capped_with_a_marker_counting_what_was_left_out() {
        List<ElementNode> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            many.add(node("e" + i, "button", Map.of(), "Button number " + i, "", 0));
        }

        ElementTreeRenderer.Rendered r = new ElementTreeRenderer(500).render(many);

        assertThat(r.truncated()).isTrue();
        assertThat(r.text().length()).isLessThanOrEqualTo(500);
        int shown = (int) r.text().lines().filter(l -> l.startsWith("<button")).count();
        assertThat(r.text()).endsWith(ElementTreeRenderer.truncationMarker(100 - shown));
        assertThat(shown).isGreaterThan(5);
    }

    @Test
    void small_pages_are_not_truncated() {
        ElementTreeRenderer.Rendered r = renderer.render(List.of(node("e1", "a", Map.of(), "Home", "", 0)));

        assertThat(r.truncated()).isFalse();
        assertThat(r.text()).isEqualTo("<a id=\"e1\">Home</a>\n");
    }

    @Test
    void a_tiny_cap_is_rejected() {
        assertThatThrownBy(() -> new ElementTreeRenderer(10)).isInstanceOf(IllegalArgumentException.class);
    }
}
