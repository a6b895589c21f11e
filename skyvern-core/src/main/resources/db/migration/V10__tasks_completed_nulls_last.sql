-- Task list sorted by completed_at: unfinished tasks (NULL) sort last ascending and first
-- descending on both backends. PostgreSQL's B-tree already stores NULLs last; H2 stores them first
-- unless told, and then cannot serve "NULLS LAST" from the index. Spelling it out makes both
-- backends walk the same index forwards (asc) or backwards (desc).
DROP INDEX ix_tasks_org_completed;
DROP INDEX ix_tasks_org_status_completed;
CREATE INDEX ix_tasks_org_completed ON tasks (organization_id, completed_at ASC NULLS LAST, task_id);
CREATE INDEX ix_tasks_org_status_completed ON tasks (organization_id, status, completed_at ASC NULLS LAST, task_id);
