-- The agency levels a province adds to the law's in its inspection campaigns (communes, wards, public service units...).
create table province_inspection_levels (
    province_code   text primary key,
    included_levels text not null,
    updated_by      text not null,
    updated_at      timestamptz not null,
    version         bigint not null
);
