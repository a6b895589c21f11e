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
                .isEqualTo("<input id=e12 label=\"Your email\" type=email placeholder=Email>\n");
    }

    @Test
    void text_nodes_and_buttons_close_their_tag_and_indent_by_depth() {
        List<ElementNode> nodes = List.of(
                node("", "h1", Map.of(), "Sign in", "", 0),
                node("e1", "button", attrs("type", "submit"), "Go", "", 1));

        assertThat(renderer.render(nodes).text())
                .isEqualTo("<h1>Sign in</h1>\n <button id=e1>Go</button>\n");
    }

    @Test
    void label_equal_to_text_is_not_repeated() {
        ElementNode link = node("e2", "a", attrs("href", "/x"), "Next", "Next", 0);

        assertThat(renderer.renderNode(link)).isEqualTo("<a id=e2 href=/x>Next</a>\n");
        assertThat(renderer.renderNode(node("e9", "a", attrs("href", "/cart"), "", "", 0))).isEqualTo("<a id=e9 href=/cart></a>\n");
    }

    @Test
    void select_lists_its_options_and_marks_the_selected_one() {
        ElementNode select = new ElementNode("e3", "select", attrs("name", "country"), "", "Country",
                List.of(new ElementOption("de", "Germany", false), new ElementOption("jp", "Japan", true)), 1, "", true);

        assertThat(renderer.renderNode(select)).isEqualTo(
                " <select id=e3 label=Country>Germany | Japan (selected)</select>\n");
    }

    @Test
    void markup_in_values_and_text_is_escaped() {
        ElementNode n = node("e4", "button", attrs("title", "say \"hi\" <b>"), "a < b & c", "", 0);

        assertThat(renderer.renderNode(n))
                .isEqualTo("<button id=e4 title=\"say &quot;hi&quot; &lt;b>\">a &lt; b &amp; c</button>\n");
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
        int shown = r.text().split("<button", -1).length - 1;   // runs of buttons share lines
        assertThat(r.text()).endsWith(ElementTreeRenderer.truncationMarker(100 - shown));
        assertThat(shown).isGreaterThan(5);
    }

    @Test
    void small_pages_are_not_truncated() {
        ElementTreeRenderer.Rendered r = renderer.render(List.of(node("e1", "a", Map.of(), "Home", "", 0)));

        assertThat(r.truncated()).isFalse();
        assertThat(r.text()).isEqualTo("<a id=e1>Home</a>\n");
    }

    @Test
    void a_tiny_cap_is_rejected() {
        assertThatThrownBy(() -> new ElementTreeRenderer(10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void attributes_that_say_nothing_are_left_out() {
        ElementNode unchecked = node("e5", "input", attrs("type", "checkbox", "value", "on", "checked", "false"), "", "Gift wrap", 0);
        ElementNode checked = node("e6", "input", attrs("type", "radio", "value", "express", "checked", "true",
                "required", "true"), "", "Express", 0);
        ElementNode select = new ElementNode("e7", "select", attrs("selected", "Japan"), "", "",
                List.of(new ElementOption("Japan", "Japan", true)), 0, "", true);
        ElementNode tracking = node("e8", "a", attrs("href", "https://ads.example.net/click?campaign=123456789&utm_source="
                + "x".repeat(80), "title", "Buy now"), "Buy now", "", 0);

        assertThat(renderer.renderNode(unchecked)).isEqualTo("<input id=e5 label=\"Gift wrap\" type=checkbox>\n");
        assertThat(renderer.renderNode(checked))
                .isEqualTo("<input id=e6 label=Express type=radio value=express checked required>\n");
        assertThat(renderer.renderNode(select)).isEqualTo("<select id=e7>Japan (selected)</select>\n");
        assertThat(renderer.renderNode(tracking)).isEqualTo("<a id=e8 href=\"https://ads.example.net/…\">Buy now</a>\n");
    }

    @Test
    void a_link_inside_a_paragraph_or_cell_is_written_in_place_not_repeated() {
        List<ElementNode> nodes = List.of(
                node("", "p", Map.of(), "Read our terms before you order.", "", 0),
                node("e1", "a", attrs("href", "/terms"), "terms", "", 1),
                node("", "td", Map.of(), "#18342", "", 0),
                node("e2", "a", attrs("href", "/orders/18342"), "#18342", "", 1));

        assertThat(renderer.render(nodes).text()).isEqualTo("""
                <p>Read our <a id=e1 href=/terms>terms</a> before you order.</p>
                <a id=e2 href=/orders/18342>#18342</a>
                """.replace("<p>", "").replace("</p>", ""));
    }

    @Test
    void a_breadcrumb_separator_follows_its_crumb_instead_of_taking_a_line() {
        List<ElementNode> nodes = List.of(
                node("e1", "a", attrs("href", "/"), "Home", "", 0),
                node("", "li", Map.of(), "/", "", 0),
                node("", "li", Map.of(), "Jackets", "", 0));

        assertThat(renderer.render(nodes).text()).isEqualTo("<a id=e1 href=\"/\">Home</a> /\n- Jackets\n");
    }

    @Test
    void a_table_row_is_one_line_of_cells_with_its_controls() {
        List<ElementNode> nodes = List.of(
                node("", "tr", Map.of(), "", "", 0),
                node("", "th", Map.of(), "Order", "", 1),
                node("", "th", Map.of(), "Total", "", 1),
                node("", "tr", Map.of(), "", "", 0),
                node("", "td", Map.of(), "#18342", "", 1),
                node("e2", "a", attrs("href", "/o/18342"), "#18342", "", 2),
                node("", "td", Map.of(), "$120.00", "", 1),
                node("e3", "button", Map.of(), "More actions", "", 1));

        assertThat(renderer.render(nodes).text()).isEqualTo("""
                | Order | Total |
                | <a id=e2>#18342</a> | $120.00 | <button id=e3>More actions</button> |
                """);
    }

    @Test
    void text_that_only_repeats_a_fields_label_is_said_once_by_the_field() {
        List<ElementNode> nodes = List.of(
                node("", "li", Map.of(), "Free shipping", "", 0),
                node("e4", "label", Map.of(), "Free shipping", "", 1),
                node("e5", "input", attrs("type", "checkbox", "checked", "false"), "", "Free shipping", 2));

        assertThat(renderer.render(nodes).text())
                .isEqualTo("  <input id=e5 label=\"Free shipping\" type=checkbox>\n");
    }

    @Test
    void an_icon_control_is_named_by_its_aria_label_stays_with_its_item_and_a_repeated_href_is_shown_once() {
        List<ElementNode> nodes = List.of(
                node("", "li", Map.of(), "Parka $349.00", "", 0),
                node("e1", "a", attrs("href", "/products/parka"), "Parka", "", 1),
                node("e2", "a", attrs("href", "/products/parka", "aria-label", "Parka photo"), "", "", 1),
                node("e3", "a", attrs("href", "/products/vest"), "Vest", "", 0));

        assertThat(renderer.render(nodes).text()).isEqualTo("""
                - <a id=e1 href=/products/parka>Parka</a> <a id=e2>Parka photo</a> $349.00
                <a id=e3 href=/products/vest>Vest</a>
                """);
    }

    @Test
    void icon_buttons_of_a_comment_stay_on_its_line_in_page_order() {
        List<ElementNode> nodes = List.of(
                node("", "li", Map.of(), "ann 2h ago Great piece. 73 likes Reply", "", 0),
                node("e1", "a", attrs("href", "/u/ann"), "ann", "", 1),
                node("e2", "button", attrs("aria-label", "More options"), "", "", 1),
                node("e3", "button", Map.of(), "73 likes", "", 1),
                node("e4", "button", Map.of(), "Reply", "", 1),
                node("e5", "button", attrs("aria-label", "Share comment"), "", "", 1),
                node("", "li", Map.of(), "bob 1h ago Agreed. 2 likes Reply", "", 0),
                node("e6", "a", attrs("href", "/u/bob"), "bob", "", 1),
                node("e7", "button", attrs("aria-label", "More options"), "", "", 1));

        assertThat(renderer.render(nodes).text()).isEqualTo("""
                - <a id=e1 href=/u/ann>ann</a> <button id=e2>More options</button> 2h ago Great piece. <button id=e3>73 likes</button> <button id=e4>Reply</button> <button id=e5>Share comment</button>
                - <a id=e6 href=/u/bob>bob</a> <button id=e7>More options</button> 1h ago Agreed. 2 likes Reply
                """);
    }

    @Test
    void a_field_name_that_repeats_the_label_or_belongs_to_a_checkbox_is_left_out() {
        ElementNode email = node("e1", "input", attrs("type", "email", "name", "checkout[email]"), "", "Email", 0);
        ElementNode search = node("e2", "input", attrs("type", "search", "name", "q"), "", "Search", 0);
        ElementNode rowBox = node("e3", "input", attrs("type", "checkbox", "name", "selected[]"), "", "", 0);

        assertThat(renderer.renderNode(email)).isEqualTo("<input id=e1 label=Email type=email>\n");
        assertThat(renderer.renderNode(search)).isEqualTo("<input id=e2 label=Search type=search name=q>\n");
        assertThat(renderer.renderNode(rowBox)).isEqualTo("<input id=e3 type=checkbox>\n");
    }

    @Test
    void a_run_of_controls_at_one_depth_shares_a_line_and_headings_keep_theirs() {
        List<ElementNode> nodes = List.of(
                node("e1", "button", Map.of(), "Navy", "", 1),
                node("e2", "button", Map.of(), "Sand", "", 1),
                node("", "h2", Map.of(), "Reviews", "", 1),
                node("e3", "button", Map.of(), "Write one", "", 1));

        assertThat(renderer.render(nodes).text()).isEqualTo("""
                 <button id=e1>Navy</button> <button id=e2>Sand</button>
                 <h2>Reviews</h2>
                 <button id=e3>Write one</button>
                """);
    }

    @Test
    void values_with_spaces_quotes_or_a_trailing_slash_stay_quoted() {
        assertThat(renderer.renderNode(node("e1", "a", attrs("href", "/"), "Home", "", 0))).isEqualTo("<a id=e1 href=\"/\">Home</a>\n");
        assertThat(renderer.renderNode(node("e2", "input", attrs("placeholder", "a=b"), "", "", 0)))
                .isEqualTo("<input id=e2 placeholder=\"a=b\">\n");
    }
}
