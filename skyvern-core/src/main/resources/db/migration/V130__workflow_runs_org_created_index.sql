-- The organisation-wide runs list (tasks and workflow runs in one query, newest first) reads the
-- workflow runs of an organisation in created order; ix_workflow_runs_wf leads with workflow_id and
-- cannot serve it. Status-filtered lists use the second index.
CREATE INDEX ix_workflow_runs_org_created ON workflow_runs (organization_id, created_at, workflow_run_id);
CREATE INDEX ix_workflow_runs_org_status_created ON workflow_runs (organization_id, status, created_at, workflow_run_id);
