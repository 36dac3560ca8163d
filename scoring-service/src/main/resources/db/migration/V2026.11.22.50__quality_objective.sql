-- Quality objectives (mục tiêu chất lượng) of an agency for a year, bound to an indicator with a target.
create table quality_objective (
    id                 uuid primary key,
    agency_id          uuid          not null,
    province_code      text          not null,
    year               integer       not null,
    title              text          not null,
    kpi                text          not null,
    comparison         text          not null,
    target             numeric(12, 2) not null,
    status             text          not null,
    actual             numeric(12, 2),
    lock_version       bigint        not null,
    created_by         text          not null,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    status_changed_at  timestamptz   not null
);
create index quality_objective_agency on quality_objective (agency_id, year);
