-- The services each citizen pinned to their dashboard, in the order they chose. A citizen without a row sees the
-- configured default set. The subject is the citizen's opaque id, never a citizen ID number.
CREATE TABLE dashboard_pins (
    subject_ref varchar(200) PRIMARY KEY,
    service_ids text[]       NOT NULL,
    updated_at  timestamptz  NOT NULL
);
