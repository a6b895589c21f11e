package io.skyvern.browser.playwright;

import io.skyvern.browser.ElementNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotReaderTest {

    @Test
    void parses_the_script_result_keeping_attribute_order_and_options() throws Exception {
        String json = """
                {"url":"http://h/x","title":"T","htmlSize":1234,"elements":[
                 {"id":"e1","tag":"select","attributes":{"name":"c","selected":"Japan"},"text":"","label":"Country",
                  "options":[{"value":"jp","label":"Japan","selected":true}],"depth":2,"frame":"","interactable":true},
                 {"id":"","tag":"p","attributes":{},"text":"Hello","label":"","options":[],"depth":0,"frame":"f1",
                  "interactable":false}]}""";

        SnapshotReader.Raw raw = SnapshotReader.parse(json);

        assertThat(raw.url()).isEqualTo("http://h/x");
        assertThat(raw.htmlSize()).isEqualTo(1234);
        ElementNode select = raw.elements().get(0);
        assertThat(select.attributes().keySet()).containsExactly("name", "selected");
        assertThat(select.options()).singleElement().extracting(o -> o.label()).isEqualTo("Japan");
        assertThat(select.depth()).isEqualTo(2);
        assertThat(raw.elements().get(1).frame()).isEqualTo("f1");
        assertThat(raw.elements().get(1).interactable()).isFalse();
    }

    @Test
    void the_script_is_a_function_expression() {
        assertThat(SnapshotReader.SCRIPT.strip()).startsWith("(opts) =>");
    }
}
