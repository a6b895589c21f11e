package io.skyvern.artifact;

/** The content type and file extension that each {@link ArtifactType} is served and stored with. */
public final class ArtifactContentTypes {
    private ArtifactContentTypes() {
    }

    public static String contentType(ArtifactType type) {
        return switch (type) {
            case SCREENSHOT_BEFORE, SCREENSHOT_AFTER, SCREENSHOT_FINAL -> "image/png";
            case LLM_RESPONSE, LLM_REQUEST, EXTRACTION -> "application/json";
            // the element tree as the model sees it and the prompt text are plain text, not JSON
            case ELEMENT_TREE, LLM_PROMPT -> "text/plain; charset=utf-8";
            case HTML -> "text/html; charset=utf-8";
            case TRACE -> "application/zip";
            case LOG -> "text/plain; charset=utf-8";
            case DOWNLOAD -> "application/octet-stream";
        };
    }

    public static String extension(ArtifactType type) {
        return switch (type) {
            case SCREENSHOT_BEFORE, SCREENSHOT_AFTER, SCREENSHOT_FINAL -> "png";
            case LLM_RESPONSE, LLM_REQUEST, EXTRACTION -> "json";
            case ELEMENT_TREE, LLM_PROMPT -> "txt";
            case HTML -> "html";
            case TRACE -> "zip";
            case LOG -> "txt";
            case DOWNLOAD -> "bin";
        };
    }
}
