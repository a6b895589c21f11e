package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.skyvern.server.components.Replies.act;
import static io.skyvern.server.components.Replies.actions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV downloads: one made in the page (a Blob and a temporary link), one sent by the server as an
 * attachment, and one that starts in a tab a link opened. The file must be an artifact of the task,
 * byte for byte.
 */
class CsvDownloadIT {
    @RegisterExtension
    static final ComponentSuite suite = new ComponentSuite();

    private JsonNode download(Scenario s) {
        return suite.run(s, suite.site().page("export.html"), "Download the orders as CSV", 3);
    }

    private static Scenario downloading(String name, String button) {
        return suite.scenario(name).onAction(t -> t.index() == 0
                ? actions(act("download_file", "element_id", t.element("button", ">" + button)))
                : Replies.complete());
    }

    private String downloadedText(JsonNode task, Scenario s) {
        List<JsonNode> files = suite.artifacts(task.path("task_id").asText(), "download");
        assertThat(files).as("download artifacts among %s\n%s", suite.artifacts(task.path("task_id").asText(), null),
                s.transcript()).hasSize(1);
        return new String(suite.content(files.get(0)), StandardCharsets.UTF_8);
    }

    @Test
    void a_csv_made_in_the_page_as_a_blob_becomes_an_artifact() {
        Scenario s = downloading("csv-blob", "Export table as CSV");

        JsonNode task = download(s);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(downloadedText(task, s)).isEqualTo(FixtureApis.ORDERS_CSV);
        assertThat(suite.site().requests()).noneMatch(r -> r.startsWith("/export/"));
    }

    @Test
    void a_download_that_starts_in_a_new_tab_after_a_click_still_becomes_an_artifact() {
        Scenario s = suite.scenario("csv-new-tab").onAction(t -> t.index() == 0
                ? actions(act("click", "element_id", t.element("a", ">Open the report in a new tab")))
                : Replies.complete());

        JsonNode task = download(s);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(downloadedText(task, s)).isEqualTo(FixtureApis.ORDERS_CSV);
        assertThat(suite.site().requests()).contains("/export/orders.csv?tab=new");
    }

    @Test
    void a_csv_the_server_sends_as_an_attachment_becomes_an_artifact() {
        Scenario s = downloading("csv-server", "Download the server report");

        JsonNode task = download(s);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        assertThat(downloadedText(task, s)).isEqualTo(FixtureApis.ORDERS_CSV);
        assertThat(suite.site().requests()).anyMatch(r -> r.startsWith("/export/orders.csv"));
    }
}
