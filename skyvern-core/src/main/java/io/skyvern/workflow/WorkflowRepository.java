package io.skyvern.workflow;

import io.skyvern.common.Page;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Storage of workflow versions. Exactly one version of a workflow is the latest; every method is
 * atomic on its own. Implementations are thread-safe.
 */
public interface WorkflowRepository {

    /** Stores version 1 of a new workflow as the latest one. */
    void insertFirst(Workflow workflow);

    /**
     * Appends a version in one transaction: locks the current latest version (not deleted),
     * builds the next one with {@code next} (a pure function of the current version; it must
     * return version n+1), stores it as the latest and clears the flag of the previous one.
     * Concurrent appends to one workflow are serialised, so versions stay consecutive. Empty,
     * with nothing written, when the workflow does not exist for this organisation.
     */
    Optional<Workflow> appendVersion(String organizationId, String workflowId, UnaryOperator<Workflow> next);

    /** The latest version of a workflow of this organisation that is not deleted. */
    Optional<Workflow> findLatest(String organizationId, String workflowId);

    /**
     * One exact version of a workflow, deleted or not: a run executes the version it was started
     * with even when the workflow was edited or deleted afterwards.
     */
    Optional<Workflow> findVersion(String organizationId, String workflowId, int version);

    /** True when the organisation has (or had, before deleting it) this workflow. */
    boolean existsIncludingDeleted(String organizationId, String workflowId);

    /** Latest versions, not deleted, newest first, filtered by title and active flag. */
    Page<Workflow> listLatest(String organizationId, WorkflowQuery query);

    /** Marks every version deleted; false when there was nothing (not deleted) to delete. */
    boolean softDelete(String organizationId, String workflowId, Instant deletedAt);
}
