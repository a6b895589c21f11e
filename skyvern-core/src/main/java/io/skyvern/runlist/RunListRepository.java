package io.skyvern.runlist;

import io.skyvern.common.Page;

/** Reads the runs list of one organisation. */
public interface RunListRepository {
    Page<RunSummary> list(String organizationId, RunListQuery query);
}
