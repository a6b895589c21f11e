-- Idempotency-Key of creates (issue 17): one row per (organisation, key), unique across nodes by
-- the primary key. response_status/response_body stay NULL while the first request is creating.
CREATE TABLE idempotency_keys (
    organization_id VARCHAR(64)      NOT NULL REFERENCES organizations (organization_id),
    idempotency_key VARCHAR(255)     NOT NULL,
    fingerprint     VARCHAR(64)      NOT NULL,
    response_status INTEGER,
    response_body   VARCHAR(1000000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organization_id, idempotency_key)
);
CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);
