-- A province's decision publishing a change to the TTHCs (quyết định công bố danh mục TTHC), and the work it gives each
-- agency handling an affected TTHC: update its handled-TTHC list within 5 working days of the decision date.
create table tthc_list_decision (
    id            uuid primary key,
    province_code text        not null,
    number        text        not null,
    decision_date date        not null,
    due_date      date        not null,
    procedure_ids uuid[]      not null,
    agency_ids    uuid[]      not null,
    recorded_by   text        not null,
    created_at    timestamptz not null,
    unique (province_code, number)
);

create table tthc_list_update (
    id          uuid primary key,
    decision_id uuid        not null references tthc_list_decision (id),
    agency_id   uuid        not null references agency (id),
    due_date    date        not null,
    status      text        not null check (status in ('OPEN', 'OVERDUE', 'CLEARED')),
    overdue_at  timestamptz,
    cleared_on  date,
    cleared_by  text,
    created_at  timestamptz not null,
    unique (decision_id, agency_id)
);
create index tthc_list_update_agency on tthc_list_update (agency_id, status);
-- the overdue check reads only open work
create index tthc_list_update_open_due on tthc_list_update (due_date) where status = 'OPEN';
