-- R25.1: what an agency returned is recorded apart from what was sent, so that data collected from another source
-- without consent can be noticed to the citizen (s25) and named as such in an access export (s30).
ALTER TABLE access_outbox ADD COLUMN received_categories text[] NOT NULL DEFAULT '{}';
ALTER TABLE access_log ADD COLUMN received_categories text[] NOT NULL DEFAULT '{}';

-- R25.1: a purpose whose indirect collection is exempt from the notice (s25 para 2 with s24/s26), recorded with its
-- legal reference and the officer who approved it.
CREATE TABLE indirect_collection_exemption (
    purpose_id  text PRIMARY KEY REFERENCES purpose (id),
    ground      text        NOT NULL,
    legal_ref   text        NOT NULL,
    approved_by text        NOT NULL,
    recorded_at timestamptz NOT NULL
);

-- R35.1: correction delivery is an outbox with retries; each agency's outcome is kept on its task.
ALTER TABLE correction_task ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE correction_task ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE correction_task ADD COLUMN last_error text;
ALTER TABLE correction_task ADD COLUMN reference text;
ALTER TABLE correction_task ADD COLUMN categories text[] NOT NULL DEFAULT '{}';
DROP INDEX correction_task_pending;
CREATE INDEX correction_task_due ON correction_task (next_attempt_at) WHERE status = 'pending';

-- R31.1: every direct transmission of a portability export to another controller, delivered or refused.
CREATE TABLE privacy_request_transfer (
    id            uuid PRIMARY KEY,
    request_id    uuid        NOT NULL REFERENCES privacy_request (id),
    controller_id text        NOT NULL,
    status        text        NOT NULL,
    reason        text,
    reference     text,
    at            timestamptz NOT NULL
);
CREATE INDEX privacy_request_transfer_request ON privacy_request_transfer (request_id, at);
