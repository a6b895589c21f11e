-- Logins (issue 16): encrypted credentials, the key check, per-run login settings, pushed one-time codes.
-- Only ciphertext (Tink AEAD, base64) is stored for secret values; H2 and PostgreSQL alike.

CREATE TABLE credentials (
    credential_id   VARCHAR(64)    NOT NULL PRIMARY KEY,
    organization_id VARCHAR(64)    NOT NULL REFERENCES organizations (organization_id),
    name            VARCHAR(200)   NOT NULL,
    allowed_domains VARCHAR(10000) NOT NULL,
    has_totp        BOOLEAN        NOT NULL,
    ciphertext      VARCHAR(20000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_credentials_org ON credentials (organization_id, created_at);

-- One row: a known text encrypted with the key, so a node started with another key stops at once.
CREATE TABLE encryption_key_check (
    check_id   INTEGER       NOT NULL PRIMARY KEY,
    ciphertext VARCHAR(1000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE run_logins (
    run_id                VARCHAR(64)   NOT NULL PRIMARY KEY,
    organization_id       VARCHAR(64)   NOT NULL,
    credential_id         VARCHAR(64),
    totp_identifier       VARCHAR(320),
    totp_verification_url VARCHAR(2048),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_run_logins_credential ON run_logins (credential_id);

CREATE TABLE totp_codes (
    totp_code_id    VARCHAR(64)   NOT NULL PRIMARY KEY,
    organization_id VARCHAR(64)   NOT NULL REFERENCES organizations (organization_id),
    totp_identifier VARCHAR(320)  NOT NULL,
    code_ciphertext VARCHAR(1000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    used_by         VARCHAR(64)
);
CREATE INDEX ix_totp_codes_lookup ON totp_codes (organization_id, totp_identifier, created_at);
