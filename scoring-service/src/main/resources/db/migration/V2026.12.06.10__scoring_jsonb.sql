-- The JSON documents of criteria sets and assessments become jsonb: checked when written, queried with JSON operators
-- (a criteria set that scores the dossier on-time rate: definition @> '{"groups":[{"criteria":[{"indicator":...}]}]}').
alter table criteria_set alter column definition type jsonb using definition::jsonb;
alter table assessment alter column items type jsonb using items::jsonb;
