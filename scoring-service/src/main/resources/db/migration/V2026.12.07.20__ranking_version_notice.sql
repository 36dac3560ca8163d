-- Each replica keeps the provinces' ranking versions in memory (ranking.RankingSnapshots) and reads one again only
-- after a notice that it moved: the bump also notifies govqms_ranking with the province ('' = national), delivered
-- to every listening replica at the commit. Otherwise as in V2026.11.23.40.
create or replace function ranking_version_bump(province text) returns void language plpgsql as $$
declare
    done text := 'govqms.ranking_bumped_' || coalesce(nullif(province, ''), 'national');
begin
    if current_setting(done, true) is distinct from '1' then
        insert into ranking_version as v (province_code, version) values (coalesce(province, ''), 1)
        on conflict (province_code) do update set version = v.version + 1;
        perform set_config(done, '1', true);
        perform pg_notify('govqms_ranking', coalesce(province, ''));
    end if;
end $$;
