-- The catalogue of administrative procedures (thủ tục hành chính, TTHC) with their legal processing times.
create table administrative_procedure (
    id                    uuid primary key,
    code                  text        not null unique,
    national_code         text        not null,
    name                  text        not null,
    search_text           text        not null,
    field                 text        not null,
    level                 text        not null,
    processing_days       integer     not null check (processing_days between 1 and 365),
    status                text        not null,
    published_by_decision text,
    province_code         text,
    changed_at            date,
    change_reason         text,
    version               bigint      not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index administrative_procedure_national on administrative_procedure (national_code);

create table administrative_procedure_legal_basis (
    procedure_id      uuid not null references administrative_procedure (id),
    legal_document_id uuid not null references legal_document (id),
    primary key (procedure_id, legal_document_id)
);
create index administrative_procedure_legal_basis_document on administrative_procedure_legal_basis (legal_document_id);
