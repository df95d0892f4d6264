-- The identity module's tables: client registrations, citizens, provider links, refresh-token families, audit.

CREATE TABLE clients (
    client_id                  TEXT PRIMARY KEY,
    name                       TEXT NOT NULL,
    auth_method                TEXT NOT NULL CHECK (auth_method IN ('none', 'private_key_jwt', 'client_secret_basic')),
    secret_hash                TEXT,
    jwks                       TEXT,
    redirect_uris              TEXT[] NOT NULL DEFAULT '{}',
    post_logout_redirect_uris  TEXT[] NOT NULL DEFAULT '{}',
    grant_types                TEXT[] NOT NULL DEFAULT '{}',
    scopes                     TEXT[] NOT NULL DEFAULT '{}',
    native_app                 BOOLEAN NOT NULL DEFAULT FALSE,
    agency_id                  TEXT,
    created_at                 TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                 TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A citizen: an opaque id (the token subject), the citizen ID as keyed hash (look-up) and AES-GCM ciphertext.
CREATE TABLE citizens (
    id          TEXT PRIMARY KEY,
    cid_hmac    BYTEA NOT NULL UNIQUE,
    cid_sealed  BYTEA NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- (provider, provider subject) -> citizen, with what the provider asserted at the last login.
CREATE TABLE links (
    provider          TEXT NOT NULL,
    subject_hash      BYTEA NOT NULL,
    citizen_id        TEXT NOT NULL REFERENCES citizens (id),
    cid_hmac          BYTEA NOT NULL,
    claims            TEXT NOT NULL,
    ial               TEXT NOT NULL,
    aal               TEXT NOT NULL,
    linked_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_login_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, subject_hash),
    UNIQUE (citizen_id, provider)
);
CREATE INDEX links_citizen ON links (citizen_id);

-- Refresh tokens: one row per token, grouped in families (one login); only hashes are stored.
CREATE TABLE refresh_tokens (
    token_hash   TEXT PRIMARY KEY,
    family_id    TEXT NOT NULL,
    client_id    TEXT NOT NULL,
    citizen_id   TEXT NOT NULL,
    scopes       TEXT NOT NULL,
    acr          TEXT NOT NULL,
    amr          TEXT NOT NULL,
    auth_time    TIMESTAMPTZ NOT NULL,
    idp          TEXT NOT NULL,
    jkt          TEXT,
    family_expires_at TIMESTAMPTZ NOT NULL,
    issued_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    used_at      TIMESTAMPTZ,
    revoked      BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

-- Security-relevant identity events (conflicts, reuse, unlinking). Never holds a citizen ID.
CREATE TABLE audit_events (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    event       TEXT NOT NULL,
    citizen_id  TEXT,
    provider    TEXT,
    client_id   TEXT,
    detail      TEXT NOT NULL
);
