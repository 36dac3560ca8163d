-- Procedures issued but not posted: the revision in force of each procedure (from document.issued), whether it was
-- posted at the office and published on the portal (document.posted), and whether it is still in force
-- (document.abolished ends it). One row per document: a new revision starts unposted.
create table procedure_posting (
    document_id      uuid primary key,
    agency_id        uuid        not null,
    revision         int         not null,
    code             text,
    issued_on        date        not null,
    on_notice_board  boolean     not null default false,
    on_portal        boolean     not null default false,
    in_force         boolean     not null default true,
    updated_at       timestamptz not null
);
create index procedure_posting_unposted on procedure_posting (agency_id) where in_force and not (on_notice_board and on_portal);
