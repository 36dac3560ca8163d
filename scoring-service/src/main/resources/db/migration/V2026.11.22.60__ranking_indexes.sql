-- Rankings read a page in score order straight from an index (ties by agency id) and count above it.
drop index assessment_ranking;
create index assessment_ranking on assessment (province_code, year, criteria_set_id, kind, status, total_points desc, agency_id);
drop index live_score_ranking;
create index live_score_ranking on live_score (province_code, year, score desc, agency_id);
