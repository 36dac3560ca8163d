-- The register of legal documents (văn bản quy phạm pháp luật) procedures rely on, and how they
-- amend, replace, repeal or guide one another.
create table legal_document (
    id             uuid primary key,
    number         text        not null unique,
    type           text        not null,
    issuer         text        not null,
    title          text        not null,
    search_text    text        not null,
    issued_date    date        not null,
    effective_date date        not null,
    expiry_date    date,
    province_code  text,
    version        bigint      not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index legal_document_effective on legal_document (effective_date);

create table legal_relation (
    id          uuid primary key,
    source_id   uuid not null references legal_document (id),
    kind        text not null,
    target_id   uuid not null references legal_document (id),
    articles    text,
    unique (source_id, kind, target_id)
);
create index legal_relation_target on legal_relation (target_id);
