package io.skyvern.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Template filling from the prompt, choice by {@code when}, and the terminate answer when the page differs. */
class ReplayLlmServerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Recording recording(String json) throws Exception {
        return Recording.parse(MAPPER.readTree(json.replace('\'', '"')));
    }

    private static final String PAGE = "Goal: search\nPage title: Shop\n"
            + "<input id=\"e3\" label=\"Find\" type=\"text\" name=\"q\">\n<button id=\"e4\" type=\"submit\">Search</button>\n"
            + "<td>Dune</td>\n<td>$10.99</td>\n<td>Kindred</td>\n<td>$13.25</td>\n";

    @Test
    void element_ids_are_filled_from_the_prompt() throws Exception {
        Recording r = recording("{'replies':[{'when':'Page title: Shop','reply':{'actions':["
                + "{'action_type':'input_text','element_id':'{{ref:<input id=\\'(e\\\\d+)\\'[^>]*name=\\'q\\'}}','text':'x'},"
                + "{'action_type':'click','element_id':'{{ref:<button id=\\'(e\\\\d+)\\'[^>]*>Search}}',"
                + "'reasoning':'press {{ref:>(Search)<}} now'}]}}]}");
        JsonNode answer = MAPPER.readTree(r.answer(PAGE));
        assertThat(answer.at("/actions/0/element_id").asText()).isEqualTo("e3");
        assertThat(answer.at("/actions/1/element_id").asText()).isEqualTo("e4");
        assertThat(answer.at("/actions/1/reasoning").asText()).isEqualTo("press Search now");
    }

    @Test
    void nth_match_and_numbers_are_filled() throws Exception {
        Recording r = recording("{'replies':[{'reply':{'extracted_information':["
                + "{'title':'{{ref#2:<td>([A-Za-z]+)</td>}}','price':'{{num#2:\\\\$([0-9.]+)}}'}]}}]}");
        JsonNode answer = MAPPER.readTree(r.answer(PAGE));
        assertThat(answer.at("/extracted_information/0/title").asText()).isEqualTo("Kindred");
        assertThat(answer.at("/extracted_information/0/price").isNumber()).isTrue();
        assertThat(answer.at("/extracted_information/0/price").decimalValue()).isEqualByComparingTo("13.25");
    }

    @Test
    void first_reply_whose_when_matches_is_used() throws Exception {
        Recording r = recording("{'replies':[{'name':'extract','when':'What to extract:','reply':{'extracted_information':1}},"
                + "{'name':'act','when':'Page title: Shop','reply':{'actions':[{'action_type':'complete'}]}}]}");
        assertThat(MAPPER.readTree(r.answer("What to extract: x\n" + PAGE)).path("extracted_information").asInt()).isEqualTo(1);
        assertThat(MAPPER.readTree(r.answer(PAGE)).at("/actions/0/action_type").asText()).isEqualTo("complete");
    }

    @Test
    void missing_element_answers_terminate_saying_the_recording_does_not_match() throws Exception {
        Recording r = recording("{'replies':[{'name':'search','reply':{'actions':["
                + "{'action_type':'click','element_id':'{{ref:<button id=\\'(e\\\\d+)\\'[^>]*>Checkout}}'}]}}]}");
        JsonNode answer = MAPPER.readTree(r.answer(PAGE));
        assertThat(answer.at("/actions/0/action_type").asText()).isEqualTo("terminate");
        assertThat(answer.at("/actions/0/reason").asText()).contains("does not match the page").contains("Checkout");
    }

    @Test
    void prompt_no_reply_fits_answers_terminate() throws Exception {
        Recording r = recording("{'replies':[{'when':'Page title: Elsewhere','reply':{'actions':[]}}]}");
        JsonNode answer = MAPPER.readTree(r.answer(PAGE));
        assertThat(answer.at("/actions/0/action_type").asText()).isEqualTo("terminate");
        assertThat(answer.at("/actions/0/reason").asText()).contains("no answer for this page");
    }

    @Test
    void server_speaks_openai_chat_completions_with_estimated_usage() throws Exception {
        Recording r = recording("{'replies':[{'reply':{'actions':[{'action_type':'click',"
                + "'element_id':'{{ref:<button id=\\'(e\\\\d+)\\'}}'}]}}]}");
        try (ReplayLlmServer server = ReplayLlmServer.start(r)) {
            String body = MAPPER.writeValueAsString(MAPPER.createObjectNode().put("model", "demo-replay")
                    .set("messages", MAPPER.createArrayNode()
                            .add(MAPPER.createObjectNode().put("role", "system").put("content", "be brief"))
                            .add(MAPPER.createObjectNode().put("role", "user").set("content", MAPPER.createArrayNode()
                                    .add(MAPPER.createObjectNode().put("type", "text").put("text", PAGE))))));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/chat/completions")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode json = MAPPER.readTree(response.body());
            JsonNode content = MAPPER.readTree(json.at("/choices/0/message/content").asText());
            assertThat(content.at("/actions/0/element_id").asText()).isEqualTo("e4");
            assertThat(json.at("/usage/prompt_tokens").asLong()).isEqualTo(("be brief\n" + PAGE + "\n").length() / 4);
            assertThat(json.at("/model").asText()).isEqualTo("demo-replay");
            assertThat(server.answered()).isEqualTo(1);
        }
    }

    @Test
    void bundled_recording_parses_and_drives_the_bundled_site_pages() throws Exception {
        Recording bundled = Recording.bundled();
        // Three page replies and one answer to the agent's completion check.
        assertThat(bundled.replies()).hasSize(4);
        JsonNode check = MAPPER.readTree(bundled.answer(
                "You verify whether a browser automation agent met its goal.\nPage title: Harbor Books - Search results\n"));
        assertThat(check.at("/goal_met").asBoolean()).isTrue();
        String home = "Page title: Harbor Books - Home\n<input id=\"e1\" label=\"Title or author\" type=\"text\" "
                + "name=\"q\" placeholder=\"e.g. Asimov\">\n<button id=\"e2\" type=\"submit\">Search</button>\n";
        JsonNode step1 = MAPPER.readTree(bundled.answer(home));
        assertThat(step1.at("/actions/0/element_id").asText()).isEqualTo("e1");
        assertThat(step1.at("/actions/0/text").asText()).isEqualTo("Le Guin");
        assertThat(step1.at("/actions/1/element_id").asText()).isEqualTo("e2");
    }
}
