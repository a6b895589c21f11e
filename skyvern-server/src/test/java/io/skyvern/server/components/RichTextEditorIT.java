package io.skyvern.server.components;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.skyvern.server.components.Replies.act;
import static io.skyvern.server.components.Replies.actions;
import static org.assertj.core.api.Assertions.assertThat;

/** A contenteditable rich-text editor (Quill): the page publishes the editor's text with a fetch. */
class RichTextEditorIT {
    @RegisterExtension
    static final ComponentSuite suite = new ComponentSuite();

    static final String BODY = "Start at the old pier at low tide and walk north to the lighthouse.";

    @Test
    void text_typed_into_the_editor_is_published() {
        Scenario s = suite.scenario("quill").onAction(t -> {
            if (t.shows("Published\\.")) {
                return Replies.complete();
            }
            return actions(
                    act("input_text", "element_id", t.element("input", "Title"), "text", "Low tide walks"),
                    act("input_text", "element_id", t.element("div", "contenteditable", "Post body"), "text", BODY),
                    act("click", "element_id", t.element("button", ">Publish")));
        });

        JsonNode task = suite.run(s, suite.site().page("editor.html"), "Publish a post titled 'Low tide walks' that says: " + BODY, 3);

        assertThat(task.path("status").asText()).as(s.transcript()).isEqualTo("completed");
        Submission post = suite.site().single("post");
        assertThat(post.fields()).containsEntry("title", "Low tide walks").containsEntry("body", BODY);
        assertThat(post.field("html")).contains("<p>" + BODY + "</p>");
    }
}
