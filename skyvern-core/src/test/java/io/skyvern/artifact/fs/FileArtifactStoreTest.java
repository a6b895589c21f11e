package io.skyvern.artifact.fs;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileArtifactStoreTest {
    @TempDir
    Path dataDir;

    @Test
    void sanitize_keeps_safe_names_and_neutralises_the_rest() {
        assertThat(FileArtifactStore.sanitize("a_01.png")).isEqualTo("a_01.png");
        assertThat(FileArtifactStore.sanitize("..")).isEqualTo("_..");
        assertThat(FileArtifactStore.sanitize("../../etc/passwd")).isEqualTo("_.._.._etc_passwd");
        assertThat(FileArtifactStore.sanitize("C:\\win\\x")).isEqualTo("C__win_x");
        assertThat(FileArtifactStore.sanitize("")).isEqualTo("_");
        assertThat(FileArtifactStore.sanitize(".hidden")).isEqualTo("_.hidden");
        assertThat(FileArtifactStore.sanitize("é t\u0000")).isEqualTo("__t_");
        assertThat(FileArtifactStore.sanitize("x".repeat(400))).hasSize(150);
    }

    @Test
    void bytes_round_trip_under_org_and_run_folders() throws IOException {
        FileArtifactStore store = FileArtifactStore.inDataDir(dataDir);
        byte[] bytes = "hello artifact".getBytes(StandardCharsets.UTF_8);

        String uri = store.put("o_1", "tsk_1", "a_1.json", bytes);

        assertThat(uri).startsWith("file:");
        assertThat(Path.of(java.net.URI.create(uri)))
                .isEqualTo(dataDir.toRealPath().resolve("artifacts/o_1/tsk_1/a_1.json"));
        try (InputStream in = store.open(uri)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(store.size(uri)).isEqualTo(bytes.length);
        try (InputStream in = store.open("o_1/tsk_1/a_1.json")) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void a_second_put_of_the_same_name_replaces_the_file_and_leaves_no_temp_files() throws IOException {
        FileArtifactStore store = FileArtifactStore.inDataDir(dataDir);
        store.put("o_1", "tsk_1", "x.txt", new byte[]{1, 2, 3});
        String uri = store.put("o_1", "tsk_1", "x.txt", new byte[]{9});

        assertThat(store.size(uri)).isEqualTo(1);
        try (var files = Files.list(store.root().resolve("o_1/tsk_1"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("x.txt");
        }
    }

    @Test
    void traversal_in_names_stays_inside_the_root() throws IOException {
        FileArtifactStore store = FileArtifactStore.inDataDir(dataDir);
        String uri = store.put("../..", "../../../tmp", "../../evil.txt", new byte[]{1});

        Path stored = Path.of(java.net.URI.create(uri));
        assertThat(stored.startsWith(store.root())).isTrue();
        assertThat(Files.exists(dataDir.resolve("evil.txt"))).isFalse();
    }

    @Test
    void uris_pointing_outside_the_root_are_not_found() throws IOException {
        FileArtifactStore store = FileArtifactStore.inDataDir(dataDir);
        Path secret = Files.writeString(dataDir.resolve("secret.txt"), "secret");

        assertThatThrownBy(() -> store.open(secret.toUri().toString()))
                .isInstanceOfSatisfying(SkyvernException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ARTIFACT_NOT_FOUND));
        assertThatThrownBy(() -> store.open("../secret.txt")).isInstanceOf(SkyvernException.class);
        assertThatThrownBy(() -> store.open("file:///etc/passwd")).isInstanceOf(SkyvernException.class);
        assertThatThrownBy(() -> store.size("o_1/missing.png"))
                .isInstanceOfSatisfying(SkyvernException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ARTIFACT_NOT_FOUND));
    }

    @Test
    void symlinks_out_of_the_root_are_not_followed() throws IOException {
        FileArtifactStore store = FileArtifactStore.inDataDir(dataDir);
        Path secret = Files.writeString(dataDir.resolve("secret.txt"), "secret");
        Files.createDirectories(store.root().resolve("o_1"));
        Path link = Files.createSymbolicLink(store.root().resolve("o_1/link.txt"), secret);

        assertThatThrownBy(() -> store.open(link.toUri().toString())).isInstanceOf(SkyvernException.class);
    }

    @Test
    void delete_run_removes_its_folder_only() {
        FileArtifactStore store = FileArtifactStore.inDataDir(dataDir);
        String a = store.put("o_1", "tsk_1", "a.png", new byte[]{1});
        String b = store.put("o_1", "tsk_2", "b.png", new byte[]{2});

        store.deleteRun("o_1", "tsk_1");

        assertThatThrownBy(() -> store.size(a)).isInstanceOf(SkyvernException.class);
        assertThat(store.size(b)).isEqualTo(1);
        assertThat(store.delete(b)).isTrue();
        assertThat(store.delete(b)).isFalse();
    }
}
