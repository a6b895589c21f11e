package io.skyvern.artifact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArtifactContentTypesTest {
    @Test
    void screenshots_are_png_llm_records_json_traces_zip_logs_text() {
        assertThat(ArtifactContentTypes.contentType(ArtifactType.SCREENSHOT_AFTER)).isEqualTo("image/png");
        assertThat(ArtifactContentTypes.contentType(ArtifactType.LLM_PROMPT)).isEqualTo("application/json");
        assertThat(ArtifactContentTypes.contentType(ArtifactType.TRACE)).isEqualTo("application/zip");
        assertThat(ArtifactContentTypes.contentType(ArtifactType.LOG)).startsWith("text/plain");
        assertThat(ArtifactContentTypes.extension(ArtifactType.SCREENSHOT_FINAL)).isEqualTo("png");
        for (ArtifactType t : ArtifactType.values()) {
            assertThat(ArtifactContentTypes.contentType(t)).isNotBlank();
        }
    }
}
