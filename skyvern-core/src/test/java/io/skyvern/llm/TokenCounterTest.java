package io.skyvern.llm;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCounterTest {
    private final TokenCounter counter = TokenCounter.o200k();

    @Test
    void counts_with_the_o200k_vocabulary() {
        // Reference counts from OpenAI's tiktoken (o200k_base).
        assertThat(counter.count("hello world")).isEqualTo(2);
        assertThat(counter.count("Hello, world!")).isEqualTo(4);
        assertThat(counter.encodingName()).isEqualTo("o200k_base");
    }

    @Test
    void empty_text_is_zero_tokens() {
        assertThat(counter.count("")).isZero();
    }

    @Test
    void special_token_text_from_a_page_is_counted_as_ordinary_text() {
        assertThat(counter.count("<|endoftext|>")).isGreaterThan(1);
        assertThat(counter.count("a <|endoftext|> b")).isGreaterThan(counter.count("<|endoftext|>"));
    }

    @Test
    void null_text_is_rejected() {
        assertThatThrownBy(() -> counter.count((String) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void messages_count_their_text_parts_and_not_their_images() {
        String system = "You are a browser automation agent.";
        String user = "Goal: buy the blue shirt in size M";
        List<LlmMessage> messages = List.of(LlmMessage.system(system), LlmMessage.user(user, new byte[] {1, 2, 3}));
        assertThat(counter.count(messages)).isEqualTo(counter.count(system) + counter.count(user));
    }

    @Test
    void page_markup_costs_more_tokens_than_its_plain_words() {
        String words = "Order 18342 Refund Cancel order";
        String markup = "<td><a href=\"/admin/orders/18342?ref=list&amp;utm_source=grid\" id=\"e12\">Order 18342</a></td>"
                + "<td><button id=\"e13\" aria-expanded=\"false\">Refund</button><button id=\"e14\">Cancel order</button></td>";
        assertThat(counter.count(markup)).isGreaterThan(3 * counter.count(words));
    }

    @Test
    void concurrent_counts_agree_with_a_single_thread() throws Exception {
        String text = "Free shipping on orders over $50. ".repeat(200) + "日本語のテキストも数えます。";
        int expected = counter.count(text);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> TokenCounter.o200k().count(text)));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
