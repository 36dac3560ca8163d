-- Controlled documents of an agency's QMS and their versions. A version's content is structured
-- JSON; its legal bases and TTHC are also kept relationally, for the set-based review fan-out.
create table controlled_document (
    id               uuid primary key,
    agency_id        uuid        not null references agency (id),
    code             text        not null,
    title            text        not null,
    search_text      text        not null,
    type             text        not null,
    owning_unit      text,
    current_revision integer,
    next_review_date date,
    version          bigint      not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    unique (agency_id, code)
);
create index controlled_document_agency on controlled_document (agency_id, type);

create table document_version (
    id                 uuid primary key,
    document_id        uuid        not null references controlled_document (id),
    revision           integer     not null,
    status             text        not null,
    content            text        not null,
    tthc_procedure_id  uuid references administrative_procedure (id),
    effective_date     date,
    abolished_reason   text,
    submitted_by       text,
    submitted_at       timestamptz,
    approved_by        text,
    approved_at        timestamptz,
    issued_by          text,
    issued_at          timestamptz,
    version            bigint      not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    unique (document_id, revision)
);
create index document_version_status on document_version (status);
create index document_version_tthc on document_version (tthc_procedure_id) where tthc_procedure_id is not null;

create table document_version_legal_basis (
    version_id        uuid not null references document_version (id),
    legal_document_id uuid not null references legal_document (id),
    primary key (version_id, legal_document_id)
);
create index document_version_legal_basis_document on document_version_legal_basis (legal_document_id);
