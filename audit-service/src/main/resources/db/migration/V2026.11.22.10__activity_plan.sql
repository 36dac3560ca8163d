-- Yearly ISO activity plans (kế hoạch hoạt động ISO): one per agency and year, with their items.
create table activity_plan (
    id          uuid primary key,
    agency_id   uuid        not null,
    year        int         not null,
    status      text        not null,
    approved_by text,
    approved_at timestamptz,
    created_by  text        not null,
    version     bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    unique (agency_id, year)
);

create table activity_item (
    id           uuid primary key,
    plan_id      uuid        not null references activity_plan (id) on delete cascade,
    agency_id    uuid        not null,
    kind         text        not null,
    title        text        not null,
    planned_date date        not null,
    owner        text,
    done_date    date,
    evidence     text,
    done_by      text,
    overdue_at   timestamptz,
    version      bigint      not null,
    created_at   timestamptz not null
);
create index activity_item_plan on activity_item (plan_id, planned_date);
create index activity_item_pending on activity_item (planned_date) where done_date is null and overdue_at is null;
