package io.skyvern.llm;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/** A part of a message: text or an image. */
public sealed interface LlmContent {

    /** Plain text. */
    record Text(String text) implements LlmContent {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An image (a screenshot, usually PNG). The bytes are copied; they are not mutable from outside. */
    record Image(byte[] bytes, String mediaType) implements LlmContent {
        public Image {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(mediaType, "mediaType");
            if (bytes.length == 0) {
                throw new IllegalArgumentException("image is empty");
            }
            bytes = bytes.clone();
        }

        public static Image png(byte[] bytes) {
            return new Image(bytes, "image/png");
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public String base64() {
            return Base64.getEncoder().encodeToString(bytes);
        }

        /** {@code data:image/png;base64,…} as the OpenAI protocol wants it. */
        public String dataUrl() {
            return "data:" + mediaType + ";base64," + base64();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Image other && other.mediaType.equals(mediaType) && Arrays.equals(other.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return 31 * mediaType.hashCode() + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Image[" + mediaType + ", " + bytes.length + " bytes]";
        }
    }
}
