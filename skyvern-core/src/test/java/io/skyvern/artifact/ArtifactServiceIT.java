package io.skyvern.artifact;

import io.skyvern.artifact.fs.FileArtifactStore;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.common.TimeOrderedIdGenerator;
import io.skyvern.persistence.Database;
import io.skyvern.persistence.JdbiArtifactMetadataRepository;
import io.skyvern.testing.TestDatabases;
import io.skyvern.testing.TestOrganizations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArtifactServiceIT {
    @TempDir
    Path dataDir;
    private Database db;
    private ArtifactService service;
    private FileArtifactStore store;
    private String org;

    @BeforeEach
    void setUp() {
        db = Database.open(TestDatabases.fresh());
        store = FileArtifactStore.inDataDir(dataDir);
        service = new ArtifactService(store, new JdbiArtifactMetadataRepository(db),
                new TimeOrderedIdGenerator(Clock.systemUTC()), Clock.systemUTC());
        org = TestOrganizations.insert(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void a_recorded_screenshot_is_found_and_served_with_its_content_type() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Artifact a = service.record(NewArtifact.forStep(org, "tsk_1", "stp_1", ArtifactType.SCREENSHOT_BEFORE, png));

        assertThat(a.artifactId()).startsWith("a_");
        assertThat(a.contentType()).isEqualTo("image/png");
        assertThat(a.sizeBytes()).isEqualTo(png.length);
        Artifact found = service.find(org, a.artifactId()).orElseThrow();
        assertThat(found).usingRecursiveComparison().ignoringFields("createdAt").isEqualTo(a);
        try (InputStream in = service.openContent(org, a.artifactId())) {
            assertThat(in.readAllBytes()).isEqualTo(png);
        }
        assertThat(service.listForTask(org, "tsk_1")).extracting(Artifact::artifactId).containsExactly(a.artifactId());
        assertThat(service.listForStep(org, "stp_1")).hasSize(1);
    }

    @Test
    void another_organisations_artifact_is_not_found() {
        Artifact a = service.record(NewArtifact.forWorkflowRun(org, "wr_1", null, ArtifactType.LLM_PROMPT,
                "{}".getBytes()));
        String other = TestOrganizations.insert(db);

        assertThat(service.find(other, a.artifactId())).isEmpty();
        assertThat(service.listForWorkflowRun(other, "wr_1")).isEmpty();
        assertThat(service.listForWorkflowRun(org, "wr_1")).hasSize(1);
        assertThatThrownBy(() -> service.openContent(other, a.artifactId()))
                .isInstanceOfSatisfying(SkyvernException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ARTIFACT_NOT_FOUND));
        assertThatThrownBy(() -> service.openContent(org, "a_missing"))
                .isInstanceOfSatisfying(SkyvernException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ARTIFACT_NOT_FOUND));
    }

    @Test
    void two_artifacts_of_one_step_do_not_overwrite_each_other() throws Exception {
        Artifact a = service.record(NewArtifact.forStep(org, "tsk_1", "stp_1", ArtifactType.LOG, "one".getBytes()));
        Artifact b = service.record(NewArtifact.forStep(org, "tsk_1", "stp_1", ArtifactType.LOG, "two".getBytes()));

        assertThat(a.uri()).isNotEqualTo(b.uri());
        try (InputStream in = service.openContent(org, a.artifactId())) {
            assertThat(new String(in.readAllBytes())).isEqualTo("one");
        }
    }
}
