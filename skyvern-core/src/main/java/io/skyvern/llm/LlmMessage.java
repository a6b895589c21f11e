package io.skyvern.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** One message of a conversation: a role and its parts (text and images, in order). */
public record LlmMessage(LlmRole role, List<LlmContent> parts) {
    public LlmMessage {
        Objects.requireNonNull(role, "role");
        parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one part");
        }
    }

    public static LlmMessage system(String text) {
        return new LlmMessage(LlmRole.SYSTEM, List.of(new LlmContent.Text(text)));
    }

    public static LlmMessage assistant(String text) {
        return new LlmMessage(LlmRole.ASSISTANT, List.of(new LlmContent.Text(text)));
    }

    /** A user message: the text, then each PNG image. */
    public static LlmMessage user(String text, byte[]... pngImages) {
        List<LlmContent> parts = new ArrayList<>();
        parts.add(new LlmContent.Text(text));
        for (byte[] png : pngImages) {
            parts.add(LlmContent.Image.png(png));
        }
        return new LlmMessage(LlmRole.USER, parts);
    }

    /** The text parts joined by blank lines (images left out). */
    public String text() {
        return parts.stream().filter(LlmContent.Text.class::isInstance)
                .map(p -> ((LlmContent.Text) p).text()).collect(Collectors.joining("\n\n"));
    }

    public boolean hasImages() {
        return parts.stream().anyMatch(LlmContent.Image.class::isInstance);
    }
}
