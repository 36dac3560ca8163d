-- The agency directory each service keeps from document-service's agency events (read model).
-- document-service owns the agencies; its copy of this table stays empty.
create table agency_directory (
    id            uuid primary key,
    code          text        not null,
    name          text        not null,
    level         text        not null,
    parent_id     uuid,
    province_code text        not null,
    valid_from    date,
    valid_to      date,
    revision      bigint      not null,
    updated_at    timestamptz not null
);
create index agency_directory_province on agency_directory (province_code, level);
