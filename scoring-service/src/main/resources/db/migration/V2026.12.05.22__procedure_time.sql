-- The TTHCs' legal processing times, from document-service's administrative-procedure.published and .changed, from the
-- date each applies: what a dossier received without a dueAt is due by (DossierDueDates).
create table procedure_time (
    code              text    not null,
    effective_from    date    not null,
    processing_unit   text    not null check (processing_unit in ('WORKING_DAYS', 'WORKING_HOURS', 'WITHIN_DAY')),
    processing_amount integer not null,
    primary key (code, effective_from)
);
