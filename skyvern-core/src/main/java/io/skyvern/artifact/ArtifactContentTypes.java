package io.skyvern.artifact;

/** The content type and file extension that each {@link ArtifactType} is served and stored with. */
public final class ArtifactContentTypes {
    private ArtifactContentTypes() {
    }

    public static String contentType(ArtifactType type) {
        return switch (type) {
            case SCREENSHOT_BEFORE, SCREENSHOT_AFTER, SCREENSHOT_FINAL -> "image/png";
            case ELEMENT_TREE, LLM_PROMPT, LLM_RESPONSE, LLM_REQUEST, EXTRACTION -> "application/json";
            case HTML -> "text/html; charset=utf-8";
            case TRACE -> "application/zip";
            case LOG -> "text/plain; charset=utf-8";
            case DOWNLOAD -> "application/octet-stream";
        };
    }

    public static String extension(ArtifactType type) {
        return switch (type) {
            case SCREENSHOT_BEFORE, SCREENSHOT_AFTER, SCREENSHOT_FINAL -> "png";
            case ELEMENT_TREE, LLM_PROMPT, LLM_RESPONSE, LLM_REQUEST, EXTRACTION -> "json";
            case HTML -> "html";
            case TRACE -> "zip";
            case LOG -> "txt";
            case DOWNLOAD -> "bin";
        };
    }
}
