-- The triggers of V2026.11.23.10 compared whole rows as jsonb to find the changes a ranking reads: about 90 ms per
-- 1,000 live scores recomputed (their per-criterion detail is long). Now each update trigger names the columns a
-- ranking reads and compares only those (about 15 ms per 1,000).
create or replace function ranking_version_bump() returns trigger language plpgsql as $$
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
        -- rows whose read columns (the trigger's arguments, besides the province) changed, before and after
        execute format($sql$
            insert into ranking_version as v (province_code, version)
            select distinct coalesce(c.province_code, ''), 1 from (
                (select province_code, %1$s from old_rows except all select province_code, %1$s from new_rows)
                union all
                (select province_code, %1$s from new_rows except all select province_code, %1$s from old_rows)
            ) c order by 1
            on conflict (province_code) do update set version = v.version + 1$sql$,
            (select string_agg(quote_ident(c), ', ') from unnest(tg_argv) c));
    end if;
    return null;
end $$;

drop trigger live_score_ranking_update on live_score;
create trigger live_score_ranking_update after update on live_score referencing old table as old_rows new table as new_rows
    for each statement execute function ranking_version_bump('agency_id', 'year', 'criteria_set_id', 'score', 'band', 'band_label');
drop trigger assessment_ranking_update on assessment;
create trigger assessment_ranking_update after update on assessment referencing old table as old_rows new table as new_rows
    for each statement execute function ranking_version_bump('id', 'agency_id', 'year', 'kind', 'criteria_set_id', 'status',
        'total_points', 'band', 'band_label', 'finalised_at');
drop trigger agency_directory_ranking_update on agency_directory;
create trigger agency_directory_ranking_update after update on agency_directory referencing old table as old_rows new table as new_rows
    for each statement execute function ranking_version_bump('id', 'code', 'name');
drop trigger criteria_set_ranking_update on criteria_set;
create trigger criteria_set_ranking_update after update on criteria_set referencing old table as old_rows new table as new_rows
    for each statement execute function ranking_version_bump('id', 'applies_from_year', 'version_no', 'status');
