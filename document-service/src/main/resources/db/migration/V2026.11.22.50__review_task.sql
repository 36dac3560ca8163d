-- Procedure review tasks: one per issued procedure and cause (a legal document or TTHC change),
-- created set-based by the change's own transaction.
create table review_task (
    id                  uuid primary key,
    agency_id           uuid        not null references agency (id),
    document_id         uuid        not null references controlled_document (id),
    version_id          uuid        not null references document_version (id),
    cause_type          text        not null,
    cause_id            uuid        not null,
    cause_key           text        not null,
    cause_kind          text        not null,
    cause_summary       text        not null,
    effective_date      date        not null,
    due_date            date        not null,
    status              text        not null,
    outcome             text,
    resolution_note     text,
    resolved_version_id uuid references document_version (id),
    resolved_by         text,
    resolved_at         timestamptz,
    overdue_at          timestamptz,
    version             bigint      not null,
    created_at          timestamptz not null,
    unique (document_id, cause_key)
);
create index review_task_agency_status on review_task (agency_id, status);
create index review_task_open_due on review_task (due_date) where status = 'OPEN';
create index document_version_issued on document_version (document_id) where status = 'ISSUED';
