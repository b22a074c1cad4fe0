-- A session keeps one row per renewal until it ends (a month of renewals every minute is tens of thousands), so
-- what a renewal asks of its session must not read all of its rows:
-- * the session's lock, the row of its first token: family_id and generation 0;
-- * whether any token of the session was revoked: family_id and is_active = FALSE.
-- Both lead with family_id, which the index they replace held alone.
CREATE INDEX ix_refresh_token_family_generation ON refresh_token (family_id, generation);
CREATE INDEX ix_refresh_token_family_active ON refresh_token (family_id, is_active);
DROP INDEX ix_refresh_token_family;
