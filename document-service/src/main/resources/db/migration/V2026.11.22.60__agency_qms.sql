-- An agency's quality management system: status, standard edition, announcements of conformity,
-- and the TTHCs it handles (its scope: adding some requires re-announcement).
alter table agency add column qms_status text not null default 'NOT_STARTED';
alter table agency add column standard_edition text;
alter table agency add column reannouncement_required boolean not null default false;
alter table agency add column reannouncement_reason text;

create table qms_announcement (
    id                    uuid primary key,
    agency_id             uuid        not null references agency (id),
    decision_number       text        not null,
    decision_date         date        not null,
    standard_edition      text        not null,
    scope                 text        not null,
    notified_lead_agency_on date,
    announced_by          text        not null,
    created_at            timestamptz not null
);
create index qms_announcement_agency on qms_announcement (agency_id, decision_date);

create table agency_procedure (
    agency_id    uuid not null references agency (id),
    procedure_id uuid not null references administrative_procedure (id),
    since        date not null,
    primary key (agency_id, procedure_id)
);
