-- Agencies form a tree with a level value (the 2025 reorganisation removed the district level; old
-- data keeps it), with validity dates for mergers and splits.
create table agency (
    id            uuid primary key,
    code          text        not null unique,
    name          text        not null,
    name_folded   text        not null,
    level         text        not null,
    parent_id     uuid references agency (id),
    province_code text        not null,
    valid_from    date,
    valid_to      date,
    version       bigint      not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index agency_province_level on agency (province_code, level);
create index agency_parent on agency (parent_id);
