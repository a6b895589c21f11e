-- Every task-list index now leads with (organization_id, status): one index per sort serves a
-- list of one status (one ordered range), of several statuses and of all of them (the first rows
-- of each status's range, merged; see TaskListSql). The indexes without status served only
-- unfiltered lists and cost every create five more index entries, the index on workflow_run_id
-- served no query. Left: ix_tasks_org_status_{created,modified,completed,url,goal}, ix_tasks_queue.
DROP INDEX ix_tasks_org_created;
DROP INDEX ix_tasks_org_modified;
DROP INDEX ix_tasks_org_completed;
DROP INDEX ix_tasks_org_url;
DROP INDEX ix_tasks_org_goal;
DROP INDEX ix_tasks_workflow_run;
