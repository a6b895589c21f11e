package io.skyvern.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's configuration table must name every setting, with its default. */
class ReadmeConfigurationTest {

    @Test
    void readme_lists_every_setting_with_its_default() throws Exception {
        Path readme = Path.of("..", "README.md");
        assertThat(readme).exists();
        String text = Files.readString(readme);
        for (ConfigKey key : ConfigKey.values()) {
            String expectedDefault = key.defaultValue().isEmpty() ? "(empty)" : "`" + key.defaultValue() + "`";
            assertThat(text).as(key.envName()).contains("| `" + key.envName() + "` | " + expectedDefault + " |");
        }
    }
}
