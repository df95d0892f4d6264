-- Refresh tokens become one row per family (one login at one client) instead of one row per token. A token is
-- rt1.<family_id>.<generation>.<HMAC of both under refresh-token-key>: it is verified before any database access,
-- and a rotation is a single-row UPDATE that moves the generation on (no lock-then-insert, no row per refresh, so
-- the table no longer grows with every refresh). A token of an older generation is recognisable by its MAC and
-- its number: presenting one revokes the family (reuse detection, RFC 9700 s4.14.2). Nothing secret is stored:
-- without the key, a copy of this table mints no token.
CREATE TABLE refresh_families (
    family_id         TEXT PRIMARY KEY,
    client_id         TEXT NOT NULL,
    citizen_id        TEXT NOT NULL,
    scopes            TEXT NOT NULL,
    acr               TEXT NOT NULL,
    amr               TEXT NOT NULL,
    auth_time         TIMESTAMPTZ NOT NULL,
    idp               TEXT NOT NULL,
    jkt               TEXT,
    family_expires_at TIMESTAMPTZ NOT NULL,
    generation        BIGINT NOT NULL DEFAULT 0,
    issued_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    rotated_at        TIMESTAMPTZ,
    revoked           BOOLEAN NOT NULL DEFAULT FALSE
);
-- Erasure (PDPA s33), its re-application after a restore and logout find a citizen's families.
CREATE INDEX refresh_families_citizen ON refresh_families (citizen_id);

-- The system is pre-production: no deployed refresh token to carry over, so the old table goes (clients holding a
-- token of the old format sign in again).
DROP TABLE refresh_tokens;
