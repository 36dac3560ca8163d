-- The statement triggers of V2026.11.23.10/30 took the lock on the province's ranking_version row in the middle of a
-- transaction and held it to the end, so a transaction that then updated rows held by another one waiting for that
-- lock deadlocked (seen: activating a set, which retires the old one first, while the dossier drain recomputed).
-- Now the version moves at commit, after every other lock of the transaction: deferred row triggers, fired only when
-- a column a ranking reads changed, each province bumped once per transaction.
drop trigger live_score_ranking_insert on live_score;
drop trigger live_score_ranking_update on live_score;
drop trigger live_score_ranking_delete on live_score;
drop trigger assessment_ranking_insert on assessment;
drop trigger assessment_ranking_update on assessment;
drop trigger assessment_ranking_delete on assessment;
drop trigger agency_directory_ranking_insert on agency_directory;
drop trigger agency_directory_ranking_update on agency_directory;
drop trigger agency_directory_ranking_delete on agency_directory;
drop trigger criteria_set_ranking_insert on criteria_set;
drop trigger criteria_set_ranking_update on criteria_set;
drop trigger criteria_set_ranking_delete on criteria_set;
drop function ranking_version_bump();

-- moves the version of a province ('' = national) once in the transaction
create function ranking_version_bump(province text) returns void language plpgsql as $$
declare
    done text := 'govqms.ranking_bumped_' || coalesce(nullif(province, ''), 'national');
begin
    if current_setting(done, true) is distinct from '1' then
        insert into ranking_version as v (province_code, version) values (coalesce(province, ''), 1)
        on conflict (province_code) do update set version = v.version + 1;
        perform set_config(done, '1', true);
    end if;
end $$;

create function ranking_version_row() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        perform ranking_version_bump(old.province_code);
    end if;
    if tg_op <> 'DELETE' then
        perform ranking_version_bump(new.province_code);
    end if;
    return null;
end $$;

create constraint trigger live_score_ranking_insert after insert or delete on live_score deferrable initially deferred
    for each row execute function ranking_version_row();
create constraint trigger live_score_ranking_update after update on live_score deferrable initially deferred
    for each row when ((old.province_code, old.year, old.criteria_set_id, old.score, old.band, old.band_label)
                       is distinct from (new.province_code, new.year, new.criteria_set_id, new.score, new.band, new.band_label))
    execute function ranking_version_row();

create constraint trigger assessment_ranking_insert after insert or delete on assessment deferrable initially deferred
    for each row execute function ranking_version_row();
create constraint trigger assessment_ranking_update after update on assessment deferrable initially deferred
    for each row when ((old.province_code, old.agency_id, old.year, old.kind, old.criteria_set_id, old.status, old.total_points, old.band,
                        old.band_label, old.finalised_at)
                       is distinct from (new.province_code, new.agency_id, new.year, new.kind, new.criteria_set_id, new.status,
                        new.total_points, new.band, new.band_label, new.finalised_at))
    execute function ranking_version_row();

-- names and codes of the ranked agencies
create constraint trigger agency_directory_ranking_insert after insert or delete on agency_directory deferrable initially deferred
    for each row execute function ranking_version_row();
create constraint trigger agency_directory_ranking_update after update on agency_directory deferrable initially deferred
    for each row when ((old.province_code, old.code, old.name) is distinct from (new.province_code, new.code, new.name))
    execute function ranking_version_row();

-- the set in force decides which official scores are ranked and the order of the bands
create constraint trigger criteria_set_ranking_insert after insert or delete on criteria_set deferrable initially deferred
    for each row execute function ranking_version_row();
create constraint trigger criteria_set_ranking_update after update on criteria_set deferrable initially deferred
    for each row when ((old.province_code, old.applies_from_year, old.version_no, old.status)
                       is distinct from (new.province_code, new.applies_from_year, new.version_no, new.status))
    execute function ranking_version_row();
