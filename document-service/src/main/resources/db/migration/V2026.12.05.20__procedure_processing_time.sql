-- Processing times that are not whole days: a unit and an amount; processing_days stays, the whole working days the
-- time spans (at least 1), for readers that know only days.
alter table administrative_procedure
    add column processing_unit   text    not null default 'WORKING_DAYS',
    add column processing_amount integer;
update administrative_procedure set processing_amount = processing_days;
alter table administrative_procedure
    alter column processing_amount set not null,
    alter column processing_unit drop default,
    add constraint administrative_procedure_processing_time check (
        (processing_unit = 'WORKING_DAYS' and processing_amount between 1 and 365 and processing_days = processing_amount)
        or (processing_unit = 'WORKING_HOURS' and processing_amount between 1 and 2920)
        or (processing_unit = 'WITHIN_DAY' and processing_amount = 0 and processing_days = 1));
