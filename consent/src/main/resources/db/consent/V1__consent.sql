-- The consent module's tables (schema "consent"). A citizen is only ever an opaque subject_ref here.

-- A processing purpose registered per agency and operation (PDPA s21-s27, s39).
CREATE TABLE purpose (
    id                      text PRIMARY KEY,
    agency_id               text        NOT NULL,
    operations              text[]      NOT NULL,
    basis                   text        NOT NULL,
    legal_ref               text,
    approved_by             text,
    sensitive_exception     text,
    categories              text[]      NOT NULL,
    recipients              text[]      NOT NULL,
    retention_days          integer     NOT NULL CHECK (retention_days > 0),
    cross_border            text        NOT NULL,
    cross_border_country    text,
    minor_may_consent_alone boolean     NOT NULL DEFAULT false,
    required_by             text        NOT NULL,
    processors              text[]      NOT NULL DEFAULT '{}',
    security_measures       text        NOT NULL,
    current_notice_version  integer     NOT NULL,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);

-- Notices (s23) are immutable: a change is a new version.
CREATE TABLE notice (
    purpose_id        text        NOT NULL REFERENCES purpose (id),
    version           integer     NOT NULL,
    title_th          text        NOT NULL,
    title_en          text        NOT NULL,
    body_th           text        NOT NULL,
    body_en           text        NOT NULL,
    refusal_effect_th text        NOT NULL,
    refusal_effect_en text        NOT NULL,
    hash_th           text        NOT NULL,
    hash_en           text        NOT NULL,
    material          boolean     NOT NULL,
    published_at      timestamptz NOT NULL,
    PRIMARY KEY (purpose_id, version)
);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'table %.% is append-only', TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER notice_immutable BEFORE UPDATE OR DELETE ON notice FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Per subject: the ledger head (for detecting a deleted tail), the decision version (bumped on every change that can
-- alter a decision, for cache validation) and the processing limits set by privacy requests (s32, s33, s34).
CREATE TABLE subject_state (
    subject_ref       text PRIMARY KEY,
    version           bigint      NOT NULL DEFAULT 0,
    head_seq          bigint      NOT NULL DEFAULT 0,
    head_hash         text        NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
    restricted        boolean     NOT NULL DEFAULT false,
    objected_all      boolean     NOT NULL DEFAULT false,
    objected_purposes text[]      NOT NULL DEFAULT '{}',
    erased_at         timestamptz,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- The consent ledger: one ordered, hash-chained sequence of grant and withdrawal events per subject.
CREATE TABLE ledger (
    subject_ref     text        NOT NULL,
    seq             bigint      NOT NULL,
    record_id       uuid        NOT NULL UNIQUE,
    consent_id      uuid        NOT NULL,
    event           text        NOT NULL,
    purpose_id      text        NOT NULL,
    notice_version  integer     NOT NULL,
    text_hash       text        NOT NULL,
    language        text        NOT NULL,
    categories      text[]      NOT NULL,
    actor_role      text        NOT NULL,
    authority_ref   text,
    guardian_role   text,
    guardian_ref    text,
    channel         text        NOT NULL,
    steps           integer     NOT NULL,
    at              timestamptz NOT NULL,
    prev_hash       text        NOT NULL,
    hash            text        NOT NULL,
    PRIMARY KEY (subject_ref, seq)
);
CREATE INDEX ledger_consent ON ledger (consent_id);
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The current state of each consent, a projection of the ledger kept in the same transaction for fast decisions.
CREATE TABLE consent (
    id              uuid PRIMARY KEY,
    subject_ref     text        NOT NULL,
    purpose_id      text        NOT NULL REFERENCES purpose (id),
    notice_version  integer     NOT NULL,
    language        text        NOT NULL,
    state           text        NOT NULL,
    actor_role      text        NOT NULL,
    guardian_role   text,
    granted_at      timestamptz NOT NULL,
    withdrawn_at    timestamptz,
    last_seq        bigint      NOT NULL
);
CREATE UNIQUE INDEX consent_one_active ON consent (subject_ref, purpose_id) WHERE state = 'given';
CREATE INDEX consent_subject ON consent (subject_ref, granted_at DESC);

-- Signed receipts, reissued on every state change.
CREATE TABLE receipt (
    id          uuid PRIMARY KEY,
    consent_id  uuid        NOT NULL REFERENCES consent (id),
    subject_ref text        NOT NULL,
    state       text        NOT NULL,
    jws         text        NOT NULL,
    issued_at   timestamptz NOT NULL
);
CREATE INDEX receipt_consent ON receipt (consent_id, issued_at);

-- Access (transparency) log: append-only, partitioned by month. Partitions are created ahead by the maintenance job.
CREATE TABLE access_log (
    id            uuid        NOT NULL,
    subject_ref   text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    agency_id     text        NOT NULL,
    service_id    text        NOT NULL,
    operation_id  text        NOT NULL,
    purpose_id    text        NOT NULL,
    basis         text        NOT NULL,
    categories    text[]      NOT NULL,
    decision_id   text        NOT NULL,
    trace_id      text,
    outcome       text        NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (occurred_at, id)
) PARTITION BY RANGE (occurred_at);
CREATE INDEX access_log_subject ON access_log (subject_ref, occurred_at DESC);
CREATE TRIGGER access_log_append_only BEFORE UPDATE ON access_log FOR EACH ROW EXECUTE FUNCTION refuse_change();

DO $$
DECLARE m date := date_trunc('month', now() - interval '3 years')::date;
BEGIN
    WHILE m <= date_trunc('month', now() + interval '3 months')::date LOOP
        EXECUTE format('CREATE TABLE IF NOT EXISTS access_log_%s PARTITION OF access_log FOR VALUES FROM (%L) TO (%L)',
                       to_char(m, 'YYYYMM'), m, (m + interval '1 month')::date);
        m := (m + interval '1 month')::date;
    END LOOP;
END $$;

-- The durable outbox: a disclosure is committed here first, then moved into access_log in batches, with retries.
CREATE TABLE access_outbox (
    id              bigserial PRIMARY KEY,
    entry_id        uuid        NOT NULL UNIQUE,
    subject_ref     text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    agency_id       text        NOT NULL,
    service_id      text        NOT NULL,
    operation_id    text        NOT NULL,
    purpose_id      text        NOT NULL,
    basis           text        NOT NULL,
    categories      text[]      NOT NULL,
    decision_id     text        NOT NULL,
    trace_id        text,
    outcome         text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text
);
CREATE INDEX access_outbox_due ON access_outbox (next_attempt_at);

-- Privacy requests (s30-s36).
CREATE TABLE privacy_request (
    id              uuid PRIMARY KEY,
    subject_ref     text        NOT NULL,
    type            text        NOT NULL,
    requester_role  text        NOT NULL,
    proof_ref       text,
    channel         text        NOT NULL,
    purpose_id      text,
    details         text,
    received_at     timestamptz NOT NULL,
    verified_at     timestamptz,
    legal_deadline  timestamptz NOT NULL,
    status          text        NOT NULL,
    outcome         text,
    closed_at       timestamptz
);
CREATE INDEX privacy_request_subject ON privacy_request (subject_ref, received_at DESC);
CREATE INDEX privacy_request_open ON privacy_request (legal_deadline) WHERE status IN ('received', 'in_progress');

CREATE TABLE privacy_request_event (
    request_id uuid        NOT NULL REFERENCES privacy_request (id),
    seq        integer     NOT NULL,
    status     text        NOT NULL,
    note       text,
    actor      text        NOT NULL,
    at         timestamptz NOT NULL,
    PRIMARY KEY (request_id, seq)
);

CREATE TABLE privacy_request_refusal (
    request_id uuid        NOT NULL REFERENCES privacy_request (id),
    ground     text        NOT NULL,
    text       text        NOT NULL,
    at         timestamptz NOT NULL
);

CREATE TABLE privacy_request_extension (
    request_id uuid        NOT NULL REFERENCES privacy_request (id),
    deadline   timestamptz NOT NULL,
    legal_ref  text        NOT NULL,
    at         timestamptz NOT NULL
);

-- Breaches (s37(4)).
CREATE TABLE breach (
    id                   uuid PRIMARY KEY,
    detected_at          timestamptz NOT NULL,
    aware_at             timestamptz NOT NULL,
    type                 text        NOT NULL,
    affected_count       integer     NOT NULL,
    record_count         integer     NOT NULL,
    categories           text[]      NOT NULL,
    risk_level           text        NOT NULL,
    risk_assessment      text        NOT NULL,
    description          text        NOT NULL,
    consequences         text        NOT NULL,
    measures             text        NOT NULL,
    remedies_th          text        NOT NULL,
    remedies_en          text        NOT NULL,
    office_due           timestamptz NOT NULL,
    notified_office_at   timestamptz,
    delay_reason         text,
    subjects_notified_at timestamptz,
    recorded_by          text        NOT NULL,
    created_at           timestamptz NOT NULL
);

CREATE TABLE breach_subject (
    breach_id   uuid NOT NULL REFERENCES breach (id),
    subject_ref text NOT NULL,
    PRIMARY KEY (breach_id, subject_ref)
);

-- In-app notifications to citizens (breaches, indirect collection notices).
CREATE TABLE notification (
    id          uuid PRIMARY KEY,
    subject_ref text        NOT NULL,
    kind        text        NOT NULL,
    source_id   text,
    title_th    text        NOT NULL,
    title_en    text        NOT NULL,
    body_th     text        NOT NULL,
    body_en     text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX notification_subject ON notification (subject_ref, created_at DESC);
CREATE UNIQUE INDEX notification_once ON notification (subject_ref, kind, source_id);

-- Retention runs, the report an auditor asks for (s37(3)).
CREATE TABLE retention_run (
    id          uuid PRIMARY KEY,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    erased      jsonb       NOT NULL,
    overdue     integer     NOT NULL
);
