-- generation: 0 for the token issued at login, one more at every rotation. It tells how often a session was renewed
-- without keeping every used row for it, so that expired rows can be purged.
ALTER TABLE refresh_token ADD COLUMN generation INTEGER DEFAULT 0 NOT NULL;

-- The purge of expired rows looks them up by expiry.
CREATE INDEX ix_refresh_token_expires_at ON refresh_token (expires_at);

-- Rows from before this column: number them in the order of their session.
UPDATE refresh_token SET generation = (
    SELECT COUNT(*) FROM refresh_token earlier
    WHERE earlier.family_id = refresh_token.family_id AND earlier.id < refresh_token.id);
