-- Files attached to a document version (the signed PDF, Word files), with their SHA-256.
create table document_attachment (
    id           uuid primary key,
    document_id  uuid        not null references controlled_document (id),
    version_id   uuid        not null references document_version (id),
    file_name    text        not null,
    content_type text        not null,
    size         bigint      not null,
    sha256       text        not null,
    content      bytea       not null,
    created_by   text        not null,
    created_at   timestamptz not null
);
create index document_attachment_version on document_attachment (version_id);
