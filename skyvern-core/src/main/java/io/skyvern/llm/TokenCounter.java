package io.skyvern.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

import java.util.List;
import java.util.Objects;

/**
 * Counts tokens with a real tokenizer (jtokkit's {@code o200k_base}, the encoding of GPT-4o and
 * later OpenAI models), for the prompt's page budget and for the token count of a step whose
 * provider reports none. Other providers' tokenizers differ by some percent; o200k is the common
 * yardstick (the benchmarks count with it too), not an exact bill.
 *
 * <p>Text is counted as ordinary text: a page that contains {@code <|endoftext|>} is counted as
 * those characters, never rejected as a special token. Thread-safe and allocation-light: the
 * encoding is stateless. The vocabulary (about 4 MB) is loaded once, on the first call of
 * {@link #o200k()}, not when this class is merely referenced.
 */
public final class TokenCounter {
    private final Encoding encoding;

    private TokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    /** The shared o200k counter. */
    public static TokenCounter o200k() {
        return O200k.INSTANCE;
    }

    /** Tokens of {@code text}; 0 for the empty string. */
    public int count(String text) {
        Objects.requireNonNull(text, "text");
        return text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /**
     * Tokens of the text parts of {@code messages}. Images are not counted (what an image costs
     * depends on the provider and its detail setting), nor the few tokens of per-message framing
     * each provider adds.
     */
    public int count(List<LlmMessage> messages) {
        int total = 0;
        for (LlmMessage m : messages) {
            for (LlmContent part : m.parts()) {
                if (part instanceof LlmContent.Text t) {
                    total += count(t.text());
                }
            }
        }
        return total;
    }

    /** The encoding's name, e.g. {@code o200k_base}, for reports. */
    public String encodingName() {
        return encoding.getName();
    }

    /** Loads the vocabulary on first use only (the lazy registry builds just the encoding asked for). */
    private static final class O200k {
        static final TokenCounter INSTANCE = new TokenCounter(
                Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE));
    }
}
