-- A session keeps one row per renewal until it ends, and only its newest unused token stands for it. The queries that
-- look for those tokens must not read every row a user, or the whole table, ever renewed:
-- * a user's active sessions (a login checking the session limit, "Your sessions"), every active session (the
--   administrator's list), and the revocation view's sessions that issued a token lately: used_at IS NULL, with the
--   username when there is one;
-- * whether a token is its session's newest unused one, and when a session ends: family_id, is_active and
--   used_at IS NULL. Whether any token of a session was revoked still reads (family_id, is_active = FALSE) from it.
CREATE INDEX ix_refresh_token_unused ON refresh_token (used_at, username);
CREATE INDEX ix_refresh_token_family_active_unused ON refresh_token (family_id, is_active, used_at);
DROP INDEX ix_refresh_token_family_active;
