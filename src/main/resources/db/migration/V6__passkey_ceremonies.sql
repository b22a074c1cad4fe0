-- The passkey ceremonies under way, between their two requests (the options, then the authenticator's answer), in the
-- database that every instance shares, so that the answer may reach another instance than the options did. The
-- browser carries a random key in a cookie; only its SHA-256 (hex) is kept here. kind is SIGN_IN or REGISTRATION;
-- options is what the server asked of the authenticator (with its challenge), as JSON; a row is taken out by the
-- answer, refused once expires_at has passed, and deleted by the housekeeping after that. Runs on H2 and PostgreSQL
-- alike.
CREATE TABLE passkey_ceremony (
    key_hash   VARCHAR(64)                 NOT NULL,
    kind       VARCHAR(20)                 NOT NULL,
    options    VARCHAR(100000)             NOT NULL,
    expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (key_hash)
);

CREATE INDEX ix_passkey_ceremony_expires_at ON passkey_ceremony (expires_at);
