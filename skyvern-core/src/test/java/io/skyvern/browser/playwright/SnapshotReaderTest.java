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

    @Test
    void a_scroll_area_keeps_its_scrollable_attribute_and_a_frame_marker_its_frame() throws Exception {
        String json = """
                {"url":"u","title":"","htmlSize":1,"elements":[
                 {"id":"f2e1","tag":"div","attributes":{"scrollable":"up 0px, down 2400px"},"text":"","label":"",
                  "options":[],"depth":1,"frame":"f2","interactable":true},
                 {"id":"","tag":"iframe","attributes":{"src":"/x","frame":"f3"},"text":"","label":"","options":[],
                  "depth":2,"frame":"f2","interactable":false}]}""";

        SnapshotReader.Raw raw = SnapshotReader.parse(json);

        assertThat(raw.elements().get(0).attribute("scrollable")).isEqualTo("up 0px, down 2400px");
        assertThat(raw.elements().get(1).attribute("frame")).isEqualTo("f3");
    }

    @Test
    void frame_options_carry_the_id_prefix_and_the_top_origin() {
        assertThat(SnapshotReader.options("f2", "http://127.0.0.1:8080"))
                .containsEntry("prefix", "f2").containsEntry("topOrigin", "http://127.0.0.1:8080");
        assertThat(SnapshotReader.probeOptions()).containsEntry("probe", true);
    }

    @Test
    void a_frame_origin_is_scheme_host_and_port() {
        assertThat(FrameSnapshotter.origin("http://127.0.0.1:4567/frame-form?x=1")).isEqualTo("http://127.0.0.1:4567");
        assertThat(FrameSnapshotter.origin("https://example.com/a")).isEqualTo("https://example.com");
        assertThat(FrameSnapshotter.origin("about:blank")).isEqualTo("about:blank");
        assertThat(FrameSnapshotter.origin("not a url")).isEmpty();
    }

    @Test
    void download_names_are_made_safe() {
        assertThat(Downloads.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Downloads.safeName("C:\\x\\report 2024.csv")).isEqualTo("report_2024.csv");
        assertThat(Downloads.safeName("")).isEqualTo("download");
        assertThat(Downloads.safeName("..")).isEqualTo("download");
    }
}
