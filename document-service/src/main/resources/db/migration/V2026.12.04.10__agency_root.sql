-- The root of each agency's tree: a ministry for its units (each ministry is a tenant of its own), the agency
-- itself when it has no parent. Scope decisions for ministries follow it.
alter table agency add column root_id uuid;
with recursive tree (id, root_id) as (
    select id, id from agency where parent_id is null
    union all
    select a.id, t.root_id from agency a join tree t on a.parent_id = t.id
)
update agency a set root_id = tree.root_id from tree where tree.id = a.id;
update agency set root_id = id where root_id is null;
alter table agency alter column root_id set not null;
create index agency_root on agency (root_id);
