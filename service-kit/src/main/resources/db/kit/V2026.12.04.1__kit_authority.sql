-- Authority across levels: the root of each agency's tree (a ministry for central units), kept in the
-- directory and the audit trail so that a ministry's scope is one condition; and the provinces' successions
-- (the 1 July 2025 mergers) that decide which province's steering committee continues which.
alter table agency_directory add column root_id uuid;
with recursive tree (id, root_id) as (
    select id, id from agency_directory where parent_id is null
    union all
    select d.id, t.root_id from agency_directory d join tree t on d.parent_id = t.id
)
update agency_directory d set root_id = tree.root_id from tree where tree.id = d.id;
update agency_directory set root_id = id where root_id is null;
alter table agency_directory alter column root_id set not null;
create index agency_directory_root on agency_directory (root_id);

alter table audit_trail add column root_id uuid;
update audit_trail t set root_id = d.root_id from agency_directory d where d.id = t.agency_id;

create table province_succession (
    code           text primary key,
    successor_code text not null,
    effective_date date not null,
    check (code <> successor_code)
);
