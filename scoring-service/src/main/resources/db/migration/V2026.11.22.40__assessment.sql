-- Self and official assessments of an agency for a year under one criteria set version. The points
-- per criterion are one JSON document (items); the total and band are columns, for the rankings.
create table assessment (
    id               uuid primary key,
    agency_id        uuid          not null,
    province_code    text          not null,
    year             integer       not null,
    kind             text          not null,
    criteria_set_id  uuid          not null references criteria_set (id),
    status           text          not null,
    items            text          not null,
    comment          text,
    total_points     numeric(6, 2),
    band             text,
    band_label       text,
    lock_version     bigint        not null,
    created_by       text          not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    submitted_by     text,
    submitted_at     timestamptz,
    finalised_by     text,
    finalised_at     timestamptz,
    unique (agency_id, year, kind, criteria_set_id)
);
-- the ranking of finalised official scores of a province and year
create index assessment_ranking on assessment (province_code, year, kind, status, total_points desc);
create index assessment_agency on assessment (agency_id, status, year);
