-- Passkeys (WebAuthn), kept by Spring Security's JDBC repositories: the tables and columns they read and write
-- (JdbcPublicKeyCredentialUserEntityRepository, JdbcUserCredentialRepository), in SQL that runs on H2 and on
-- PostgreSQL alike (BYTEA is PostgreSQL's binary type and one of H2's names for BINARY VARYING).

-- One WebAuthn user entity per person who has added a passkey: id is the random user handle (base64url) that the
-- authenticator keeps, name is the username of app_user.
CREATE TABLE user_entities (
    id           VARCHAR(1000) NOT NULL,
    name         VARCHAR(100)  NOT NULL,
    display_name VARCHAR(200),
    PRIMARY KEY (id),
    CONSTRAINT uk_user_entities_name UNIQUE (name)
);

-- One row per passkey: its public key (never a secret), its signature counter and flags, the label its owner gave it,
-- when it was added (created) and last used to sign in (last_used).
CREATE TABLE user_credentials (
    credential_id                VARCHAR(1000) NOT NULL,
    user_entity_user_id          VARCHAR(1000) NOT NULL,
    public_key                   BYTEA         NOT NULL,
    signature_count              BIGINT,
    uv_initialized               BOOLEAN,
    backup_eligible              BOOLEAN       NOT NULL,
    authenticator_transports     VARCHAR(1000),
    public_key_credential_type   VARCHAR(100),
    backup_state                 BOOLEAN       NOT NULL,
    attestation_object           BYTEA,
    attestation_client_data_json BYTEA,
    created                      TIMESTAMP(6),
    last_used                    TIMESTAMP(6),
    label                        VARCHAR(1000) NOT NULL,
    PRIMARY KEY (credential_id)
);

CREATE INDEX ix_user_credentials_user ON user_credentials (user_entity_user_id);

-- How the session was signed in to, as the access tokens' amr claim says it (RFC 8176): 'pwd' for a password,
-- 'swk' for a passkey. Every token of a session carries the value of its login; the sessions before this migration
-- were all signed in with a password.
ALTER TABLE refresh_token ADD COLUMN amr VARCHAR(10) DEFAULT 'pwd' NOT NULL;
