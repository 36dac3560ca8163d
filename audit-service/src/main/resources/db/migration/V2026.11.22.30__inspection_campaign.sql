-- Provincial inspection campaigns (kế hoạch kiểm tra): a province's yearly plan of inspections.
create table inspection_campaign (
    id              uuid primary key,
    province_code   text        not null,
    year            int         not null,
    title           text        not null,
    period_start    date        not null,
    period_end      date        not null,
    status          text        not null,
    team            text        not null,  -- JSON: the inspection team, as on audits
    decision_number text,
    decision_date   date,
    approved_by     text,
    approved_at     timestamptz,
    created_by      text        not null,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (province_code, year)
);

create table campaign_agency (
    campaign_id uuid not null references inspection_campaign (id) on delete cascade,
    agency_id   uuid not null,
    mode        text not null,
    audit_id    uuid references audit (id),
    primary key (campaign_id, agency_id)
);
