package io.skyvern.totp;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class CodeFinderTest {
    @Test
    void the_only_number_of_a_message_is_its_code() {
        assertThat(CodeFinder.find("Your code: 482 913", Optional.empty())).contains("482913");
        assertThat(CodeFinder.find("Use 004711 to sign in", Optional.empty())).contains("004711");
    }

    @Test
    void among_several_numbers_the_one_after_a_code_word_wins_without_the_model() {
        String sms = "Order 12345678 shipped on 2024-05-01. Your verification code is 650212. Call 0800 1234.";
        assertThat(CodeFinder.find(sms, Optional.of((c, l) -> {
            throw new AssertionError("the model must not be asked");
        }))).contains("650212");
    }

    @Test
    void the_model_chooses_only_when_the_patterns_cannot_and_only_among_the_candidates() {
        String ambiguous = "Numbers 111222 and 333444 were sent.";
        AtomicReference<List<String>> asked = new AtomicReference<>();
        assertThat(CodeFinder.find(ambiguous, Optional.of((c, l) -> {
            asked.set(l);
            return Optional.of("333444");
        }))).contains("333444");
        assertThat(asked.get()).containsExactly("111222", "333444");
        assertThat(CodeFinder.find(ambiguous, Optional.of((c, l) -> Optional.of("999999")))).isEmpty();
        assertThat(CodeFinder.find(ambiguous, Optional.empty())).isEmpty();
        assertThat(CodeFinder.find("no digits here", Optional.empty())).isEmpty();
    }
}
