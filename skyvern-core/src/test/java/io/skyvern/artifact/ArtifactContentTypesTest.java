package io.skyvern.artifact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArtifactContentTypesTest {
    @Test
    void screenshots_are_png_llm_records_json_traces_zip_logs_text() {
        assertThat(ArtifactContentTypes.contentType(ArtifactType.SCREENSHOT_AFTER)).isEqualTo("image/png");
        assertThat(ArtifactContentTypes.contentType(ArtifactType.LLM_PROMPT)).isEqualTo("text/plain; charset=utf-8");
        assertThat(ArtifactContentTypes.contentType(ArtifactType.ELEMENT_TREE)).isEqualTo("text/plain; charset=utf-8");
        assertThat(ArtifactContentTypes.extension(ArtifactType.ELEMENT_TREE)).isEqualTo("txt");
        assertThat(ArtifactContentTypes.contentType(ArtifactType.LLM_RESPONSE)).isEqualTo("application/json");
        assertThat(ArtifactContentTypes.contentType(ArtifactType.TRACE)).isEqualTo("application/zip");
        assertThat(ArtifactContentTypes.contentType(ArtifactType.LOG)).startsWith("text/plain");
        assertThat(ArtifactContentTypes.extension(ArtifactType.SCREENSHOT_FINAL)).isEqualTo("png");
        for (ArtifactType t : ArtifactType.values()) {
            assertThat(ArtifactContentTypes.contentType(t)).isNotBlank();
        }
    }
}
