-- Criteria sets (bộ tiêu chí): per province (null = national), versioned. The definition (groups,
-- criteria, bands) is one JSON document: a set is edited as a whole while a draft and never after
-- it is activated, so last year's scores stay comparable.
create table criteria_set (
    id                 uuid primary key,
    province_code      text,
    name               text        not null,
    applies_from_year  integer     not null,
    version_no         integer     not null,
    status             text        not null,
    previous_id        uuid references criteria_set (id),
    definition         text        not null,
    total_max_points   numeric(7, 2) not null,
    lock_version       bigint      not null,
    created_by         text        not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    activated_at       timestamptz,
    retired_at         timestamptz
);
-- the active set of a province for a year: status = 'ACTIVE', province, highest applies_from_year
create index criteria_set_active on criteria_set (province_code, status, applies_from_year desc);
