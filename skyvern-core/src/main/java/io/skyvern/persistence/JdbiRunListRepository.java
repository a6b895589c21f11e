package io.skyvern.persistence;

import io.skyvern.common.Page;
import io.skyvern.runlist.RunKind;
import io.skyvern.runlist.RunListQuery;
import io.skyvern.runlist.RunListRepository;
import io.skyvern.runlist.RunSummary;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Objects;

/** The runs list in one query per page (see {@link RunListSql}) and one count. */
public final class JdbiRunListRepository implements RunListRepository {
    private final Jdbi jdbi;

    public JdbiRunListRepository(Database database) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    }

    @Override
    public Page<RunSummary> list(String organizationId, RunListQuery query) {
        Objects.requireNonNull(organizationId, "organizationId");
        RunListSql sql = new RunListSql(organizationId, Objects.requireNonNull(query, "query"));
        return jdbi.withHandle(h -> {
            long total = h.createQuery(sql.count()).bindMap(sql.binds()).mapTo(Long.class).one();
            List<RunSummary> items = h.createQuery(sql.page()).bindMap(sql.pageBinds())
                    .map((rs, ctx) -> new RunSummary("task".equals(rs.getString("kind")) ? RunKind.TASK
                            : RunKind.WORKFLOW_RUN, rs.getString("run_id"), rs.getString("workflow_id"),
                            rs.getString("label"), rs.getString("url"), rs.getString("status"),
                            SqlValues.instant(rs, "created_at")))
                    .list();
            return Page.of(items, query.page(), total);
        });
    }
}
