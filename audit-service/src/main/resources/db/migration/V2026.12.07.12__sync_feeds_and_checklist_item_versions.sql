-- Sync feeds of the officers' and auditors' apps (kit sync): corrective actions of the caller's agencies and the audits
-- whose team names the caller, changed since a token, with tombstones. Each checklist item gets a version of its own,
-- the If-Match of an offline batch of answers.
update audit set checklist = (select coalesce(jsonb_agg(i || '{"version": 0}'::jsonb order by n), '[]'::jsonb)
                              from jsonb_array_elements(checklist) with ordinality as e(i, n));

create index corrective_action_changes on corrective_action (updated_at, id);
create index audit_changes on audit (updated_at, id);

create trigger corrective_action_touch before insert or update on corrective_action
    for each row execute function sync_touch();
create trigger corrective_action_moved after update on corrective_action
    referencing old table as old_rows new table as new_rows for each statement execute function sync_tombstones('corrective-actions');
create trigger corrective_action_deleted after delete on corrective_action
    referencing old table as old_rows for each statement execute function sync_tombstones('corrective-actions');

-- The checklist feed is per team member: an audit leaves a member's feed when the team stops naming them, or is deleted.
create function audit_checklist_tombstones() returns trigger language plpgsql as $$
begin
    if TG_OP = 'DELETE' then
        insert into sync_tombstone (feed, id, agency_id, subject, at)
        select 'audit-checklists', o.id::text, o.agency_id, m ->> 'subject', now()
        from old_rows o cross join lateral jsonb_array_elements(o.team) m;
    else
        insert into sync_tombstone (feed, id, agency_id, subject, at)
        select 'audit-checklists', o.id::text, o.agency_id, m ->> 'subject', now()
        from old_rows o join new_rows n on n.id = o.id cross join lateral jsonb_array_elements(o.team) m
        where not n.team @> jsonb_build_array(jsonb_build_object('subject', m ->> 'subject'));
    end if;
    return null;
end $$;

create trigger audit_touch before insert or update on audit
    for each row execute function sync_touch();
create trigger audit_team_left after update on audit
    referencing old table as old_rows new table as new_rows for each statement execute function audit_checklist_tombstones();
create trigger audit_deleted after delete on audit
    referencing old table as old_rows for each statement execute function audit_checklist_tombstones();
