-- R20.3: a custodian (of an incompetent person) or a curator (of a quasi-incompetent person), registered by the DPO
-- or an operator from the court's order, consents and withdraws for the ward. One representation in force per ward;
-- registration and revocation are audited in representation_event (append-only).
CREATE TABLE representation (
    id                 uuid PRIMARY KEY,
    ward_ref           text        NOT NULL,
    representative_ref text        NOT NULL,
    role               text        NOT NULL CHECK (role IN ('custodian', 'curator')),
    authority_ref      text        NOT NULL,
    authority_date     date        NOT NULL,
    valid_from         timestamptz NOT NULL,
    valid_until        timestamptz,
    registered_by      text        NOT NULL,
    registered_at      timestamptz NOT NULL,
    revoked_by         text,
    revoked_at         timestamptz,
    revoke_reason      text,
    CHECK (ward_ref <> representative_ref),
    CHECK (valid_until IS NULL OR valid_until > valid_from)
);
CREATE UNIQUE INDEX representation_one_per_ward ON representation (ward_ref) WHERE revoked_at IS NULL;
CREATE INDEX representation_representative ON representation (representative_ref) WHERE revoked_at IS NULL;

CREATE TABLE representation_event (
    id                bigserial PRIMARY KEY,
    representation_id uuid        NOT NULL REFERENCES representation (id),
    event             text        NOT NULL,
    actor             text        NOT NULL,
    at                timestamptz NOT NULL,
    reason            text
);
CREATE TRIGGER representation_event_append_only BEFORE UPDATE OR DELETE ON representation_event FOR EACH ROW
    EXECUTE FUNCTION refuse_change();
