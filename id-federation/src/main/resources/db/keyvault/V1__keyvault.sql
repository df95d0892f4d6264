-- The key store of crypto-shredding (PDPA s33, R33.1). Kept apart from the data tables: in production this schema
-- belongs in a separate database (or Vault transit) whose backups live no longer than the erasure deadline allows,
-- never in the main database's backups. Destroying a subject's row makes every copy of its sealed data unreadable.

-- One data key per subject (the citizen's opaque id), AES-256, wrapped (AES-GCM) by the key-encryption key of
-- configuration (onecitizen.identity.subject-key-encryption-key).
CREATE TABLE subject_keys (
    subject_ref  TEXT PRIMARY KEY,
    kek_version  SMALLINT NOT NULL,
    wrapped      BYTEA NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The erasure journal: which subjects' keys were destroyed and when (no personal data), so that a restore of an
-- older key-store backup can destroy them again before the system reopens.
CREATE TABLE erasures (
    subject_ref  TEXT PRIMARY KEY,
    erased_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
