-- R40.1 (s40): the register of processors acting for the controller, each with its contract, the scope of the
-- controller's instructions, its security measures, its duty to report a breach promptly (in hours) and its own
-- processing record (the purposes it processes for). A purpose's free-text processors name these by `name`.
CREATE TABLE processor (
    id                  uuid PRIMARY KEY,
    name                text        NOT NULL UNIQUE,
    name_th             text,
    name_en             text,
    contract_ref        text        NOT NULL,
    contract_date       date        NOT NULL,
    instructions        text        NOT NULL,
    security_measures   text        NOT NULL,
    breach_report_hours integer     NOT NULL CHECK (breach_report_hours > 0),
    purposes            text[]      NOT NULL,
    registered_by       text        NOT NULL,
    registered_at       timestamptz NOT NULL
);
