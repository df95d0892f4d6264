-- s35 / R35.1: a fulfilled rectification is sent to every agency that received the subject's data. Each agency is an
-- outbound task, recorded in the same transaction as the fulfilment; the connector runtime delivers and marks it.
CREATE TABLE correction_task (
    request_id   uuid        NOT NULL REFERENCES privacy_request (id),
    agency_id    text        NOT NULL,
    status       text        NOT NULL DEFAULT 'pending',
    created_at   timestamptz NOT NULL,
    delivered_at timestamptz,
    PRIMARY KEY (request_id, agency_id)
);
CREATE INDEX correction_task_pending ON correction_task (created_at) WHERE status = 'pending';
