-- The service registry: agencies, services (current version) and every past version.
CREATE TABLE agencies (
    id         varchar(64) PRIMARY KEY,
    name_th    text        NOT NULL,
    name_en    text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Orders every change registry-wide, so that each instance's catalogue can refresh "everything after N".
CREATE SEQUENCE service_change_seq;

CREATE TABLE services (
    id         varchar(128) PRIMARY KEY,
    agency_id  varchar(64)  NOT NULL REFERENCES agencies (id),
    status     varchar(16)  NOT NULL CHECK (status IN ('draft', 'pending', 'active', 'suspended', 'retired')),
    version    integer      NOT NULL CHECK (version > 0),
    change_seq bigint       NOT NULL,
    document   jsonb        NOT NULL,
    updated_at timestamptz  NOT NULL
);
CREATE INDEX services_by_agency ON services (agency_id, id);
CREATE INDEX services_by_change ON services (change_seq);

-- The history: who changed what, at which version (audit, and what an approval approved).
CREATE TABLE service_versions (
    service_id varchar(128) NOT NULL REFERENCES services (id),
    version    integer      NOT NULL,
    status     varchar(16)  NOT NULL,
    document   jsonb        NOT NULL,
    changed_by text         NOT NULL,
    changed_at timestamptz  NOT NULL,
    PRIMARY KEY (service_id, version)
);
