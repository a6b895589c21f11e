package io.skyvern.config;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SkyvernConfigBuilderTest {
    @TempDir
    Path dataDir;

    @Test
    void values_set_in_code_win_and_are_validated_like_flags() {
        SkyvernConfig config = SkyvernConfig.builder()
                .dataDir(dataDir)
                .llm("anthropic", "claude-sonnet-4-5", "sk-ant-test")
                .workers(3)
                .headless(true)
                .build();

        assertThat(config.dataDir()).isEqualTo(dataDir.toAbsolutePath());
        assertThat(config.workers()).isEqualTo(3);
        assertThat(config.llm().provider()).isEqualTo("anthropic");
        assertThat(config.llm().model()).isEqualTo("claude-sonnet-4-5");
        assertThat(config.llm().apiKey()).isEqualTo("sk-ant-test");
        assertThat(config.database().url()).contains(dataDir.toAbsolutePath().toString());
    }

    @Test
    void a_bad_value_fails_the_build_naming_the_setting() {
        assertThatThrownBy(() -> SkyvernConfig.builder().dataDir(dataDir).workers(-1).build())
                .isInstanceOfSatisfying(SkyvernException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIGURATION_ERROR);
                    assertThat(e.getMessage()).contains("workers='-1'").containsOnlyOnce("must be a whole number");
                });
    }
}
