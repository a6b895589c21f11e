-- Replay (issue 13): scripts recorded from completed runs, their versions, each run's mode and
-- script, and how each step ran. H2 and PostgreSQL alike.

CREATE TABLE scripts (
    script_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    organization_id VARCHAR(64)   NOT NULL REFERENCES organizations (organization_id),
    cache_key       VARCHAR(1000) NOT NULL,
    latest_version  INTEGER       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ux_scripts_org_key ON scripts (organization_id, cache_key);
CREATE INDEX ix_scripts_org_created ON scripts (organization_id, created_at);

-- The ordered steps with their actions and element descriptors, as JSON (secrets only as placeholders).
CREATE TABLE script_versions (
    script_id  VARCHAR(64)     NOT NULL REFERENCES scripts (script_id) ON DELETE CASCADE,
    version    INTEGER         NOT NULL,
    task_id    VARCHAR(64),
    steps      VARCHAR(1000000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (script_id, version)
);

CREATE TABLE run_scripts (
    run_id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    organization_id VARCHAR(64)   NOT NULL,
    run_mode        VARCHAR(16)   NOT NULL,
    cache_key       VARCHAR(1000),
    script_id       VARCHAR(64),
    script_version  INTEGER
);

CREATE TABLE step_modes (
    step_id VARCHAR(64) NOT NULL PRIMARY KEY,
    task_id VARCHAR(64) NOT NULL,
    mode    VARCHAR(16) NOT NULL
);
CREATE INDEX ix_step_modes_task ON step_modes (task_id);
