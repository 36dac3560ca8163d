-- Each agency's QMS status and standard edition over time, from document-service's qms.status-changed: progress
-- figures ("finished building", "converted to ISO 9001:2015") are answered as of a date. seq orders changes of one day.
create table qms_status_history (
    seq              bigserial primary key,
    agency_id        uuid        not null,
    effective_date   date        not null,
    status           text        not null,
    standard_edition text,
    recorded_at      timestamptz not null
);
create index qms_status_history_agency on qms_status_history (agency_id, effective_date, seq);
