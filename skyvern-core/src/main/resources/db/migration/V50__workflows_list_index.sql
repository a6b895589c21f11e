-- The workflow list (latest, not deleted versions of an organisation, newest first; see
-- WorkflowListSql) read every latest row of the organisation, big definitions included, sorted
-- them for one page and looked each up again to check deleted_at for the total. This index holds
-- the whole filter then the order, so the page's ids are one ordered range read that stops after
-- the page, and the total is counted from the index alone. is_active and title trail it so the
-- active filter and the title search are checked on the index entries too.
DROP INDEX ix_workflows_org_latest;
CREATE INDEX ix_workflows_org_list ON workflows (organization_id, is_latest, deleted_at, created_at, workflow_id,
    is_active, title);
