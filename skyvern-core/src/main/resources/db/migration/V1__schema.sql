-- One schema for H2 (2.x) and PostgreSQL: only types and syntax both accept.
-- JSON documents are stored as text (VARCHAR(1000000)); times as TIMESTAMP WITH TIME ZONE (UTC).

CREATE TABLE organizations (
    organization_id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    name                         VARCHAR(200) NOT NULL,
    is_bootstrap                 BOOLEAN      NOT NULL DEFAULT FALSE,
    max_concurrent_tasks         INTEGER      NOT NULL,
    max_concurrent_workflow_runs INTEGER      NOT NULL,
    max_workflow_blocks          INTEGER      NOT NULL,
    max_queued_tasks             INTEGER      NOT NULL,
    webhook_signing_key          VARCHAR(128) NOT NULL,
    created_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_at                  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_keys (
    api_key_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    organization_id VARCHAR(64)  NOT NULL REFERENCES organizations (organization_id),
    name            VARCHAR(200) NOT NULL,
    key_prefix      VARCHAR(16)  NOT NULL,
    key_hash        VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX ux_api_keys_hash ON api_keys (key_hash);
CREATE INDEX ix_api_keys_org ON api_keys (organization_id, created_at);

CREATE TABLE browser_sessions (
    browser_session_id VARCHAR(64) NOT NULL PRIMARY KEY,
    organization_id    VARCHAR(64) NOT NULL REFERENCES organizations (organization_id),
    status             VARCHAR(32) NOT NULL,
    timeout_minutes    INTEGER     NOT NULL,
    storage_dir        VARCHAR(1000),
    current_run_id     VARCHAR(64),
    owner_node         VARCHAR(128),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_browser_sessions_org ON browser_sessions (organization_id, created_at);
CREATE INDEX ix_browser_sessions_status ON browser_sessions (status, expires_at);

CREATE TABLE workflows (
    workflow_id      VARCHAR(64)   NOT NULL,
    version          INTEGER       NOT NULL,
    organization_id  VARCHAR(64)   NOT NULL REFERENCES organizations (organization_id),
    title            VARCHAR(200)  NOT NULL,
    description      VARCHAR(10000),
    definition       VARCHAR(1000000) NOT NULL,
    parameter_schema VARCHAR(1000000),
    is_active        BOOLEAN       NOT NULL,
    is_latest        BOOLEAN       NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (workflow_id, version)
);
CREATE INDEX ix_workflows_org_latest ON workflows (organization_id, is_latest, created_at);

CREATE TABLE workflow_runs (
    workflow_run_id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    workflow_id                VARCHAR(64)  NOT NULL,
    workflow_version           INTEGER      NOT NULL,
    organization_id            VARCHAR(64)  NOT NULL REFERENCES organizations (organization_id),
    status                     VARCHAR(32)  NOT NULL,
    priority                   INTEGER      NOT NULL,
    parameters                 VARCHAR(1000000) NOT NULL,
    output                     VARCHAR(1000000),
    failure_reason             VARCHAR(10000),
    webhook_callback_url       VARCHAR(2048),
    max_execution_time_minutes INTEGER,
    browser_session_id         VARCHAR(64),
    cancel_requested           BOOLEAN      NOT NULL DEFAULT FALSE,
    claimed_by                 VARCHAR(128),
    lease_expires_at           TIMESTAMP WITH TIME ZONE,
    attempts                   INTEGER      NOT NULL DEFAULT 0,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at                 TIMESTAMP WITH TIME ZONE,
    completed_at               TIMESTAMP WITH TIME ZONE,
    FOREIGN KEY (workflow_id, workflow_version) REFERENCES workflows (workflow_id, version)
);
CREATE INDEX ix_workflow_runs_wf ON workflow_runs (organization_id, workflow_id, created_at);
CREATE INDEX ix_workflow_runs_org_status ON workflow_runs (organization_id, status);
CREATE INDEX ix_workflow_runs_queue ON workflow_runs (status, priority, created_at);

CREATE TABLE workflow_run_blocks (
    workflow_run_block_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    workflow_run_id       VARCHAR(64)  NOT NULL REFERENCES workflow_runs (workflow_run_id),
    organization_id       VARCHAR(64)  NOT NULL,
    block_id              VARCHAR(200) NOT NULL,
    block_type            VARCHAR(32)  NOT NULL,
    block_order           INTEGER      NOT NULL,
    loop_index            INTEGER,
    status                VARCHAR(32)  NOT NULL,
    output                VARCHAR(1000000),
    failure_reason        VARCHAR(10000),
    task_id               VARCHAR(64),
    input_tokens          BIGINT       NOT NULL DEFAULT 0,
    output_tokens         BIGINT       NOT NULL DEFAULT 0,
    cost                  DOUBLE PRECISION NOT NULL DEFAULT 0,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at            TIMESTAMP WITH TIME ZONE,
    completed_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_workflow_run_blocks_run ON workflow_run_blocks (workflow_run_id, block_order);

-- Sort keys sort_url and sort_goal hold the first 200 characters so that every sort of the task
-- list is served by an index (full values may be too long for a B-tree entry on PostgreSQL).
CREATE TABLE tasks (
    task_id                      VARCHAR(64)   NOT NULL PRIMARY KEY,
    organization_id              VARCHAR(64)   NOT NULL REFERENCES organizations (organization_id),
    status                       VARCHAR(32)   NOT NULL,
    priority                     INTEGER       NOT NULL DEFAULT 2,
    url                          VARCHAR(8192) NOT NULL,
    title                        VARCHAR(500),
    navigation_goal              VARCHAR(2000) NOT NULL,
    data_extraction_goal         VARCHAR(10000),
    navigation_payload           VARCHAR(1000000),
    extracted_information_schema VARCHAR(1000000),
    error_code_mapping           VARCHAR(100000),
    webhook_callback_url         VARCHAR(2048),
    max_steps                    INTEGER       NOT NULL,
    browser_session_id           VARCHAR(64),
    workflow_run_id              VARCHAR(64),
    extracted_information        VARCHAR(1000000),
    failure_reason               VARCHAR(10000),
    sort_url                     VARCHAR(200)  NOT NULL,
    sort_goal                    VARCHAR(200)  NOT NULL,
    cancel_requested             BOOLEAN       NOT NULL DEFAULT FALSE,
    claimed_by                   VARCHAR(128),
    lease_expires_at             TIMESTAMP WITH TIME ZONE,
    attempts                     INTEGER       NOT NULL DEFAULT 0,
    created_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at                   TIMESTAMP WITH TIME ZONE,
    completed_at                 TIMESTAMP WITH TIME ZONE
);
-- List: every sort_by, with and without a status filter, newest-first or oldest-first.
CREATE INDEX ix_tasks_org_created        ON tasks (organization_id, created_at, task_id);
CREATE INDEX ix_tasks_org_status_created ON tasks (organization_id, status, created_at, task_id);
CREATE INDEX ix_tasks_org_modified        ON tasks (organization_id, modified_at, task_id);
CREATE INDEX ix_tasks_org_status_modified ON tasks (organization_id, status, modified_at, task_id);
CREATE INDEX ix_tasks_org_completed        ON tasks (organization_id, completed_at, task_id);
CREATE INDEX ix_tasks_org_status_completed ON tasks (organization_id, status, completed_at, task_id);
CREATE INDEX ix_tasks_org_url        ON tasks (organization_id, sort_url, task_id);
CREATE INDEX ix_tasks_org_status_url ON tasks (organization_id, status, sort_url, task_id);
CREATE INDEX ix_tasks_org_goal        ON tasks (organization_id, sort_goal, task_id);
CREATE INDEX ix_tasks_org_status_goal ON tasks (organization_id, status, sort_goal, task_id);
-- Queue: claim the oldest task of the highest priority among the queued ones.
CREATE INDEX ix_tasks_queue ON tasks (status, priority, created_at);
CREATE INDEX ix_tasks_workflow_run ON tasks (workflow_run_id);

CREATE TABLE steps (
    step_id         VARCHAR(64) NOT NULL PRIMARY KEY,
    task_id         VARCHAR(64) NOT NULL REFERENCES tasks (task_id),
    organization_id VARCHAR(64) NOT NULL,
    step_order      INTEGER     NOT NULL,
    retry_index     INTEGER     NOT NULL DEFAULT 0,
    status          VARCHAR(32) NOT NULL,
    url             VARCHAR(8192),
    output          VARCHAR(1000000),
    failure_reason  VARCHAR(10000),
    input_tokens    BIGINT      NOT NULL DEFAULT 0,
    output_tokens   BIGINT      NOT NULL DEFAULT 0,
    cost            DOUBLE PRECISION NOT NULL DEFAULT 0,
    llm_ms          BIGINT      NOT NULL DEFAULT 0,
    snapshot_ms     BIGINT      NOT NULL DEFAULT 0,
    action_ms       BIGINT      NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    completed_at    TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX ux_steps_task_order ON steps (task_id, step_order, retry_index);

CREATE TABLE actions (
    action_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    step_id         VARCHAR(64)  NOT NULL REFERENCES steps (step_id),
    task_id         VARCHAR(64)  NOT NULL,
    organization_id VARCHAR(64)  NOT NULL,
    action_order    INTEGER      NOT NULL,
    action_type     VARCHAR(32)  NOT NULL,
    element_id      VARCHAR(64),
    reasoning       VARCHAR(10000),
    input           VARCHAR(1000000),
    status          VARCHAR(32)  NOT NULL,
    result_message  VARCHAR(10000),
    duration_ms     BIGINT       NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_actions_step ON actions (step_id, action_order);
CREATE INDEX ix_actions_task ON actions (task_id);

CREATE TABLE artifacts (
    artifact_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    organization_id VARCHAR(64)  NOT NULL,
    task_id         VARCHAR(64),
    step_id         VARCHAR(64),
    workflow_run_id VARCHAR(64),
    workflow_run_block_id VARCHAR(64),
    artifact_type   VARCHAR(32)  NOT NULL,
    uri             VARCHAR(2000) NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_artifacts_task ON artifacts (task_id, created_at);
CREATE INDEX ix_artifacts_step ON artifacts (step_id);
CREATE INDEX ix_artifacts_run ON artifacts (workflow_run_id, created_at);

CREATE TABLE run_logs (
    log_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    organization_id VARCHAR(64)  NOT NULL,
    task_id         VARCHAR(64),
    workflow_run_id VARCHAR(64),
    level           VARCHAR(16)  NOT NULL,
    message         VARCHAR(10000) NOT NULL,
    data            VARCHAR(100000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_run_logs_task ON run_logs (task_id, created_at);
CREATE INDEX ix_run_logs_run ON run_logs (workflow_run_id, created_at);

CREATE TABLE webhook_deliveries (
    delivery_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    organization_id VARCHAR(64)   NOT NULL,
    task_id         VARCHAR(64),
    workflow_run_id VARCHAR(64),
    url             VARCHAR(2048) NOT NULL,
    attempt         INTEGER       NOT NULL,
    status_code     INTEGER,
    error           VARCHAR(10000),
    succeeded       BOOLEAN       NOT NULL,
    duration_ms     BIGINT        NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_webhook_deliveries_task ON webhook_deliveries (task_id, created_at);
CREATE INDEX ix_webhook_deliveries_run ON webhook_deliveries (workflow_run_id, created_at);
