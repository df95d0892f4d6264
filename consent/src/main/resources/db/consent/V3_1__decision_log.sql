-- R19.1: every refused share is logged for the DPO (and the citizen it concerns). Written in the refusal's path,
-- one small insert committed before the refusal is answered, so no refusal goes unlogged. Permits are not written
-- here: a permit that is used is in the access log with its decision_id. Append-only; retention deletes old rows.
-- (Numbered 3.1 so that a V3 migration from a parallel branch still applies in order.)
CREATE TABLE decision_log (
    id          bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    subject_ref text        NOT NULL,
    agency_id   text        NOT NULL,
    purpose_id  text        NOT NULL,
    categories  text[]      NOT NULL,
    decision    text        NOT NULL,
    reason      text        NOT NULL,
    trace_id    text
);
CREATE INDEX decision_log_time ON decision_log (occurred_at DESC, id DESC);
CREATE INDEX decision_log_subject ON decision_log (subject_ref, occurred_at DESC);
CREATE TRIGGER decision_log_append_only BEFORE UPDATE ON decision_log FOR EACH ROW EXECUTE FUNCTION refuse_change();
