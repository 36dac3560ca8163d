-- Rankings are served from snapshots that each replica keeps in memory (ranking.RankingSnapshots). A snapshot
-- holds while the version of its province has not moved. Statement triggers move it, in the transaction of the
-- change, whenever something a ranking reads changes, whoever changes it (an event, an assessment, a criteria
-- set, the agency directory, a script), so every replica sees the change on its next read. The row '' is the
-- national one (a national criteria set is in force in every province without one of its own).
create table ranking_version (
    province_code text   primary key,
    version       bigint not null
);

-- Moves the version of the provinces of the rows inserted, deleted, or changed in a column other than those
-- named in the trigger's arguments (columns no ranking reads, e.g. a live score's per-criterion detail: the
-- recomputation of an unchanged score then leaves the snapshots alone). Provinces in a fixed order, so that two
-- transactions never wait on each other's rows in opposite orders.
create function ranking_version_bump() returns trigger language plpgsql as $$
declare
    ignored text[] := coalesce(tg_argv, '{}');
begin
    if tg_op = 'INSERT' then
        insert into ranking_version as v (province_code, version)
        select distinct coalesce(n.province_code, ''), 1 from new_rows n order by 1
        on conflict (province_code) do update set version = v.version + 1;
    elsif tg_op = 'DELETE' then
        insert into ranking_version as v (province_code, version)
        select distinct coalesce(o.province_code, ''), 1 from old_rows o order by 1
        on conflict (province_code) do update set version = v.version + 1;
    else
        insert into ranking_version as v (province_code, version)
        select distinct coalesce(c.row ->> 'province_code', ''), 1 from (
            (select to_jsonb(o) - ignored as row from old_rows o except all select to_jsonb(n) - ignored from new_rows n)
            union all
            (select to_jsonb(n) - ignored from new_rows n except all select to_jsonb(o) - ignored from old_rows o)
        ) c order by 1
        on conflict (province_code) do update set version = v.version + 1;
    end if;
    return null;
end $$;

create trigger live_score_ranking_insert after insert on live_score referencing new table as new_rows
    for each statement execute function ranking_version_bump();
create trigger live_score_ranking_update after update on live_score referencing old table as old_rows new table as new_rows
    for each statement execute function ranking_version_bump('criteria', 'cause', 'updated_at');
create trigger live_score_ranking_delete after delete on live_score referencing old table as old_rows
    for each statement execute function ranking_version_bump();

create trigger assessment_ranking_insert after insert on assessment referencing new table as new_rows
    for each statement execute function ranking_version_bump();
create trigger assessment_ranking_update after update on assessment referencing old table as old_rows new table as new_rows
    for each statement execute function ranking_version_bump('items', 'comment', 'lock_version', 'created_by', 'created_at',
        'updated_at', 'submitted_by', 'submitted_at', 'finalised_by');
create trigger assessment_ranking_delete after delete on assessment referencing old table as old_rows
    for each statement execute function ranking_version_bump();

-- names and codes of the ranked agencies
create trigger agency_directory_ranking_insert after insert on agency_directory referencing new table as new_rows
    for each statement execute function ranking_version_bump();
create trigger agency_directory_ranking_update after update on agency_directory referencing old table as old_rows new table as new_rows
    for each statement execute function ranking_version_bump('level', 'parent_id', 'valid_from', 'valid_to', 'revision', 'updated_at');
create trigger agency_directory_ranking_delete after delete on agency_directory referencing old table as old_rows
    for each statement execute function ranking_version_bump();

-- the set in force decides which official scores are ranked and the order of the bands
create trigger criteria_set_ranking_insert after insert on criteria_set referencing new table as new_rows
    for each statement execute function ranking_version_bump();
create trigger criteria_set_ranking_update after update on criteria_set referencing old table as old_rows new table as new_rows
    for each statement execute function ranking_version_bump('name', 'definition', 'total_max_points', 'lock_version', 'created_by',
        'created_at', 'updated_at', 'activated_at', 'retired_at');
create trigger criteria_set_ranking_delete after delete on criteria_set referencing old table as old_rows
    for each statement execute function ranking_version_bump();
