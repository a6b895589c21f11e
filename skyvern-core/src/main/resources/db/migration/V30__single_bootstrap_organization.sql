-- At most one bootstrap organisation, enforced by the database so that two nodes starting at
-- once cannot both create one. The guard is TRUE for the bootstrap organisation and NULL for
-- every other; NULLs are distinct in unique indexes on both H2 and PostgreSQL.
ALTER TABLE organizations ADD COLUMN bootstrap_guard BOOLEAN;
UPDATE organizations SET bootstrap_guard = TRUE WHERE is_bootstrap = TRUE;
CREATE UNIQUE INDEX ux_organizations_bootstrap ON organizations (bootstrap_guard);
