package io.skyvern.persistence;

import io.skyvern.artifact.Artifact;
import io.skyvern.artifact.ArtifactMetadataRepository;
import io.skyvern.artifact.ArtifactType;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Artifact metadata in the {@code artifacts} table; every query is scoped to the organisation. */
public final class JdbiArtifactMetadataRepository implements ArtifactMetadataRepository {
    private static final String COLUMNS = "artifact_id, organization_id, task_id, step_id, workflow_run_id, "
            + "workflow_run_block_id, artifact_type, uri, content_type, size_bytes, created_at";
    private static final RowMapper<Artifact> MAPPER = (rs, ctx) -> new Artifact(
            rs.getString("artifact_id"), rs.getString("organization_id"), rs.getString("task_id"),
            rs.getString("step_id"), rs.getString("workflow_run_id"), rs.getString("workflow_run_block_id"),
            ArtifactType.valueOf(rs.getString("artifact_type").toUpperCase(Locale.ROOT)), rs.getString("uri"),
            rs.getString("content_type"), rs.getLong("size_bytes"), rs.getTimestamp("created_at").toInstant());

    private final Database database;

    public JdbiArtifactMetadataRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void insert(Artifact a) {
        database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO artifacts (" + COLUMNS + ") VALUES "
                        + "(:id, :org, :task, :step, :run, :block, :type, :uri, :ct, :size, :created)")
                .bind("id", a.artifactId()).bind("org", a.organizationId()).bind("task", a.taskId())
                .bind("step", a.stepId()).bind("run", a.workflowRunId()).bind("block", a.workflowRunBlockId())
                .bind("type", a.artifactType().wireName()).bind("uri", a.uri()).bind("ct", a.contentType())
                .bind("size", a.sizeBytes()).bind("created", a.createdAt())
                .execute());
    }

    @Override
    public Optional<Artifact> find(String organizationId, String artifactId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM artifacts WHERE artifact_id = :id AND organization_id = :org")
                .bind("id", artifactId).bind("org", organizationId).map(MAPPER).findOne());
    }

    @Override
    public List<Artifact> listByTask(String organizationId, String taskId) {
        return listBy("task_id", organizationId, taskId);
    }

    @Override
    public List<Artifact> listByStep(String organizationId, String stepId) {
        return listBy("step_id", organizationId, stepId);
    }

    @Override
    public List<Artifact> listByWorkflowRun(String organizationId, String workflowRunId) {
        return listBy("workflow_run_id", organizationId, workflowRunId);
    }

    private List<Artifact> listBy(String column, String organizationId, String value) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM artifacts WHERE "
                        + column + " = :v AND organization_id = :org ORDER BY created_at, artifact_id")
                .bind("v", value).bind("org", organizationId).map(MAPPER).list());
    }
}
